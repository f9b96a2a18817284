/**
 * Keeps the full-text index of a work current. Whatever changes a work's
 * paragraphs, alignment or glossary (the import, the alignment editor, the
 * edition importer) calls indexWork inside its own transaction, after the
 * change, so the index never lags the text.
 *
 * SQLite: rows of the FTS5 table SearchIndex (see its migration for the rowid
 * layout). PostgreSQL: rows of SearchParagraph, whose tsvectors PostgreSQL
 * computes with its russian and english configurations, each with its key in
 * the layout of SQLite's rowids. On both, the work's rows of SearchPosting:
 * for each posted term (lib/db/search-postings.ts), the keys of the work's
 * paragraphs that hold it, read back from the rows just written.
 */
import { entryKeys, type GlossaryForms } from "../search/glossary-keys.ts";
import { stemOf, tokenize } from "../search/text.ts";
import { keyBytes } from "../search/unit-counts.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { searchEngineOf } from "./search-engine.ts";

type Transaction = Prisma.TransactionClient;

/** Bits of the search keys: SQLite's rowids and PostgreSQL's SearchParagraph."key" (the SQLite migration 20261128050000_search explains the layout). */
export const ROWID = {
  /** Search reads the keys as doubles (lib/search/unit-counts.ts), exact up to 2^53: work ids stay below 2^21. */
  maxWork: 2 ** 21 - 1,
  workShift: 32,
  unitShift: 14,
  slotShift: 8,
  maxUnit: 2 ** 18 - 1,
  maxSlot: 63,
  maxPosition: 255,
} as const;

/**
 * Scope tokens: what the section filter and the glossary entries match on. (The edition's language is in
 * the rowid's slot; the migration's l-<language> tokens are no longer written.)
 */
export const scopeToken = {
  section: (section: number) => `s${section}`,
  glossary: (key: string) => `g-${key}`,
};

/** A paragraph as the index sees it. */
export interface IndexedParagraph {
  paragraphId: number;
  unit: number;
  language: string;
  section: number;
  /** Its place among the paragraphs of the same edition in its unit, from 0. */
  position: number;
  /** The folded forms and the stems of its words, space-separated. */
  words: string;
  stems: string;
  /** Keys of the glossary entries that occur in it. */
  glossary: string[];
}

/** Tokens of a text as the index stores them: folded forms and stems. */
export function indexTokens(text: string): { words: string; stems: string } {
  const tokens = tokenize(text);
  return { words: tokens.map((token) => token.form).join(" "), stems: tokens.map(stemOf).join(" ") };
}

async function indexedParagraphs(tx: Transaction, workId: number): Promise<IndexedParagraph[]> {
  const paragraphs = await tx.paragraph.findMany({
    where: { edition: { workId } },
    orderBy: [{ editionId: "asc" }, { ordinal: "asc" }],
    select: {
      id: true,
      section: true,
      text: true,
      unit: { select: { ordinal: true } },
      edition: { select: { language: true } },
      occurrences: { select: { entry: { select: { key: true } } } },
    },
  });
  const positions = new Map<string, number>();
  return paragraphs.map((paragraph) => {
    const language = paragraph.edition.language;
    const place = `${language} ${paragraph.unit.ordinal}`;
    const position = positions.get(place) ?? 0;
    positions.set(place, position + 1);
    return {
      paragraphId: paragraph.id,
      unit: paragraph.unit.ordinal,
      language,
      section: paragraph.section,
      position,
      ...indexTokens(paragraph.text),
      glossary: [...new Set(paragraph.occurrences.map((occurrence) => occurrence.entry.key))],
    };
  });
}

// Rows go to the database as one JSON parameter per batch: one statement instead of one per paragraph.
const BATCH = 500;

export function batches<Row>(rows: Row[]): Row[][] {
  const result: Row[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) result.push(rows.slice(i, i + BATCH));
  return result;
}

/** A paragraph's key: the SQLite rowid of its index row, and SearchParagraph."key" on PostgreSQL. */
function searchKey(workId: number, unit: number, slot: number, position: number): number {
  return workId * 2 ** ROWID.workShift + unit * 2 ** ROWID.unitShift + slot * 2 ** ROWID.slotShift + position;
}

/**
 * The bounds of a work's rowids in SearchIndex, as integers. better-sqlite3 binds a JS number as a REAL,
 * and FTS5 does not seek to a REAL bound: it reads every row of the index, or of a MATCH's doclists,
 * against it (31 ms to find a work's rows at 2,000 works, where seeking to an integer bound takes 0.02 ms).
 */
export function workRowids(workId: number): { from: bigint; to: bigint } {
  return { from: BigInt(searchKey(workId, 0, 0, 0)), to: BigInt(searchKey(workId + 1, 0, 0, 0)) };
}

/**
 * The language slots of the keys, adding a slot for a language seen for the first time. A slot, once given,
 * never changes, so no key written before needs rewriting.
 */
async function languageSlots(tx: Transaction, languages: string[]): Promise<Map<string, number>> {
  const read = async () => {
    const rows = await tx.$queryRaw<{ slot: number | bigint; language: string }[]>`SELECT "slot", "language" FROM "SearchLanguage"`;
    return new Map(rows.map((row) => [row.language, Number(row.slot)]));
  };
  let slots = await read();
  const missing = languages.filter((language) => !slots.has(language));
  if (missing.length === 0) return slots;
  let next = Math.max(-1, ...slots.values()) + 1;
  for (const language of missing) {
    if (next > ROWID.maxSlot) throw new Error(`search index: the edition language "${language}" would be the library's ${next + 1}th; the search keys hold ${ROWID.maxSlot + 1}`);
    await tx.$executeRaw`INSERT INTO "SearchLanguage" ("slot", "language") VALUES (${next}, ${language}) ON CONFLICT DO NOTHING`;
    next += 1;
  }
  // On PostgreSQL another import may have taken a slot at the same moment; its insert then did nothing.
  slots = await read();
  const lost = missing.find((language) => !slots.has(language));
  if (lost !== undefined) throw new Error(`search index: another import gave out a language slot at the same time as this one gave "${lost}" one; run it again`);
  return slots;
}

/** The paragraphs with their keys, in the order given. */
async function withKeys(tx: Transaction, workId: number, paragraphs: IndexedParagraph[]): Promise<(IndexedParagraph & { key: number })[]> {
  const slots = await languageSlots(tx, [...new Set(paragraphs.map((paragraph) => paragraph.language))]);
  return paragraphs.map((paragraph) => ({ ...paragraph, key: searchKey(workId, paragraph.unit, slots.get(paragraph.language)!, paragraph.position) }));
}

async function indexSqlite(tx: Transaction, workId: number, paragraphs: IndexedParagraph[]): Promise<void> {
  const { from, to } = workRowids(workId);
  await tx.$executeRaw`DELETE FROM "SearchIndex" WHERE rowid >= ${from} AND rowid < ${to}`;
  const rows = (await withKeys(tx, workId, paragraphs)).map((paragraph) => {
    const scope = [scopeToken.section(paragraph.section), ...paragraph.glossary.map(scopeToken.glossary)];
    return { k: paragraph.key, s: paragraph.stems, w: paragraph.words, c: scope.join(" ") };
  });
  for (const batch of batches(rows)) {
    await tx.$executeRaw`INSERT INTO "SearchIndex" (rowid, stems, words, scope)
      SELECT value ->> 'k', value ->> 's', value ->> 'w', value ->> 'c' FROM json_each(${JSON.stringify(batch)})`;
  }
  await postSqlite(tx, workId, rows);
}

/**
 * On SQLite a posted term is written into an FTS5 query string (here, search-postings.ts and search.ts):
 * only terms of these letters and digits are posted, which FTS5's tokenizer reads back as one term, unchanged.
 */
const SQLITE_POSTABLE = /^[0-9a-zа-яё]+$/u;
const POSTABLE_RUN = /[0-9a-zа-яё]+/gu;

/** Whether a stem can be posted on SQLite (and so looked up in SearchTerm): see SQLITE_POSTABLE. */
export const sqlitePostable = (stem: string) => SQLITE_POSTABLE.test(stem);

/**
 * The work's postings of every posted stem. A stem made only of postable letters and digits is one term of
 * FTS5's tokenizer, itself (the stems are separated by spaces, where the tokenizer always splits), so its
 * paragraphs are known here. A stem with other characters too may hold postable terms, if the tokenizer
 * splits it where a character is not a letter or digit to it: which of its paragraphs hold a posted one of
 * those, FTS5 itself says (a MATCH bounded to the work's rowids, where FTS5 seeks). Asking FTS5 for every
 * posted term instead cost 0.4 s a work with 1,700 terms posted.
 */
async function postSqlite(tx: Transaction, workId: number, rows: { k: number; s: string }[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "SearchPosting" WHERE "workId" = ${workId}`;
  const known = new Map<string, number[]>();
  const unsure = new Set<string>();
  for (const row of rows) {
    for (const stem of row.s.split(" ")) {
      if (sqlitePostable(stem)) {
        const keys = known.get(stem);
        if (keys) keys.push(row.k);
        else known.set(stem, [row.k]);
      } else {
        for (const run of stem.toLowerCase().match(POSTABLE_RUN) ?? []) unsure.add(run);
      }
    }
  }
  if (known.size === 0 && unsure.size === 0) return;
  const { from, to } = workRowids(workId);
  // CROSS JOIN keeps SQLite's loops in this order: each term of the work looked up in SearchTerm's key.
  const posted = await tx.$queryRaw<{ term: string; keys: string | null }[]>`
    SELECT t."term", CASE WHEN c.value ->> 'u' THEN (SELECT group_concat(rowid) FROM "SearchIndex"
      WHERE "SearchIndex" MATCH 'stems : "' || t."term" || '"' AND rowid >= ${from} AND rowid < ${to}) END AS keys
    FROM json_each(${JSON.stringify([...new Set([...known.keys(), ...unsure])].map((term) => ({ t: term, u: unsure.has(term) })))}) AS c
    CROSS JOIN "SearchTerm" t ON t."field" = 'stems' AND t."term" = c.value ->> 't'`;
  const postings = posted.flatMap(({ term, keys }) => {
    const termKeys = keys === null ? known.get(term) : keys.split(",").map(Number);
    return termKeys && termKeys.length > 0 ? [{ t: term, k: Buffer.from(keyBytes([...new Set(termKeys)])).toString("hex") }] : [];
  });
  for (const batch of batches(postings)) {
    await tx.$executeRaw`INSERT INTO "SearchPosting" ("field", "term", "workId", "keys")
      SELECT 'stems', value ->> 't', ${workId}, unhex(value ->> 'k') FROM json_each(${JSON.stringify(batch)})`;
  }
}

async function indexPostgres(tx: Transaction, workId: number, paragraphs: IndexedParagraph[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "SearchParagraph" WHERE "workId" = ${workId}`;
  await tx.$executeRaw`DELETE FROM "SearchPosting" WHERE "workId" = ${workId}`;
  // In the paragraphs' order, edition by edition: a word of one language then lies on fewer pages.
  for (const batch of batches(await withKeys(tx, workId, paragraphs))) {
    await tx.$executeRaw`INSERT INTO "SearchParagraph" ("paragraphId", "workId", "unit", "language", "section", "position", "key", "stems", "words", "glossary")
      SELECT r."paragraphId", ${workId}, r."unit", r."language", r."section", r."position", r."key",
        to_tsvector((CASE r."language" WHEN 'ru' THEN 'russian' WHEN 'en' THEN 'english' ELSE 'simple' END)::regconfig, r."words"),
        to_tsvector('simple', r."words"),
        ARRAY(SELECT jsonb_array_elements_text(r."glossary"))
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        AS r("paragraphId" int, "unit" int, "language" text, "section" int, "position" int, "key" bigint, "words" text, "glossary" jsonb)`;
  }
  // The work's postings of every posted term, from the lexemes of the rows just written.
  await tx.$executeRaw`INSERT INTO "SearchPosting" ("field", "term", "workId", "keys")
    SELECT l."field", l."lexeme", ${workId}, string_agg(int8send(l."key"), ''::bytea ORDER BY l."key")
    FROM (
      SELECT 'stems' AS "field", u."lexeme", s."key" FROM "SearchParagraph" s CROSS JOIN LATERAL unnest(s."stems") AS u WHERE s."workId" = ${workId}
      UNION ALL
      SELECT 'words', u."lexeme", s."key" FROM "SearchParagraph" s CROSS JOIN LATERAL unnest(s."words") AS u WHERE s."workId" = ${workId}
    ) AS l JOIN "SearchTerm" t ON t."field" = l."field" AND t."term" = l."lexeme"
    GROUP BY l."field", l."lexeme"`;
}

/** Writes the lookup keys of the work's glossary entries. */
async function indexGlossary(tx: Transaction, workId: number): Promise<void> {
  const entries = await tx.glossaryEntry.findMany({ where: { workId }, select: { id: true, data: true } });
  await tx.$executeRaw`DELETE FROM "SearchGlossaryKey" WHERE "entryId" IN (SELECT "id" FROM "GlossaryEntry" WHERE "workId" = ${workId})`;
  const rows = entries.flatMap((entry) => entryKeys(entry.data as GlossaryForms).map((key) => ({ k: key, e: entry.id })));
  const postgres = searchEngineOf(tx) === "postgresql";
  for (const batch of batches(rows)) {
    const json = JSON.stringify(batch);
    if (postgres) {
      await tx.$executeRaw`INSERT INTO "SearchGlossaryKey" ("key", "entryId") SELECT r.k, r.e FROM jsonb_to_recordset(${json}::jsonb) AS r(k text, e int) ON CONFLICT DO NOTHING`;
    } else {
      await tx.$executeRaw`INSERT OR IGNORE INTO "SearchGlossaryKey" ("key", "entryId") SELECT value ->> 'k', value ->> 'e' FROM json_each(${json})`;
    }
  }
}

/** Every paragraph must have a key of its own in the search's layout (ROWID), on either engine. */
function checkKeys(workId: number, paragraphs: IndexedParagraph[]): void {
  if (workId > ROWID.maxWork) throw new Error(`search index: work id ${workId} is beyond ${ROWID.maxWork}, the largest the search keys hold`);
  for (const paragraph of paragraphs) {
    if (paragraph.unit > ROWID.maxUnit) throw new Error(`search index: work ${workId} has more than ${ROWID.maxUnit} alignment units`);
    if (paragraph.position > ROWID.maxPosition) {
      throw new Error(`search index: unit ${paragraph.unit} of work ${workId} has more than ${ROWID.maxPosition + 1} paragraphs of the ${paragraph.language} edition`);
    }
  }
}

/**
 * Makes the search index of one work match its current paragraphs, alignment
 * units and glossary: removes what was indexed for it and indexes it anew.
 * Call it inside the transaction that changed the work.
 */
export async function indexWork(tx: Transaction, workId: number): Promise<void> {
  const paragraphs = await indexedParagraphs(tx, workId);
  checkKeys(workId, paragraphs);
  if (searchEngineOf(tx) === "postgresql") await indexPostgres(tx, workId, paragraphs);
  else await indexSqlite(tx, workId, paragraphs);
  await indexGlossary(tx, workId);
}
