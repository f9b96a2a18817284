/**
 * The JSON shape of a work's text, shared by the API and the JSON export:
 * public names (number, referenceKey, pages) and ISO dates. The zod schemas
 * in lib/api/schemas.ts describe it.
 */
import type { z } from "zod";
import type { EditionSummary, ReaderParagraph, ReaderUnit, ReaderWork } from "../db/reader.ts";
import type { editionSchema, paragraphSchema, unitSchema, workExportSchema } from "../api/schemas.ts";

/** An edition's bibliographic facts, field by field (a row may carry more, such as its database id). */
export function editionFacts(edition: EditionSummary, paragraphs: number): z.output<typeof editionSchema> {
  return {
    language: edition.language,
    status: edition.status,
    title: edition.title,
    authors: edition.authors.map(({ family, given }) => (given === undefined ? { family } : { family, given })),
    journal: edition.journal,
    year: edition.year,
    volume: edition.volume,
    issue: edition.issue,
    pages: edition.pageRange,
    firstPage: edition.firstPage,
    doi: edition.doi,
    url: edition.url,
    licence: edition.licence,
    note: edition.note,
    paragraphs,
  };
}

export function showParagraph(language: string, paragraph: ReaderParagraph): z.output<typeof paragraphSchema> {
  return {
    id: `${language}-${paragraph.ordinal}`,
    number: paragraph.ordinal,
    kind: paragraph.kind,
    section: paragraph.section,
    referenceKey: paragraph.refKey,
    text: paragraph.text,
    marks: paragraph.marks,
    pageBreaks: paragraph.pageBreaks,
    sentences: paragraph.sentences.map(({ start, end, bead }) => ({ start, end, bead })),
    terms: paragraph.terms.map(({ start, end, entry, lang }) => ({ start, end, entry, lang: lang ?? null })),
  };
}

export function showUnit(unit: ReaderUnit): z.output<typeof unitSchema> {
  return {
    number: unit.ordinal,
    confidence: unit.confidence,
    reviewed: unit.reviewed,
    paragraphs: Object.fromEntries(
      Object.entries(unit.paragraphs).map(([language, paragraphs]) => [language, paragraphs.map((paragraph) => showParagraph(language, paragraph))]),
    ),
  };
}

/** The whole work as one document: its editions and every unit with its paragraphs. */
export function workDocument(work: ReaderWork): z.output<typeof workExportSchema> {
  const paragraphCount = (language: string) => work.units.reduce((sum, unit) => sum + (unit.paragraphs[language]?.length ?? 0), 0);
  return {
    format: "parallel-reader/work",
    version: 1,
    slug: work.slug,
    title: work.title,
    updatedAt: work.updatedAt.toISOString(),
    editions: work.editions.map((edition) => editionFacts(edition, paragraphCount(edition.language))),
    units: work.units.map(showUnit),
  };
}

export function jsonDocument(work: ReaderWork): string {
  return `${JSON.stringify(workDocument(work), null, 2)}\n`;
}
