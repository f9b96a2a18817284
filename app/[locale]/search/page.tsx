import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/lib/i18n/navigation";
import { database } from "@/lib/db/client";
import { searchLibrary, type HitParagraph, type SearchResults, type SearchWorkHits } from "@/lib/db/search";
import { markPieces } from "@/lib/search/highlight";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { languageName } from "@/lib/i18n/language-name";
import { Pagination } from "@/app/_components/pagination";

// Every search reads the current index.
export const dynamic = "force-dynamic";

/** Hits per page: each is a whole alignment unit in every edition, so ten already make a long page to read, serve and render. */
const PAGE_SIZE = 10;

/** The address's parameters; a malformed one is ignored rather than refused, as a person may have typed it. */
const parametersSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).catch("").default(""),
  work: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional().catch(undefined),
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/).optional().catch(undefined),
  section: z.coerce.number().int().min(0).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

type Parameters = z.output<typeof parametersSchema>;

async function readParameters(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<Parameters> {
  const raw = await searchParams;
  const single = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  return parametersSchema.parse(single);
}

/** The address of this page with some parameters changed (undefined removes one); a new filter starts at page 1. */
function searchHref(parameters: Parameters, changes: Partial<Record<keyof Parameters, string | number | undefined>>): string {
  const next = { ...parameters, page: undefined, ...changes } as Record<string, string | number | undefined>;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(next)) if (value !== undefined && value !== "" && !(name === "page" && value === 1)) search.set(name, String(value));
  return `/search?${search}`;
}

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/search">): Promise<Metadata> {
  const { locale } = await params;
  const { q } = await readParameters(searchParams);
  const t = await getTranslations({ locale, namespace: "search" });
  return { title: q.trim() ? t("titleWithQuery", { query: q.trim() }) : t("title"), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("search");
  const parameters = await readParameters(searchParams);
  const query = parameters.q.trim();
  const results = query
    ? await searchLibrary(database(), { q: query, work: parameters.work, lang: parameters.lang, section: parameters.work ? parameters.section : undefined, page: parameters.page, pageSize: PAGE_SIZE })
    : null;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{query ? t("titleWithQuery", { query }) : t("title")}</h1>
      <FilterForm parameters={parameters} results={results} locale={locale} />
      {/* Open until there are results to read: on a phone it would stand between the form and them. */}
      <details className="mt-3 max-w-3xl text-sm text-muted" open={!query}>
        <summary className="cursor-pointer font-medium">{t("helpSummary")}</summary>
        <p className="mt-1">{t("help")}</p>
      </details>
      {results && <Results parameters={parameters} results={results} locale={locale} />}
    </div>
  );
}

async function FilterForm({ parameters, results, locale }: { parameters: Parameters; results: SearchResults | null; locale: string }) {
  const t = await getTranslations("search");
  const works = results?.works ?? [];
  const languages = results?.languages ?? [];
  const select = "mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5 text-sm";
  return (
    <form action={`/${locale}/search`} method="get" className="mt-6 grid grid-cols-2 items-end gap-3 rounded-lg border border-rule bg-panel p-4 md:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <label className="col-span-2 text-sm md:col-span-1">
        <span className="font-medium">{t("boxLabel")}</span>
        <input type="search" name="q" defaultValue={parameters.q} maxLength={MAX_QUERY_LENGTH} className={select} />
      </label>
      <label className="col-span-2 text-sm md:col-span-1">
        <span className="font-medium">{t("work")}</span>
        <select name="work" defaultValue={parameters.work ?? ""} className={select}>
          <option value="">{t("anyWork")}</option>
          {works.map((work) => (
            <option key={work.slug} value={work.slug}>
              {work.title}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="font-medium">{t("language")}</span>
        <select name="lang" defaultValue={parameters.lang ?? ""} className={select}>
          <option value="">{t("anyLanguage")}</option>
          {languages.map((row) => (
            <option key={row.language} value={row.language}>
              {languageName(row.language, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="font-medium">{t("section")}</span>
        <select name="section" defaultValue={parameters.section === undefined ? "" : String(parameters.section)} disabled={!results?.sections.length} className={select}>
          <option value="">{t("anySection")}</option>
          {results?.sections.map((section) => (
            <option key={section.number} value={section.number}>
              {sectionName(section.number, section.headings, locale, t)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="col-span-2 rounded bg-ink px-4 py-1.5 text-sm text-paper md:col-span-1">
        {t("apply")}
      </button>
    </form>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"search">>>;

/** A section by its heading in the interface language where the work has that edition, else in English or the first edition. */
function sectionName(number: number, headings: Record<string, string>, locale: string, t: Translate): string {
  if (number === 0) return t("frontMatter");
  const heading = headings[locale] ?? headings.en ?? Object.values(headings)[0];
  return heading ? t("sectionName", { number, heading }) : String(number);
}

async function Results({ parameters, results, locale }: { parameters: Parameters; results: SearchResults; locale: string }) {
  const t = await getTranslations("search");
  if (results.total === 0 && results.glossary.length === 0) {
    return <p className="mt-8 text-lg">{t("noResults", { query: results.query })}</p>;
  }
  return (
    <>
      {results.glossary.length > 0 && <GlossaryBox results={results} />}
      {/* The hits first, the counts beside them (below them on a phone), in reading order as on screen. */}
      <div className="mt-8 grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="text-lg font-semibold" data-testid="search-total">
            {t("resultsHeading")}: {t("total", { count: results.total })}
          </h2>
          {results.results.map((work) => (
            <WorkHits key={work.slug} work={work} locale={locale} />
          ))}
          <Pagination label={t("pagination")} page={parameters.page} pages={results.pages} href={(page) => searchHref(parameters, { page })} />
        </section>
        <aside className="space-y-6 text-sm">
          <section aria-labelledby="facet-editions">
            <h2 id="facet-editions" className="font-semibold">
              {t("byEdition")}
            </h2>
            <ul className="mt-2 space-y-1">
              {results.languages.map((row) => (
                <li key={row.language}>
                  <Link href={searchHref(parameters, { lang: row.language })} aria-current={parameters.lang === row.language ? "true" : undefined} className="aria-[current]:font-semibold">
                    {t("passagesIn", { count: row.units, language: languageName(row.language, locale) })}
                  </Link>
                </li>
              ))}
              {parameters.lang && (
                <li>
                  <Link href={searchHref(parameters, { lang: undefined })}>{t("clearFilter")}</Link>
                </li>
              )}
            </ul>
          </section>
          <section aria-labelledby="facet-works">
            <h2 id="facet-works" className="font-semibold">
              {t("byWork")}
            </h2>
            <ul className="mt-2 space-y-1">
              {results.works.slice(0, 20).map((work) => (
                <li key={work.slug}>
                  <Link href={searchHref(parameters, { work: work.slug, section: undefined })} aria-current={parameters.work === work.slug ? "true" : undefined} className="aria-[current]:font-semibold">
                    {work.title}
                  </Link>{" "}
                  <span className="text-muted">({t("passagesInWork", { count: work.units })})</span>
                </li>
              ))}
              {results.worksWithHits > 20 && <li className="text-muted">{t("moreWorks", { count: results.worksWithHits - 20 })}</li>}
              {parameters.work && (
                <li>
                  <Link href={searchHref(parameters, { work: undefined, section: undefined })}>{t("clearFilter")}</Link>
                </li>
              )}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

async function GlossaryBox({ results }: { results: SearchResults }) {
  const t = await getTranslations("search");
  return (
    <section aria-labelledby="glossary-matches" className="mt-6 rounded-lg border border-notice-rule bg-notice p-4">
      <h2 id="glossary-matches" className="text-sm font-semibold">
        {t("glossaryHeading")}
      </h2>
      <ul className="mt-2 space-y-1">
        {results.glossary.map((entry) => {
          const { en, hepburn, kanji, kana, ru } = entry.forms;
          return (
            <li key={entry.key} className="font-serif">
              <span lang="en">{en?.join(", ")}</span>
              {hepburn && <span lang="ja-Latn"> · {hepburn}</span>}
              {kanji && <span lang="ja"> · {kanji}</span>}
              {kana && <span lang="ja"> · {kana}</span>}
              {ru && <span lang="ru"> · {ru}</span>}
              {entry.glossEn && <span className="text-muted" lang="en"> — {entry.glossEn}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

async function WorkHits({ work, locale }: { work: SearchWorkHits; locale: string }) {
  const t = await getTranslations("search");
  const tEdition = await getTranslations("edition");
  const columns = work.editions.length > 1 ? "columns parallel" : "columns";
  return (
    <section className="mt-6" aria-label={work.title} data-work={work.slug}>
      <h3 className="font-serif text-xl font-semibold">
        <Link href={`/works/${work.slug}`}>{work.title}</Link>
      </h3>
      <div className={`${columns} mt-2 border-b border-rule pb-2 text-sm font-semibold tracking-wide uppercase`}>
        {work.editions.map((edition) => (
          <p key={edition.language}>
            {languageName(edition.language, locale)}
            {edition.status === "project-translation" && <span className="ml-2 font-normal tracking-normal normal-case text-muted">({tEdition("status.project-translation")})</span>}
          </p>
        ))}
      </div>
      <ol className="list-none p-0">
        {work.hits.map((hit) => (
          <li key={hit.unit} className="unit" data-unit={hit.unit}>
            <p className="mb-2 text-sm">
              <Link href={`/works/${work.slug}#u${hit.unit}`} className="font-medium">
                {t("openInReader", { number: hit.unit })}
              </Link>
              {hit.section > 0 && <span className="text-muted"> · {sectionName(hit.section, work.sections[hit.section] ?? {}, locale, t)}</span>}
            </p>
            <div className={columns}>
              {work.editions.map((edition) => (
                <div key={edition.language} lang={edition.language} className="cell edition-text" data-label={languageName(edition.language, locale)}>
                  {(hit.paragraphs[edition.language] ?? []).map((paragraph) => (
                    <HitText key={paragraph.ordinal} paragraph={paragraph} />
                  ))}
                </div>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function HitText({ paragraph }: { paragraph: HitParagraph }) {
  return (
    <p data-matched={paragraph.matched ? "true" : undefined} className={paragraph.matched ? undefined : "text-muted"}>
      {markPieces(paragraph.text, paragraph.ranges).map((piece, index) => (piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text))}
    </p>
  );
}
