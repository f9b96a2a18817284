/**
 * Posting lists of the library's common terms. Counting a word's matches per
 * work and per edition from the full-text index reads every paragraph that
 * holds it: for a word in a fifth of the library's paragraphs, most of a
 * search's time. For the terms that many paragraphs hold, the keys of those
 * paragraphs (lib/db/search-index.ts) are kept per work in SearchPosting, and a
 * search for one such term reads them in one statement instead.
 *
 * Which terms are posted only decides how fast a search is, never what it
 * finds: indexWork writes a work's postings of every posted term from the
 * index rows it has just written, so they are exact whichever terms are
 * posted. refreshPostedTerms posts the terms that have become common and
 * drops those that no longer are; the imports call it after writing works
 * (importContent, bench:corpus). A term that becomes common through the
 * alignment editor or the edition importer alone is posted at the next
 * import, and searched by scanning until then.
 *
 * Terms are what the engine's index holds of a column (a "field"): on SQLite
 * the terms of FTS5's tokenizer in "stems"; on PostgreSQL the lexemes of its
 * russian and english configurations in "stems", and in "words" the stop
 * words of those configurations, which a search for them reads there.
 */
import { Prisma } from "./generated/prisma/client.ts";
import { parsedJson, readRows, type Database } from "./client.ts";
import { batches, ROWID, sqlitePostable } from "./search-index.ts";
import { searchEngineOf } from "./search-engine.ts";
import { keyBytes } from "../search/unit-counts.ts";

type Transaction = Prisma.TransactionClient;

/**
 * A term is posted once this many paragraphs hold it, and dropped when fewer than half as many do. Scanning
 * a term of 2,000 paragraphs costs about a millisecond at 2,000 works, where this threshold posts some 1,700
 * terms (bench:corpus prints how many).
 */
export const POSTING_THRESHOLD = 2_000;

/** The largest threshold: paragraph counts are 32-bit integers on PostgreSQL (ts_stat's ndoc). */
const MAX_THRESHOLD = 2 ** 31 - 1;

/** The index column a posted term is read from. */
export type PostedField = "stems" | "words";

/** A term as SearchTerm holds it. */
export interface PostedTerm {
  field: PostedField;
  term: string;
  paragraphs: number;
}

export interface PostingRefresh {
  /** Terms posted by this refresh, and the postings written for them. */
  posted: number;
  postings: number;
  /** Terms no longer posted. */
  dropped: number;
  /** Terms posted after it. */
  terms: number;
}

/** A tsquery, as text, of any of these lexemes as they are (quotes and backslashes doubled, as tsquery's input reads them). */
export const lexemeQuery = (lexemes: string[]) => lexemes.map((lexeme) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");

/**
 * How many paragraphs hold each term that at least `minimum` paragraphs hold, as the engine's index counts
 * them: every term of "stems"; on PostgreSQL also the stop words of "words".
 */
async function termFrequencies(tx: Transaction, minimum: number): Promise<PostedTerm[]> {
  if (searchEngineOf(tx) === "postgresql") {
    const rows = await tx.$queryRaw<{ field: PostedField; term: string; paragraphs: number }[]>`
      SELECT 'stems' AS field, "word" AS term, "ndoc" AS paragraphs FROM ts_stat('SELECT "stems" FROM "SearchParagraph"') WHERE "ndoc" >= ${minimum}
      UNION ALL
      SELECT 'words', "word", "ndoc" FROM ts_stat('SELECT "words" FROM "SearchParagraph"')
      WHERE "ndoc" >= ${minimum} AND (numnode(phraseto_tsquery('russian', "word")) = 0 OR numnode(phraseto_tsquery('english', "word")) = 0)`;
    return rows.map((row) => ({ ...row, paragraphs: Number(row.paragraphs) }));
  }
  // FTS5's own count of the rows holding each term of the stems column (fts5vocab), deletions included.
  await tx.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchIndexTerms" USING fts5vocab(main, 'SearchIndex', 'col')`);
  const rows = await tx.$queryRaw<{ term: string; paragraphs: number | bigint }[]>`
    SELECT "term", "doc" AS paragraphs FROM temp."SearchIndexTerms" WHERE "col" = 'stems' AND "doc" >= ${minimum}`;
  return rows.filter((row) => sqlitePostable(row.term)).map((row) => ({ field: "stems", term: row.term, paragraphs: Number(row.paragraphs) }));
}

/** Writes the postings of newly posted terms of one field for every work, from the index; returns how many. */
async function writePostings(tx: Transaction, field: PostedField, terms: string[]): Promise<number> {
  if (terms.length === 0) return 0;
  if (searchEngineOf(tx) === "postgresql") {
    // The paragraphs holding any of the terms come from the field's GIN index; each term's rows from their lexemes.
    const column = Prisma.raw(`"${field}"`);
    return tx.$executeRaw`INSERT INTO "SearchPosting" ("field", "term", "workId", "keys")
      SELECT ${field}, l."lexeme", s."workId", string_agg(int8send(s."key"), ''::bytea ORDER BY s."key")
      FROM "SearchParagraph" s CROSS JOIN LATERAL unnest(s.${column}) AS l
      WHERE s.${column} @@ ${lexemeQuery(terms)}::tsquery AND l."lexeme" IN (SELECT jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb))
      GROUP BY l."lexeme", s."workId"`;
  }
  let written = 0;
  for (const term of terms) {
    const [row] = await tx.$queryRaw<{ keys: string | null }[]>`SELECT group_concat(rowid) AS keys FROM "SearchIndex" WHERE "SearchIndex" MATCH ${`${field} : "${term}"`}`;
    const byWork = new Map<number, number[]>();
    for (const key of row?.keys?.split(",").map(Number) ?? []) {
      const work = Math.floor(key / 2 ** ROWID.workShift);
      const keys = byWork.get(work);
      if (keys) keys.push(key);
      else byWork.set(work, [key]);
    }
    const postings = [...byWork].map(([work, keys]) => ({ w: work, k: Buffer.from(keyBytes(keys)).toString("hex") }));
    for (const batch of batches(postings)) {
      written += await tx.$executeRaw`INSERT INTO "SearchPosting" ("field", "term", "workId", "keys")
        SELECT ${field}, ${term}, value ->> 'w', unhex(value ->> 'k') FROM json_each(${JSON.stringify(batch)})`;
    }
  }
  return written;
}

const termKey = ({ field, term }: { field: PostedField; term: string }) => `${field} ${term}`;

/**
 * Posts the terms that at least `threshold` paragraphs of the library hold, with their postings for every
 * work, and drops the posted terms that fewer than half as many hold; one transaction. On PostgreSQL it
 * holds off the writing of other postings (indexWork) while it runs, so that no work's postings of a term
 * being posted are missed.
 */
export async function refreshPostedTerms(db: Database, { threshold = POSTING_THRESHOLD }: { threshold?: number } = {}): Promise<PostingRefresh> {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > MAX_THRESHOLD) {
    throw new Error(`search postings: the threshold must be a whole number of paragraphs from 1 to ${MAX_THRESHOLD}, not ${threshold}`);
  }
  return db.$transaction(
    async (tx) => {
      const postgres = searchEngineOf(tx) === "postgresql";
      if (postgres) await tx.$executeRaw`LOCK TABLE "SearchPosting" IN SHARE ROW EXCLUSIVE MODE`;
      const frequent = await termFrequencies(tx, Math.ceil(threshold / 2));
      const kept = new Set(frequent.map(termKey));
      const posted = await tx.$queryRaw<{ field: PostedField; term: string }[]>`SELECT "field", "term" FROM "SearchTerm"`;
      const postedKeys = new Set(posted.map(termKey));
      const dropped = posted.filter((row) => !kept.has(termKey(row)));
      const added = frequent.filter((row) => row.paragraphs >= threshold && !postedKeys.has(termKey(row)));
      for (const rows of batches(dropped)) {
        const batch = JSON.stringify(rows);
        if (postgres) {
          await tx.$executeRaw`DELETE FROM "SearchTerm" WHERE ("field", "term") IN (SELECT r.field, r.term FROM jsonb_to_recordset(${batch}::jsonb) AS r(field text, term text))`;
        } else {
          await tx.$executeRaw`DELETE FROM "SearchTerm" WHERE ("field", "term") IN (SELECT value ->> 'field', value ->> 'term' FROM json_each(${batch}))`;
        }
      }
      for (const rows of batches(added)) {
        const batch = JSON.stringify(rows);
        if (postgres) {
          await tx.$executeRaw`INSERT INTO "SearchTerm" ("field", "term", "paragraphs")
            SELECT r.field, r.term, r.paragraphs FROM jsonb_to_recordset(${batch}::jsonb) AS r(field text, term text, paragraphs int)`;
        } else {
          await tx.$executeRaw`INSERT INTO "SearchTerm" ("field", "term", "paragraphs") SELECT value ->> 'field', value ->> 'term', value ->> 'paragraphs' FROM json_each(${batch})`;
        }
      }
      let postings = 0;
      for (const field of ["stems", "words"] as const) {
        postings += await writePostings(tx, field, added.filter((row) => row.field === field).map((row) => row.term));
      }
      return { posted: added.length, postings, dropped: dropped.length, terms: posted.length - dropped.length + added.length };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** What postings answer of a search for some terms: the keys of the posted ones, and which are not posted. */
export interface PostedMatches {
  /** The keys of the paragraphs holding any posted term of the search, as SearchPosting keeps them. */
  keys: Uint8Array;
  /** The terms that are not posted: their paragraphs must be found in the index. */
  unposted: string[];
}

/**
 * The postings of `terms` of a field in one work or in the library. One statement, so that which terms are
 * posted and their postings come from one snapshot.
 */
export async function readPostings(db: Database, field: PostedField, terms: string[], workId?: number): Promise<PostedMatches> {
  const distinct = [...new Set(terms)];
  const ofWork = workId === undefined ? Prisma.empty : Prisma.sql`AND "workId" = ${workId}`;
  const among = Prisma.sql`"field" = ${field} AND "term" IN (${Prisma.join(distinct)})`;
  // PostgreSQL hands the keys over as base64 text (a bytea comes as hex text, half as long again), SQLite as hex.
  const postgres = searchEngineOf(db) === "postgresql";
  const keys = postgres
    ? Prisma.sql`encode((SELECT string_agg("keys", ''::bytea) FROM "SearchPosting" WHERE ${among} ${ofWork}), 'base64')`
    : Prisma.sql`(SELECT group_concat(hex("keys"), '') FROM "SearchPosting" WHERE ${among} ${ofWork})`;
  const posted = postgres
    ? Prisma.sql`(SELECT json_agg("term") FROM "SearchTerm" WHERE ${among})`
    : Prisma.sql`(SELECT json_group_array("term") FROM "SearchTerm" WHERE ${among})`;
  const [row] = await readRows<{ posted: string[] | string | null; keys: string | null }>(db, Prisma.sql`SELECT ${posted} AS posted, ${keys} AS keys`);
  const postedTerms = new Set(parsedJson<string[] | null>(row?.posted ?? null) ?? []);
  return { keys: Buffer.from(row?.keys ?? "", postgres ? "base64" : "hex"), unposted: distinct.filter((term) => !postedTerms.has(term)) };
}
