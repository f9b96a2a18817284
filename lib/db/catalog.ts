/**
 * Queries behind the read-only API: works, editions, alignment units,
 * paragraphs and glossary entries, a page at a time. They return the plain
 * types of reader.ts, never Prisma rows.
 */
import type { Database } from "./client.ts";
import { Prisma } from "./generated/prisma/client.ts";
import {
  byLanguage,
  editionFields,
  paragraphFields,
  stored,
  toEditionSummary,
  toReaderParagraph,
  type EditionSummary,
  type ReaderParagraph,
  type ReaderUnit,
} from "./reader.ts";

/** A slice of an ordered list: `skip` items are passed over, at most `take` are returned. */
export interface Slice {
  skip: number;
  take: number;
}

export interface Sliced<Item> {
  total: number;
  items: Item[];
}

/** What identifies a work and when it last changed: enough to answer a conditional request. */
export interface WorkStamp {
  id: number;
  slug: string;
  updatedAt: Date;
}

export interface CatalogWork {
  slug: string;
  title: string;
  updatedAt: Date;
  editions: CatalogEdition[];
  units: number;
}

export interface CatalogEdition extends EditionSummary {
  paragraphs: number;
}

export interface LocatedParagraph extends ReaderParagraph {
  language: string;
  /** The number of the alignment unit the paragraph belongs to. */
  unit: number;
}

export interface GlossaryOccurrenceRow {
  language: string;
  paragraph: number;
  unit: number;
  start: number;
  end: number;
  /** The words of the paragraph at these offsets. */
  text: string;
}

export interface GlossaryEntryRow {
  key: string;
  category: string;
  /** The entry as written in the work's glossary file. */
  data: Record<string, unknown>;
  occurrences: GlossaryOccurrenceRow[];
}

/** A work as its list row reads it, with its number of alignment units. */
interface WorkRow {
  id: number;
  slug: string;
  title: string;
  updatedAt: Date;
  units: number | bigint;
}

/** The start of a statement reading WorkRows. */
const workRows = Prisma.sql`SELECT w."id", w."slug", w."title", w."updatedAt", (SELECT count(*) FROM "AlignmentUnit" u WHERE u."workId" = w."id") AS units FROM "Work" w`;

/** The columns of editionFields, the edition's bibliographic data, for raw SQL on "Edition" e. */
const editionColumns = Prisma.raw(
  Object.keys(editionFields)
    .map((field) => `e."${field}"`)
    .join(", "),
);

type EditionRow = Prisma.EditionGetPayload<{ select: typeof editionFields }> & { workId: number; paragraphs: number | bigint };

/**
 * The works with their editions and each edition's number of paragraphs, in
 * raw SQL: the list of works is read on every visit to the home page, and the
 * ORM's own statements for it (the works, their editions, two counts) cost
 * several times what the database spends answering them.
 */
async function withEditions(db: Database, works: WorkRow[]): Promise<CatalogWork[]> {
  if (works.length === 0) return [];
  const editions = await db.$queryRaw<EditionRow[]>`
    SELECT e."workId", ${editionColumns}, (SELECT count(*) FROM "Paragraph" p WHERE p."editionId" = e."id") AS paragraphs
    FROM "Edition" e WHERE e."workId" IN (${Prisma.join(works.map((work) => work.id))})`;
  return works.map((work) => ({
    slug: work.slug,
    title: work.title,
    updatedAt: work.updatedAt,
    editions: editions
      .filter((edition) => edition.workId === work.id)
      .map(({ workId: _workId, paragraphs, ...edition }) => ({ ...toEditionSummary(edition), paragraphs: Number(paragraphs) }))
      .sort(byLanguage),
    units: Number(work.units),
  }));
}

/** Every work's slug and last change, for the conditional request on the list of works. */
export async function worksStamps(db: Database): Promise<WorkStamp[]> {
  return db.work.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, updatedAt: true } });
}

export async function workStamp(db: Database, slug: string): Promise<WorkStamp | null> {
  return db.work.findUnique({ where: { slug }, select: { id: true, slug: true, updatedAt: true } });
}

/**
 * Works per page of the home page's list: a few screens to scan, and quick to serve however large the
 * library (its pager links the first, the last and the nearby pages). With 50, a page was five times the
 * article's alone.
 */
export const WORKS_PER_PAGE = 25;

/** A page of the works, by title then slug. */
export async function listWorksPage(db: Database, slice: Slice): Promise<Sliced<CatalogWork>> {
  const [[counted], works] = await Promise.all([
    db.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS total FROM "Work"`,
    db.$queryRaw<WorkRow[]>`${workRows} ORDER BY w."title", w."slug" LIMIT ${slice.take} OFFSET ${slice.skip}`,
  ]);
  return { total: Number(counted!.total), items: await withEditions(db, works) };
}

/** A work with its editions' bibliographic data and its counts, or null when no work has that slug. */
export async function readCatalogWork(db: Database, slug: string): Promise<CatalogWork | null> {
  const works = await db.$queryRaw<WorkRow[]>`${workRows} WHERE w."slug" = ${slug}`;
  return (await withEditions(db, works))[0] ?? null;
}

/** The languages of a work's editions, in the reader's column order. */
async function editionLanguages(db: Database, workId: number): Promise<{ id: number; language: string }[]> {
  const editions = await db.edition.findMany({ where: { workId }, select: { id: true, language: true } });
  return editions.sort(byLanguage);
}

/** Alignment units of a work by number, each with its paragraphs in every edition. */
async function readUnits(db: Database, workId: number, where: Prisma.AlignmentUnitWhereInput, slice?: Slice): Promise<ReaderUnit[]> {
  const [editions, units] = await Promise.all([
    editionLanguages(db, workId),
    db.alignmentUnit.findMany({
      where: { ...where, workId },
      orderBy: { ordinal: "asc" },
      ...slice,
      select: { id: true, ordinal: true, confidence: true, reviewed: true },
    }),
  ]);
  const paragraphs = await db.paragraph.findMany({
    where: { unitId: { in: units.map((unit) => unit.id) } },
    orderBy: [{ editionId: "asc" }, { ordinal: "asc" }],
    select: { editionId: true, unitId: true, ...paragraphFields },
  });
  const languageOf = new Map(editions.map((edition) => [edition.id, edition.language]));
  const byId = new Map<number, ReaderUnit>(
    units.map(({ id, ...unit }) => [id, { ...unit, paragraphs: Object.fromEntries(editions.map((edition) => [edition.language, []])) }]),
  );
  for (const { editionId, unitId, ...paragraph } of paragraphs) {
    byId.get(unitId)!.paragraphs[languageOf.get(editionId)!]!.push(toReaderParagraph(paragraph, languageOf.get(editionId)!));
  }
  return [...byId.values()];
}

export async function listUnitsPage(db: Database, workId: number, slice: Slice): Promise<Sliced<ReaderUnit>> {
  const [total, items] = await Promise.all([db.alignmentUnit.count({ where: { workId } }), readUnits(db, workId, {}, slice)]);
  return { total, items };
}

export async function readUnit(db: Database, workId: number, ordinal: number): Promise<ReaderUnit | null> {
  const [unit] = await readUnits(db, workId, { ordinal });
  return unit ?? null;
}

/** One edition of a work with its paragraph count, or null when the work has no edition in that language. */
export async function readEdition(db: Database, workId: number, language: string): Promise<CatalogEdition | null> {
  const edition = await db.edition.findUnique({
    where: { workId_language: { workId, language } },
    select: { ...editionFields, _count: { select: { paragraphs: true } } },
  });
  if (!edition) return null;
  const { _count, ...summary } = edition;
  return { ...toEditionSummary(summary), paragraphs: _count.paragraphs };
}

const locatedParagraphFields = { ...paragraphFields, unit: { select: { ordinal: true } }, edition: { select: { language: true } } } satisfies Prisma.ParagraphSelect;

function toLocatedParagraph({ unit, edition, ...paragraph }: Prisma.ParagraphGetPayload<{ select: typeof locatedParagraphFields }>): LocatedParagraph {
  return { ...toReaderParagraph(paragraph, edition.language), language: edition.language, unit: unit.ordinal };
}

/** A page of an edition's paragraphs in reading order. */
export async function listParagraphsPage(db: Database, workId: number, language: string, slice: Slice): Promise<Sliced<LocatedParagraph>> {
  const where = { edition: { workId, language } } satisfies Prisma.ParagraphWhereInput;
  const [total, paragraphs] = await Promise.all([
    db.paragraph.count({ where }),
    db.paragraph.findMany({ where, orderBy: { ordinal: "asc" }, ...slice, select: locatedParagraphFields }),
  ]);
  return { total, items: paragraphs.map(toLocatedParagraph) };
}

export async function readParagraph(db: Database, workId: number, language: string, ordinal: number): Promise<LocatedParagraph | null> {
  const paragraph = await db.paragraph.findFirst({ where: { edition: { workId, language }, ordinal }, select: locatedParagraphFields });
  return paragraph && toLocatedParagraph(paragraph);
}

const glossaryEntryFields = {
  key: true,
  category: true,
  data: true,
  occurrences: {
    select: {
      start: true,
      end: true,
      paragraph: { select: { ordinal: true, text: true, unit: { select: { ordinal: true } }, edition: { select: { language: true } } } },
    },
  },
} satisfies Prisma.GlossaryEntrySelect;

function toGlossaryEntry(entry: Prisma.GlossaryEntryGetPayload<{ select: typeof glossaryEntryFields }>): GlossaryEntryRow {
  const occurrences = entry.occurrences.map(({ start, end, paragraph }) => ({
    language: paragraph.edition.language,
    paragraph: paragraph.ordinal,
    unit: paragraph.unit.ordinal,
    start,
    end,
    text: paragraph.text.slice(start, end),
  }));
  // Reading order: by edition (the reader's column order), then by place in the text.
  occurrences.sort((a, b) => byLanguage(a, b) || a.paragraph - b.paragraph || a.start - b.start);
  return { key: entry.key, category: entry.category, data: stored<Record<string, unknown>>(entry.data), occurrences };
}

/** A page of a work's glossary entries by key, optionally of one category. */
export async function listGlossaryPage(db: Database, workId: number, filter: { category?: string }, slice: Slice): Promise<Sliced<GlossaryEntryRow>> {
  const where = { workId, ...(filter.category ? { category: filter.category } : {}) } satisfies Prisma.GlossaryEntryWhereInput;
  const [total, entries] = await Promise.all([
    db.glossaryEntry.count({ where }),
    db.glossaryEntry.findMany({ where, orderBy: { key: "asc" }, ...slice, select: glossaryEntryFields }),
  ]);
  return { total, items: entries.map(toGlossaryEntry) };
}

export async function readGlossaryEntry(db: Database, workId: number, key: string): Promise<GlossaryEntryRow | null> {
  const entry = await db.glossaryEntry.findUnique({ where: { workId_key: { workId, key } }, select: glossaryEntryFields });
  return entry && toGlossaryEntry(entry);
}
