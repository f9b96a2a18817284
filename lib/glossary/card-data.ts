/**
 * What the reader's term popover fetches for one entry (GET
 * /{locale}/glossary/{key}/card.json?work={slug}): the entry as written in the
 * glossary file, the forms derived for display, and links. Plain JSON, so that
 * the service worker can keep it for offline reading.
 */
import { entryHeadword, headwordLanguage, localizedHeadword, runningPolivanov } from "./forms.ts";
import { glossaryPaths } from "./paths.ts";
import type { GlossaryCategory, GlossaryEntry } from "./schema.ts";

export interface TermCardLink {
  key: string;
  headword: string;
  /** The language tag of the headword. */
  lang: string;
  href: string;
}

export interface TermCardData {
  work: { slug: string; title: string };
  key: string;
  category: GlossaryCategory;
  headword: string;
  entry: GlossaryEntry;
  polivanovRunning?: string;
  related: TermCardLink[];
  /** Where a cited source's reference stands in each edition (#en-63). */
  references: { language: string; paragraph: number; href: string }[];
  /** Occurrences per edition language. */
  occurrences: Record<string, number>;
  links: { entry: string };
}

export interface TermCardSource {
  work: { slug: string; title: string };
  key: string;
  category: GlossaryCategory;
  entry: GlossaryEntry;
  related: { key: string; category: GlossaryCategory; entry: GlossaryEntry }[];
  references: { language: string; paragraph: number }[];
  occurrences: Record<string, number>;
}

export function toTermCardData(source: TermCardSource, locale: string): TermCardData {
  const polivanovRunning = runningPolivanov(source.entry);
  return {
    work: source.work,
    key: source.key,
    category: source.category,
    headword: entryHeadword(source.entry),
    entry: source.entry,
    ...(polivanovRunning ? { polivanovRunning } : {}),
    related: source.related.map((related) => {
      const headword = localizedHeadword(related.entry, locale);
      return { key: related.key, headword, lang: headwordLanguage(related.entry, headword), href: glossaryPaths.entry(locale, related.key) };
    }),
    references: source.references.map((reference) => ({ ...reference, href: glossaryPaths.reader(locale, source.work.slug, `${reference.language}-${reference.paragraph}`) })),
    occurrences: source.occurrences,
    links: { entry: glossaryPaths.entry(locale, source.key) },
  };
}
