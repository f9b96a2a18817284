import { getLocale, getTranslations } from "next-intl/server";
import type { EditionSummary } from "@/lib/db/reader";
import { languageName } from "@/lib/i18n/language-name";

/** The bibliographic facts of an edition. A fact that is not known is shown as not known, never guessed. */
export async function EditionDetails({ edition }: { edition: EditionSummary }) {
  const t = await getTranslations("edition");
  const locale = await getLocale();
  const unknown = <span className="text-muted italic">{t("unknown")}</span>;
  const facts: [string, React.ReactNode][] = [
    [t("journal"), edition.journal ? <cite lang={edition.language}>{edition.journal}</cite> : unknown],
    [t("year"), edition.year ?? unknown],
    [t("volume"), edition.volume ?? unknown],
    [t("issue"), edition.issue ?? unknown],
    [t("pages"), edition.pageRange ?? unknown],
    [t("doi"), edition.doi ? <a href={`https://doi.org/${edition.doi}`}>{edition.doi}</a> : unknown],
    [t("licence"), edition.licence ?? unknown],
    [t("source"), edition.url ? <a href={edition.url}>{new URL(edition.url).host}</a> : unknown],
  ];

  return (
    <div data-edition={edition.language} className="rounded-lg border border-rule bg-panel p-4 text-sm">
      <p className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{languageName(edition.language, locale)}</span>
        <span className={edition.status === "project-translation" ? "rounded bg-notice px-2 py-0.5 font-medium text-ink ring-1 ring-notice-rule" : "text-muted"}>
          {t(`status.${edition.status}`)}
        </span>
      </p>
      <p lang={edition.language} className="mt-2 font-serif text-base">
        {edition.authors.map((author) => [author.given, author.family].filter(Boolean).join(" ")).join(", ")}. {edition.title}
      </p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Said wherever the project's own translation is shown: it is not the published wording. */
export async function TranslationNotice({ edition, className }: { edition: EditionSummary; className?: string }) {
  const t = await getTranslations("edition");
  const locale = await getLocale();
  const { journal, year, issue, pageRange } = edition;
  const publication = journal && year && issue && pageRange ? t("publicationFull", { journal, year, issue, pages: pageRange }) : (journal ?? t("unknown"));
  return (
    <p role="note" className={`${className ?? ""} rounded border-l-4 border-notice-rule bg-notice px-3 py-2 text-sm text-ink`}>
      {t("projectTranslationNotice", { language: languageName(edition.language, locale), publication })}
    </p>
  );
}
