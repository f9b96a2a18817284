/**
 * Queries behind the glossary pages, the reader's term popover and the study
 * mode: entries with their occurrence counts, one entry with its concordance,
 * and the entries of a deck. They return plain data, never Prisma rows.
 */
import type { Deck } from "../glossary/decks.ts";
import { buildConcordance, type ConcordanceParagraph, type ConcordanceUnit } from "../glossary/concordance.ts";
import type { GlossaryCategory, GlossaryEntry } from "../glossary/schema.ts";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { byLanguage, stored } from "./reader.ts";

export interface GlossaryWork {
  slug: string;
  title: string;
}

export interface GlossaryItem {
  work: GlossaryWork;
  key: string;
  category: GlossaryCategory;
  /** The entry as written in the glossary file. */
  entry: GlossaryEntry;
  /** Every form of the entry, folded (see glossarySearchText). */
  searchText: string;
  /** How often the entry occurs in each edition, by language. */
  occurrences: Record<string, number>;
}

/** Enough of an entry to name it in a link. */
export interface EntryReference {
  key: string;
  category: GlossaryCategory;
  entry: GlossaryEntry;
}

export interface GlossaryCard {
  work: GlossaryWork;
  key: string;
  category: GlossaryCategory;
  entry: GlossaryEntry;
  /** The entries its `related` list names, in that order. */
  related: EntryReference[];
  /** For a cited source: its reference paragraph in each edition. */
  references: { language: string; paragraph: number }[];
  occurrences: Record<string, number>;
}

/** A section of a work: the paragraphs under one heading (0 = the front matter before the first heading). */
export interface WorkSection {
  work: GlossaryWork;
  section: number;
  /** The heading's text in each edition, by language; none for the front matter. */
  headings: Record<string, string>;
}

export interface GlossaryEntryPage extends GlossaryCard {
  /** The work's edition languages, in the reader's column order. */
  languages: string[];
  /** Entries that name this one in their `related` list. */
  referencedBy: EntryReference[];
  /** The sections of the work, by number, for the concordance's row labels. */
  sections: WorkSection[];
  concordance: ConcordanceUnit[];
}

const entryFields = { id: true, key: true, category: true, data: true, searchText: true, work: { select: { slug: true, title: true } } } satisfies Prisma.GlossaryEntrySelect;

type EntryRow = Prisma.GlossaryEntryGetPayload<{ select: typeof entryFields }>;

function toReference(row: Pick<EntryRow, "key" | "category" | "data">): EntryReference {
  return { key: row.key, category: row.category as GlossaryCategory, entry: stored<GlossaryEntry>(row.data) };
}

/** Occurrences per entry id and edition language. */
async function occurrenceCounts(db: Database, entryIds: number[]): Promise<Map<number, Record<string, number>>> {
  const rows = await db.glossaryOccurrence.findMany({
    where: { entryId: { in: entryIds } },
    select: { entryId: true, paragraph: { select: { edition: { select: { language: true } } } } },
  });
  const counts = new Map<number, Record<string, number>>();
  for (const { entryId, paragraph } of rows) {
    const perLanguage = counts.get(entryId) ?? {};
    perLanguage[paragraph.edition.language] = (perLanguage[paragraph.edition.language] ?? 0) + 1;
    counts.set(entryId, perLanguage);
  }
  return counts;
}

function toItem(row: EntryRow, counts: Map<number, Record<string, number>>): GlossaryItem {
  return { ...toReference(row), work: row.work, searchText: row.searchText, occurrences: counts.get(row.id) ?? {} };
}

/** Every glossary entry of every work (or of one), by work then key, with its occurrence counts. */
export async function listGlossary(db: Database, filter: { work?: string } = {}): Promise<GlossaryItem[]> {
  const rows = await db.glossaryEntry.findMany({
    where: filter.work ? { work: { slug: filter.work } } : {},
    orderBy: [{ work: { slug: "asc" } }, { key: "asc" }],
    select: entryFields,
  });
  const counts = await occurrenceCounts(db, rows.map((row) => row.id));
  return rows.map((row) => toItem(row, counts));
}

/** The works that have a glossary, by title. */
export async function listGlossaryWorks(db: Database): Promise<GlossaryWork[]> {
  return db.work.findMany({ where: { glossary: { some: {} } }, orderBy: [{ title: "asc" }, { slug: "asc" }], select: { slug: true, title: true } });
}

/** The entries a list of keys names, in that order; keys without an entry are left out. */
async function references(db: Database, workId: number, keys: readonly string[]): Promise<EntryReference[]> {
  if (keys.length === 0) return [];
  const rows = await db.glossaryEntry.findMany({ where: { workId, key: { in: [...keys] } }, select: { key: true, category: true, data: true } });
  const byKey = new Map(rows.map((row) => [row.key, toReference(row)]));
  return keys.flatMap((key) => byKey.get(key) ?? []);
}

async function readCard(db: Database, row: EntryRow & { workId: number }): Promise<GlossaryCard> {
  const entry = stored<GlossaryEntry>(row.data);
  const [related, counts, referenceParagraphs] = await Promise.all([
    references(db, row.workId, entry.related ?? []),
    occurrenceCounts(db, [row.id]),
    entry.reference
      ? db.paragraph.findMany({ where: { refKey: entry.reference, edition: { workId: row.workId } }, select: { ordinal: true, edition: { select: { language: true } } } })
      : [],
  ]);
  return {
    ...toItem(row, counts),
    related,
    references: referenceParagraphs.map((paragraph) => ({ language: paragraph.edition.language, paragraph: paragraph.ordinal })).sort(byLanguage),
  };
}

/** What the reader's popover shows of an entry, or null when the work has no such entry. */
export async function readGlossaryCard(db: Database, workSlug: string, key: string): Promise<GlossaryCard | null> {
  const row = await db.glossaryEntry.findFirst({ where: { key, work: { slug: workSlug } }, select: { ...entryFields, workId: true } });
  return row && readCard(db, row);
}

/** The sections of a work with their headings in every edition. */
export async function listWorkSections(db: Database, workSlug?: string): Promise<WorkSection[]> {
  const [headings, works] = await Promise.all([
    db.paragraph.findMany({
      where: { kind: "heading", edition: { work: workSlug ? { slug: workSlug } : { glossary: { some: {} } } } },
      orderBy: { ordinal: "asc" },
      select: { section: true, text: true, edition: { select: { language: true, work: { select: { slug: true, title: true } } } } },
    }),
    db.work.findMany({ where: workSlug ? { slug: workSlug } : { glossary: { some: {} } }, orderBy: [{ title: "asc" }, { slug: "asc" }], select: { slug: true, title: true } }),
  ]);
  const sections = new Map<string, WorkSection>(works.map((work) => [`${work.slug}:0`, { work, section: 0, headings: {} }]));
  for (const { section, text, edition } of headings) {
    const id = `${edition.work.slug}:${section}`;
    const current = sections.get(id) ?? { work: edition.work, section, headings: {} };
    current.headings[edition.language] = text;
    sections.set(id, current);
  }
  const order = new Map(works.map((work, index) => [work.slug, index]));
  return [...sections.values()].sort((a, b) => order.get(a.work.slug)! - order.get(b.work.slug)! || a.section - b.section);
}

/**
 * Every work's entry with this key (keys are unique within a work), each
 * with its cross-references and its concordance: the alignment units where
 * it occurs, every edition side by side.
 */
export async function readGlossaryEntryPages(db: Database, key: string): Promise<GlossaryEntryPage[]> {
  const rows = await db.glossaryEntry.findMany({ where: { key }, orderBy: { work: { slug: "asc" } }, select: { ...entryFields, workId: true } });
  return Promise.all(
    rows.map(async (row) => {
      const [card, editions, referrers, occurrences, sections] = await Promise.all([
        readCard(db, row),
        db.edition.findMany({ where: { workId: row.workId }, select: { language: true } }),
        db.glossaryEntry.findMany({ where: { workId: row.workId, NOT: { key } }, orderBy: { key: "asc" }, select: { key: true, category: true, data: true } }),
        db.glossaryOccurrence.findMany({ where: { entryId: row.id }, select: { start: true, end: true, paragraphId: true, paragraph: { select: { unitId: true } } } }),
        listWorkSections(db, row.work.slug),
      ]);
      const unitIds = [...new Set(occurrences.map((occurrence) => occurrence.paragraph.unitId))];
      const paragraphs = await db.paragraph.findMany({
        where: { unitId: { in: unitIds } },
        select: {
          id: true,
          ordinal: true,
          section: true,
          text: true,
          unit: { select: { ordinal: true } },
          edition: { select: { language: true } },
          sentences: { orderBy: { ordinal: "asc" }, select: { start: true, end: true, bead: true } },
        },
      });
      const concordanceParagraphs: ConcordanceParagraph[] = paragraphs.map((paragraph) => ({
        language: paragraph.edition.language,
        ordinal: paragraph.ordinal,
        unit: paragraph.unit.ordinal,
        section: paragraph.section,
        text: paragraph.text,
        sentences: paragraph.sentences,
        occurrences: occurrences.filter((occurrence) => occurrence.paragraphId === paragraph.id).map(({ start, end }) => ({ start, end })),
      }));
      const languages = editions.sort(byLanguage).map((edition) => edition.language);
      return {
        ...card,
        languages,
        referencedBy: referrers.map(toReference).filter((reference) => reference.entry.related?.includes(key)),
        sections,
        concordance: buildConcordance(concordanceParagraphs, languages),
      };
    }),
  );
}

/** The entries that occur in a section of a work, in the order they first occur in it. */
async function sectionEntries(db: Database, workSlug: string, section: number): Promise<EntryRow[]> {
  const occurrences = await db.glossaryOccurrence.findMany({
    where: { paragraph: { section, edition: { work: { slug: workSlug } } } },
    select: { start: true, entry: { select: entryFields }, paragraph: { select: { ordinal: true, edition: { select: { language: true } } } } },
  });
  occurrences.sort((a, b) => byLanguage(a.paragraph.edition, b.paragraph.edition) || a.paragraph.ordinal - b.paragraph.ordinal || a.start - b.start);
  return [...new Map(occurrences.map((occurrence) => [occurrence.entry.key, occurrence.entry])).values()];
}

/** The entries of a deck: every entry, one category's (by work, then key), or a section's in order of first occurrence. */
export async function readDeck(db: Database, deck: Deck): Promise<GlossaryItem[]> {
  if (deck.kind === "section") {
    const rows = await sectionEntries(db, deck.work, deck.section);
    const counts = await occurrenceCounts(db, rows.map((row) => row.id));
    return rows.map((row) => toItem(row, counts));
  }
  const items = await listGlossary(db);
  return deck.kind === "category" ? items.filter((item) => item.category === deck.category) : items;
}
