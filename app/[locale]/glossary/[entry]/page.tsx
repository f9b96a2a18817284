import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { database } from "@/lib/db/client";
import { readGlossaryEntryPages, type GlossaryEntryPage } from "@/lib/db/glossary";
import type { ConcordanceCell, Excerpt } from "@/lib/glossary/concordance";
import { faceLanguage } from "@/lib/glossary/cards";
import { entryHeadword, headwordLanguage, localizedHeadword } from "@/lib/glossary/forms";
import { glossaryPaths } from "@/lib/glossary/paths";
import { languageName } from "@/lib/i18n/language-name";
import { EntryDetails } from "../_components/entry-details";
import { entryLabels } from "../_components/labels";

// One database read serves both the metadata and the page.
const loadEntry = cache((key: string) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) ? readGlossaryEntryPages(database(), key) : Promise.resolve([])));

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/glossary/[entry]">): Promise<Metadata> {
  const { locale, entry } = await params;
  const [page] = await loadEntry(entry);
  if (!page) return {};
  const t = await getTranslations({ locale, namespace: "glossary" });
  return {
    title: t("entry.title", { headword: entryHeadword(page.entry) }),
    description: locale === "ru" ? page.entry.glossRu : page.entry.glossEn,
  };
}

export default async function GlossaryEntryPage({ params }: PageProps<"/[locale]/glossary/[entry]">) {
  const { locale, entry: key } = await params;
  setRequestLocale(locale);
  const pages = await loadEntry(key);
  if (pages.length === 0) notFound();
  const t = await getTranslations("glossary");

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <nav aria-label={t("entry.breadcrumb")} className="text-sm">
        <a href={glossaryPaths.list(locale)}>{t("entry.back")}</a>
      </nav>
      {pages.map((page) => (
        <EntryArticle key={page.work.slug} page={page} locale={locale} showWork={pages.length > 1} />
      ))}
    </div>
  );
}

async function EntryArticle({ page, locale, showWork }: { page: GlossaryEntryPage; locale: string; showWork: boolean }) {
  const t = await getTranslations("glossary");
  const labels = await entryLabels();
  const { entry } = page;
  const headword = entryHeadword(entry);
  const sectionHeading = (section: number) => {
    const headings = page.sections.find((candidate) => candidate.section === section)?.headings ?? {};
    return section === 0 ? t("entry.frontMatter") : (headings[locale === "ru" ? "ru" : "en"] ?? Object.values(headings)[0] ?? "");
  };
  const total = Object.values(page.occurrences).reduce((sum, count) => sum + count, 0);
  const readerHref = (anchor: string) => glossaryPaths.reader(locale, page.work.slug, anchor);
  const headingId = showWork ? `concordance-${page.work.slug}` : "concordance";

  return (
    <article className="mt-4" data-work={page.work.slug}>
      <header>
        <p className="text-sm text-muted">
          {labels.category[page.category]}
          {showWork && ` · ${page.work.title}`}
        </p>
        <h1 className="mt-1 flex flex-wrap items-baseline gap-x-4 font-serif text-3xl font-semibold">
          <span lang={headwordLanguage(entry, headword)}>{headword}</span>
          {entry.kanji && (
            <span lang="ja" className="font-normal">
              {entry.kanji}
            </span>
          )}
          {entry.ru && (
            <span lang={faceLanguage(entry, "ru")} className="font-normal">
              {entry.ru}
            </span>
          )}
        </h1>
      </header>

      <section aria-label={t("entry.fields")} className="mt-6 rounded-lg border border-rule bg-panel p-4 sm:p-6">
        <EntryDetails
          entry={entry}
          labels={labels}
          locale={locale}
          related={page.related}
          references={page.references.map((reference) => ({
            label: t("entry.referenceLink", { language: languageName(reference.language, locale), number: reference.paragraph }),
            href: readerHref(`${reference.language}-${reference.paragraph}`),
          }))}
        />
        {page.referencedBy.length > 0 && (
          <p className="mt-4 text-sm">
            <span className="text-muted">{t("field.referencedBy")}: </span>
            {page.referencedBy.map((reference, index) => (
              <span key={reference.key}>
                {index > 0 && ", "}
                <a href={glossaryPaths.entry(locale, reference.key)} className="underline">
                  {localizedHeadword(reference.entry, locale)}
                </a>
              </span>
            ))}
          </p>
        )}
      </section>

      <section aria-labelledby={headingId} className="mt-10">
        <h2 id={headingId} className="font-serif text-2xl font-semibold">
          {t("entry.concordance")}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {total === 0
            ? t("entry.noOccurrences")
            : [
                t("entry.occurrenceSummary", { count: total, units: page.concordance.length }),
                ...page.languages.map((language) => t("occurrencesIn", { language: languageName(language, locale), count: page.occurrences[language] ?? 0 })),
              ].join(" · ")}
        </p>
        {total > 0 && <p className="mt-1 text-sm text-muted">{t("entry.concordanceIntro")}</p>}
        <ol className="mt-4 space-y-4">
          {page.concordance.map((row) => (
            <li key={row.unit} className="rounded-lg border border-rule p-3 sm:p-4" data-unit={row.unit}>
              <p className="text-sm">
                <a href={readerHref(`u${row.unit}`)} className="font-medium">
                  {t("entry.unit", { number: row.unit })}
                </a>
                <span className="text-muted"> · {sectionHeading(row.section)}</span>
              </p>
              <div className={`mt-2 grid gap-4 ${page.languages.length > 1 ? "md:grid-cols-2" : ""}`}>
                {page.languages.map((language) => (
                  <ConcordanceColumn
                    key={language}
                    language={language}
                    cell={row.cells[language] ?? { occurrences: [], counterparts: [] }}
                    name={languageName(language, locale)}
                    href={(paragraph) => readerHref(`${language}-${paragraph}`)}
                    paragraphLabel={(paragraph) => t("entry.paragraph", { number: paragraph })}
                    notUsed={t("entry.notUsed")}
                    none={t("entry.noCounterpart")}
                  />
                ))}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** An excerpt with an ellipsis where text was left out. */
function Clipped({ excerpt }: { excerpt: Excerpt }) {
  return (
    <>
      {excerpt.clippedStart && "… "}
      {excerpt.text}
      {excerpt.clippedEnd && " …"}
    </>
  );
}

function ConcordanceColumn({
  language,
  cell,
  name,
  href,
  paragraphLabel,
  notUsed,
  none,
}: {
  language: string;
  cell: ConcordanceCell;
  name: string;
  href: (paragraph: number) => string;
  paragraphLabel: (paragraph: number) => string;
  notUsed: string;
  none: string;
}) {
  return (
    <div data-language={language}>
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{name}</p>
      {cell.occurrences.map((line) => (
        <p key={`${line.paragraph}-${line.start}`} lang={language} className="mt-1 font-serif" data-concordance-line>
          <a href={href(line.paragraph)} className="text-ink no-underline hover:underline">
            <span className="mr-2 font-sans text-xs text-muted">{paragraphLabel(line.paragraph)}</span>
            <Clipped excerpt={line.before} />
            <mark className="rounded-sm bg-notice px-0.5 text-ink ring-1 ring-notice-rule">{line.term}</mark>
            <Clipped excerpt={line.after} />
          </a>
        </p>
      ))}
      {cell.occurrences.length === 0 && cell.counterparts.length > 0 && (
        <>
          <p className="mt-1 text-xs text-muted">{notUsed}</p>
          {cell.counterparts.map((sentence) => (
            <p key={`${sentence.paragraph}-${sentence.text}`} lang={language} className="mt-1 font-serif text-muted">
              <a href={href(sentence.paragraph)} className="text-muted no-underline hover:underline">
                <span className="mr-2 font-sans text-xs">{paragraphLabel(sentence.paragraph)}</span>
                <Clipped excerpt={sentence} />
              </a>
            </p>
          ))}
        </>
      )}
      {cell.occurrences.length === 0 && cell.counterparts.length === 0 && <p className="mt-1 text-muted">{none}</p>}
    </div>
  );
}
