import { loadWork } from "@/lib/content/load";
import type { ReaderWork } from "@/lib/db/reader";

/**
 * A work as the exports read it, built straight from a content folder (no
 * database): every paragraph of every edition placed in its alignment unit.
 */
export function workFromContent(folder: string, updatedAt = new Date("2026-11-28T12:00:00Z")): ReaderWork {
  const work = loadWork(folder);
  const editions = [...work.editions].sort((a, b) => (a.metadata.lang === "en" ? -1 : b.metadata.lang === "en" ? 1 : a.metadata.lang.localeCompare(b.metadata.lang)));
  return {
    slug: work.slug,
    title: work.title,
    updatedAt,
    editions: editions.map(({ metadata }) => ({
      language: metadata.lang,
      status: metadata.status,
      title: metadata.title,
      authors: metadata.authors,
      journal: metadata.journal,
      year: metadata.year,
      volume: metadata.volume,
      issue: metadata.issue,
      pageRange: metadata.pages,
      firstPage: metadata.firstPage,
      doi: metadata.doi,
      url: metadata.url,
      licence: metadata.licence,
      note: metadata.note,
    })),
    units: work.units.map((unit) => ({
      ordinal: unit.ordinal,
      confidence: null,
      reviewed: false,
      paragraphs: Object.fromEntries(
        editions.map((edition) => [
          edition.metadata.lang,
          (unit.paragraphs[edition.metadata.lang] ?? []).map((id) => {
            const paragraph = edition.paragraphs.find((candidate) => candidate.id === id)!;
            return { ordinal: paragraph.id, kind: paragraph.kind, section: paragraph.section, refKey: paragraph.refKey, text: paragraph.text, marks: paragraph.marks, pageBreaks: paragraph.pageBreaks, sentences: [], terms: [] };
          }),
        ]),
      ),
    })),
  };
}
