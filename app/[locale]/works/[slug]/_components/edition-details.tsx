import { getLocale, getTranslations } from "next-intl/server";
import type { EditionSummary } from "@/lib/db/reader";
import { languageName } from "@/lib/i18n/language-name";

/**
 * An edition above the text: language, status, author and title, a button to
 * cite it, and its bibliographic facts folded under a summary line. A fact
 * that is not known is shown as not known, never guessed.
 */
export async function EditionDetails({ edition }: { edition: EditionSummary }) {
  const t = await getTranslations("edition");
  const reader = await getTranslations("reader");
  const locale = await getLocale();
  const name = languageName(edition.language, locale);
  const unknown = <span className="muted italic">{t("unknown")}</span>;
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
  const printed = edition.journal && edition.year ? t("printedIn", { journal: edition.journal, year: edition.year }) : (edition.journal ?? t("unknown"));

  return (
    <div data-edition={edition.language} className="edition-card">
      <div className="card-top">
        <span className="font-semibold">{name}</span>
        <span className={edition.status === "project-translation" ? "badge" : "muted"}>{t(`status.${edition.status}`)}</span>
        {/* Opens the reader's citation dialog (reader.tsx). */}
        <button type="button" className="button small" data-cite-edition={edition.language} aria-label={reader("citeEditionLabel", { language: name })}>
          {reader("citeEdition")}
        </button>
      </div>
      <p lang={edition.language} className="card-title">
        {edition.authors.map((author) => [author.given, author.family].filter(Boolean).join(" ")).join(", ")}. {edition.title}
      </p>
      <details>
        <summary>
          <cite lang={edition.language}>{printed}</cite>
        </summary>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

/** What the reader is told wherever the project's own translation is shown: it is not the published wording. */
export async function translationNotice(edition: EditionSummary): Promise<{ text: string; publication: string }> {
  const t = await getTranslations("edition");
  const locale = await getLocale();
  const { journal, year, issue, pageRange } = edition;
  const publication = journal && year && issue && pageRange ? t("publicationFull", { journal, year, issue, pages: pageRange }) : (journal ?? t("unknown"));
  return { text: t("projectTranslationNotice", { language: languageName(edition.language, locale), publication }), publication };
}
