import type { InlineMark, PageBreak } from "../content/inline.ts";
import type { ParagraphKind } from "../content/paragraph.ts";
import type { EditionStatus } from "../content/work-file.ts";
import { termLanguage } from "../glossary/language.ts";
import type { GlossaryCategory } from "../glossary/schema.ts";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";

/** What the reader and the API read: plain data, no Prisma types. */
export interface EditionSummary {
  language: string;
  status: EditionStatus;
  title: string;
  authors: { family: string; given?: string }[];
  journal: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pageRange: string | null;
  firstPage: number | null;
  doi: string | null;
  url: string | null;
  licence: string | null;
  note: string | null;
}

export interface ReaderParagraph {
  ordinal: number;
  kind: ParagraphKind;
  section: number;
  refKey: string | null;
  text: string;
  marks: InlineMark[];
  pageBreaks: PageBreak[];
  /** The paragraph's sentences in order; those with the same bead in a unit correspond across editions. */
  sentences: ReaderSentence[];
  /** Occurrences of glossary entries, by offsets into text. */
  terms: ReaderTerm[];
}

export interface ReaderSentence {
  start: number;
  end: number;
  bead: number;
}

export interface ReaderTerm {
  start: number;
  end: number;
  /** The glossary entry's key (its address: /glossary/hikiwake). */
  entry: string;
  /** The term's language tag where it differs from the edition's (ja-Latn, ja-Cyrl, ru-Latn). */
  lang: string | null;
}

export interface ReaderUnit {
  ordinal: number;
  /** The aligner's confidence in [0, 1], null where the alignment was made by hand. */
  confidence: number | null;
  reviewed: boolean;
  /** The unit's paragraphs per edition language, in reading order (possibly none). */
  paragraphs: Record<string, ReaderParagraph[]>;
}

export interface ReaderWork {
  slug: string;
  title: string;
  /** When the work last changed (import or edit). */
  updatedAt: Date;
  editions: EditionSummary[];
  units: ReaderUnit[];
}

export const editionFields = {
  language: true,
  status: true,
  title: true,
  authors: true,
  journal: true,
  year: true,
  volume: true,
  issue: true,
  pageRange: true,
  firstPage: true,
  doi: true,
  url: true,
  licence: true,
  note: true,
} satisfies Prisma.EditionSelect;

/** A JSON column read back as the shape the importer wrote into it. */
export function stored<Shape>(value: Prisma.JsonValue): Shape {
  return value as Shape;
}

export function toEditionSummary(row: Prisma.EditionGetPayload<{ select: typeof editionFields }>): EditionSummary {
  return { ...row, status: row.status as EditionStatus, authors: stored<EditionSummary["authors"]>(row.authors) };
}

/** English first, then the other languages in alphabetical order: the reader's default column order. */
export function byLanguage(a: { language: string }, b: { language: string }): number {
  if (a.language === b.language) return 0;
  if (a.language === "en") return -1;
  if (b.language === "en") return 1;
  return a.language.localeCompare(b.language);
}

/** What is read of a paragraph, with its sentences and glossary occurrences. */
/** A paragraph's own fields: its text with the inline marks and page breaks. */
export const paragraphTextFields = {
  ordinal: true,
  kind: true,
  section: true,
  refKey: true,
  text: true,
  marks: true,
  pageBreaks: true,
} satisfies Prisma.ParagraphSelect;

/** The text and what the import found in it: sentences and glossary occurrences. */
export const paragraphFields = {
  ...paragraphTextFields,
  sentences: { orderBy: { ordinal: "asc" }, select: { start: true, end: true, bead: true } },
  occurrences: { orderBy: { start: "asc" }, select: { start: true, end: true, entry: { select: { key: true, category: true } } } },
} satisfies Prisma.ParagraphSelect;

export function toReaderParagraph(
  { sentences, occurrences, ...paragraph }: Prisma.ParagraphGetPayload<{ select: typeof paragraphTextFields }> & Partial<Prisma.ParagraphGetPayload<{ select: typeof paragraphFields }>>,
  language: string,
): ReaderParagraph {
  return {
    ...paragraph,
    sentences: sentences ?? [],
    terms: (occurrences ?? []).map(({ entry, ...offsets }) => ({ ...offsets, entry: entry.key, lang: termLanguage(entry.category as GlossaryCategory, language) })),
    kind: paragraph.kind as ParagraphKind,
    marks: stored<InlineMark[]>(paragraph.marks),
    pageBreaks: stored<PageBreak[]>(paragraph.pageBreaks),
  };
}

export interface ReadWorkOptions {
  /** Leave out sentences and glossary terms (empty lists) when only the text is shown. */
  annotations?: boolean;
}

/** A whole work with its editions and every alignment unit, or null when no work has that slug. */
export async function readWork(db: Database, slug: string, { annotations = true }: ReadWorkOptions = {}): Promise<ReaderWork | null> {
  const work = await db.work.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, updatedAt: true, editions: { select: { id: true, ...editionFields } } },
  });
  if (!work) return null;

  const [units, paragraphs] = await Promise.all([
    db.alignmentUnit.findMany({ where: { workId: work.id }, orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, confidence: true, reviewed: true } }),
    db.paragraph.findMany({
      where: { edition: { workId: work.id } },
      orderBy: [{ editionId: "asc" }, { ordinal: "asc" }],
      select: { editionId: true, unitId: true, ...(annotations ? paragraphFields : paragraphTextFields) },
    }),
  ]);

  const editions = [...work.editions].sort(byLanguage);
  const languageOf = new Map(editions.map((edition) => [edition.id, edition.language]));
  const readerUnits = new Map<number, ReaderUnit>(
    units.map(({ id, ...unit }) => [id, { ...unit, paragraphs: Object.fromEntries(editions.map((edition) => [edition.language, []])) }]),
  );
  for (const { editionId, unitId, ...paragraph } of paragraphs) {
    const language = languageOf.get(editionId)!;
    readerUnits.get(unitId)!.paragraphs[language]!.push(toReaderParagraph(paragraph, language));
  }

  return {
    slug: work.slug,
    title: work.title,
    updatedAt: work.updatedAt,
    editions: editions.map(toEditionSummary),
    units: [...readerUnits.values()],
  };
}

/** Works kept per client by readWorkCached; the least recently read goes first. */
const CACHED_WORKS = 16;
const workCaches = new WeakMap<Database, Map<string, { updatedAt: number; work: Promise<ReaderWork | null> }>>();

/**
 * readWork for the server's hot paths (the annotations and citation routes,
 * the API): the whole work is read once per change of the work, which a
 * one-row query of its `updatedAt` detects, instead of once per request.
 */
export async function readWorkCached(db: Database, slug: string, options: ReadWorkOptions = {}): Promise<ReaderWork | null> {
  const stamp = await db.work.findUnique({ where: { slug }, select: { updatedAt: true } });
  if (!stamp) return null;
  let cache = workCaches.get(db);
  if (!cache) workCaches.set(db, (cache = new Map()));
  const key = `${slug}\u0000${options.annotations ?? true}`;
  const hit = cache.get(key);
  cache.delete(key);
  const entry = hit && hit.updatedAt === stamp.updatedAt.getTime() ? hit : { updatedAt: stamp.updatedAt.getTime(), work: readWork(db, slug, options) };
  cache.set(key, entry);
  if (cache.size > CACHED_WORKS) cache.delete(cache.keys().next().value!);
  // A failed read is not kept.
  entry.work.catch(() => cache.delete(key));
  return entry.work;
}
