import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { CITATION_STYLES } from "@/lib/citation/format";
import { database } from "@/lib/db/client";
import { readWork } from "@/lib/db/reader";
import { languageAlternates, OPEN_GRAPH_LOCALES } from "@/lib/i18n/alternates";
import { languageName } from "@/lib/i18n/language-name";
import { routing } from "@/lib/i18n/routing";
import { tableOfContents } from "@/lib/reader/contents";
import { resolveView, type ViewChoice } from "@/lib/reader/preferences";
import { buildTextPayload } from "@/lib/reader/text-payload";
import { Contents } from "./contents";
import { Downloads } from "./downloads";
import { EditionDetails, translationNotice } from "./edition-details";
import { GlossaryPopover } from "./glossary-popover";
import { Reader, type ReaderLabels } from "./reader";
import { reportMisalignmentLabels } from "./report-misalignment-labels";

// One database read serves both the metadata and the page; the page shows the text only (annotations come later).
const loadWork = cache((slug: string) => readWork(database(), slug, { annotations: false }));

/**
 * The reader's page for one work in one view. Nothing in it depends on the
 * request (no cookies, headers or query), so each view of each work is
 * rendered once and served from the cache: the proxy picks the view from the
 * URL or the reader's cookie (proxy.ts), and the reading settings are put on
 * <html> by a script before the first paint (app/[locale]/layout.tsx).
 */
export async function readerMetadata(locale: string, slug: string): Promise<Metadata> {
  const work = await loadWork(slug);
  if (!work) return {};
  const t = await getTranslations({ locale, namespace: "reader" });
  // In running text, as the language writes language names ("английский и русский", not capitalised).
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const languages = new Intl.ListFormat(locale, { type: "conjunction" }).format(work.editions.map((edition) => names.of(edition.language) ?? edition.language));
  const description = t("metaDescription", { title: work.title, languages });
  const authors = work.editions[0]?.authors.map((author) => [author.given, author.family].filter(Boolean).join(" ")) ?? [];
  const alternates = languageAlternates(locale as (typeof routing.locales)[number], `/works/${slug}`);
  return {
    title: work.title,
    description,
    authors: authors.map((name) => ({ name })),
    alternates,
    openGraph: {
      type: "article",
      title: work.title,
      description,
      url: alternates.canonical,
      locale: OPEN_GRAPH_LOCALES[locale as (typeof routing.locales)[number]],
      authors,
      modifiedTime: work.updatedAt.toISOString(),
    },
  };
}

export async function ReaderPage({ locale, slug, choice }: { locale: string; slug: string; choice: ViewChoice }) {
  setRequestLocale(locale);
  const work = await loadWork(slug);
  if (!work) notFound();
  const t = await getTranslations("reader");
  const tCite = await getTranslations("cite");
  const tSettings = await getTranslations("settings");
  const tShortcuts = await getTranslations("shortcuts");
  const format = await getFormatter();

  const editionLanguages = work.editions.map((edition) => edition.language);
  const view = resolveView(editionLanguages, choice);
  const names = Object.fromEntries(work.editions.map((edition) => [edition.language, languageName(edition.language, locale)]));

  const translationNotices = Object.fromEntries(
    await Promise.all(work.editions.filter((edition) => edition.status === "project-translation").map(async (edition) => [edition.language, await translationNotice(edition)] as const)),
  );

  const labels: ReaderLabels = {
    toolbar: t("toolbar"),
    layoutGroup: t("layoutGroup"),
    layouts: { parallel: t("layoutParallel"), interleaved: t("layoutInterleaved"), single: t("layoutSingle") },
    swap: t("swap"),
    settings: t("settings"),
    shortcuts: t("shortcuts"),
    contents: t("contents"),
    paragraphNumber: t.raw("paragraphNumber") as string,
    paragraphMenu: t.raw("paragraphMenu") as string,
    copyLink: t("copyLink"),
    citeParagraph: t("citeParagraph"),
    linkCopied: t("linkCopied"),
    copyFailed: t.raw("copyFailed") as string,
    pageBreak: t("pageBreak"),
    pageBreakNumbered: t.raw("pageBreakNumbered") as string,
    pageMarkShort: t.raw("pageMarkShort") as string,
    noCounterpart: t("noCounterpart"),
    close: t("close"),
    languages: names,
    settingsDialog: {
      title: tSettings("title"),
      textSize: tSettings("textSize"),
      sizes: [tSettings("size1"), tSettings("size2"), tSettings("size3"), tSettings("size4")],
      lineHeight: tSettings("lineHeight"),
      leadings: [tSettings("leading1"), tSettings("leading2"), tSettings("leading3")],
      theme: tSettings("theme"),
      themes: { system: tSettings("themeSystem"), light: tSettings("themeLight"), sepia: tSettings("themeSepia"), dark: tSettings("themeDark") },
      show: tSettings("show"),
      marks: { numbers: tSettings("numbers"), pages: tSettings("pages"), terms: tSettings("terms") },
      note: tSettings("note"),
      done: tSettings("done"),
    },
    shortcutsDialog: {
      title: tShortcuts("title"),
      actions: { next: tShortcuts("next"), previous: tShortcuts("previous"), layout: tShortcuts("layout"), swap: tShortcuts("swap"), help: tShortcuts("help"), escape: tShortcuts("escape") },
    },
    report: await reportMisalignmentLabels(),
    cite: {
      headingParagraph: tCite.raw("headingParagraph") as string,
      headingEdition: tCite.raw("headingEdition") as string,
      style: tCite("style"),
      styles: Object.fromEntries(CITATION_STYLES.map((style) => [style, tCite(`styles.${style}`)])) as ReaderLabels["cite"]["styles"],
      reference: tCite("reference"),
      inText: tCite("inText"),
      paragraphNumbering: tCite.raw("paragraphNumbering") as string,
      copy: tCite("copy"),
      copied: tCite("copied"),
      export: tCite("export"),
      formats: { bibtex: tCite("formats.bibtex"), ris: tCite("formats.ris"), "csl-json": tCite("formats.csl-json") },
      loading: tCite("loading"),
      failed: tCite("failed"),
      close: t("close"),
      notices: Object.fromEntries(Object.entries(translationNotices).map(([language, notice]) => [language, tCite("translationNotice", { publication: notice.publication })])),
    },
  };

  const contents = tableOfContents(work.units);

  return (
    <article className="work mx-auto max-w-7xl px-4 pt-6 sm:px-6">
      <section aria-labelledby="editions-heading" className="work-head">
        <h2 id="editions-heading" className="sr-only">
          {t("editionsHeading")}
        </h2>
        <div className="editions">
          {work.editions.map((edition) => (
            <EditionDetails key={edition.language} edition={edition} />
          ))}
        </div>
        <p className="updated muted small">{t("updated", { date: format.dateTime(work.updatedAt, { dateStyle: "long" }) })}</p>
      </section>

      <div className="reading">
        <nav className="toc toc-side" aria-label={t("contents")}>
          <h2 className="toc-heading">{t("contents")}</h2>
          <Contents entries={contents} order={view.order} beginning={t("frontMatter")} />
        </nav>
        <section aria-labelledby="text-heading" className="text">
          <h2 id="text-heading" className="sr-only">
            {t("textHeading")}
          </h2>
          <Reader
            locale={locale}
            slug={slug}
            payload={buildTextPayload(work)}
            columns={work.editions.map((edition) => ({ language: edition.language, name: names[edition.language]!, notice: translationNotices[edition.language]?.text }))}
            labels={labels}
            initialLayout={view.layout}
            initialOrder={view.order}
            print={{ heading: t("printCite"), source: t.raw("printSource") as string, style: locale === "ru" ? "gost" : "apa" }}
          />
        </section>
      </div>

      <div className="work-foot">
        <Downloads slug={slug} />
      </div>

      <dialog id="reader-contents" className="dialog drawer" aria-labelledby="contents-heading">
        <div className="dialog-head">
          <h2 id="contents-heading">{t("contents")}</h2>
          <form method="dialog">
            <button className="close" aria-label={t("close")}>
              ×
            </button>
          </form>
        </div>
        {/* Filled with the sidebar's list when opened (reader.tsx), so the page carries the contents once. */}
        <nav className="toc" aria-labelledby="contents-heading" />
      </dialog>
      <GlossaryPopover workSlug={slug} />
    </article>
  );
}
