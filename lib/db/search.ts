/**
 * Search over every edition's paragraphs (headings and references included)
 * and the glossary, on the database's own full-text engine: FTS5 on SQLite,
 * tsvector/GIN on PostgreSQL. The query is parsed and stemmed by lib/search;
 * this module turns it into parameterised SQL for the engine, counts the hits
 * per edition and per work, pages through the matching alignment units and
 * marks the matches in the original text. A query of one common word is
 * counted from its postings (search-postings.ts) rather than from the index.
 */
import type pg from "pg";
import { Prisma } from "./generated/prisma/client.ts";
import { parsedJson, readPool, readRows, type Database } from "./client.ts";
import { ROWID, scopeToken, sqlitePostable, workRowids } from "./search-index.ts";
import { searchEngineOf } from "./search-engine.ts";
import { formKeys, prefixKeys, prefixUpperBound, type GlossaryForms } from "../search/glossary-keys.ts";
import { mergeRanges, queryRanges, type TextRange } from "../search/highlight.ts";
import { lexemeQuery, readPostings, type PostedField } from "./search-postings.ts";
import { ascendingKeyBytes, combineKeys, keysOfSlot, keysOfWork, readKeyBytes, readKeys, splitKey, type KeyLayout, type ReadKeys } from "../search/unit-counts.ts";
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryClause } from "../search/query.ts";
import { tokenize } from "../search/text.ts";

export interface SearchRequest {
  q: string;
  /** A work's slug. */
  work?: string | undefined;
  /** An edition language. */
  lang?: string | undefined;
  /** A section of the work (0 front matter, n the part opened by the n-th heading); only with `work`. */
  section?: number | undefined;
  page: number;
  pageSize: number;
}

export interface HitParagraph {
  ordinal: number;
  kind: string;
  section: number;
  text: string;
  /** Whether this paragraph is one of the hits (the others are its unit's counterparts). */
  matched: boolean;
  /** What to mark in `text`. */
  ranges: TextRange[];
}

export interface SearchHit {
  unit: number;
  section: number;
  /** The unit's paragraphs per edition language (possibly none). */
  paragraphs: Record<string, HitParagraph[]>;
}

export interface HitEdition {
  language: string;
  status: string;
}

export interface SearchWorkHits {
  slug: string;
  title: string;
  editions: HitEdition[];
  /** Section number → heading text per language. */
  sections: Record<number, Record<string, string>>;
  hits: SearchHit[];
}

export interface GlossaryMatch {
  key: string;
  category: string;
  forms: GlossaryForms;
  glossEn: string | null;
  glossRu: string | null;
}

export interface SearchResults {
  query: string;
  /** Whether the query had anything to search for. */
  searched: boolean;
  /** Matching alignment units under every filter: what the pages go through. */
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  /** Matching units per edition language: those in which that edition matches (under every filter but the language). */
  languages: { language: string; units: number }[];
  /** Matching units per work, most first (under every filter but work and section): the first WORK_FACETS works, and the selected one. */
  works: { slug: string; title: string; units: number }[];
  /** How many works have hits (under every filter but work and section). */
  worksWithHits: number;
  /** The glossary entries the query names, in any script. */
  glossary: GlossaryMatch[];
  /** The sections of the selected work, for the section filter. */
  sections: { number: number; headings: Record<string, string> }[];
  /** The page's hits, grouped by work in the order of `works`, each work's in reading order. */
  results: SearchWorkHits[];
}

/** What the engines filter on. The language filter narrows a scan's keys instead (MatchScan.inLanguage). */
interface MatchFilter {
  workId?: number | undefined;
  section?: number | undefined;
}

interface Counts {
  /** Matching units per work id. */
  works: Map<number, number>;
  /** Units in which the edition of each language matches. */
  languages: Map<string, number>;
}

interface MatchedParagraph {
  work: number;
  unit: number;
  language: string;
  position: number;
}

/** The matches of a query under a filter: their counts, and the matching paragraphs of each work, in key order. */
interface MatchScan extends Counts {
  matchesIn(workId: number): MatchedParagraph[];
  /** The matches in the editions of one language: the same scan narrowed, with no second one. */
  inLanguage(language: string): MatchScan;
}

/** What each engine answers; everything else is shared. */
interface EngineQueries {
  /** The paragraphs where every clause of the query matches, or one of the glossary entries occurs, within the filter. */
  scan(filter: MatchFilter, glossaryKeys: string[]): Promise<MatchScan>;
  /** Texts of a few matching paragraphs, for word completions. */
  sampleTexts(limit: number): Promise<string[]>;
}

const quoteFts = (token: string) => `"${token.replace(/"/g, '""')}"`;

function fts5Clause(clause: QueryClause): string {
  if (clause.kind === "prefix") return `words : ${quoteFts(clause.prefix)} *`;
  if (clause.kind === "exact") return `words : ${quoteFts(clause.words.map((word) => word.form).join(" "))}`;
  return `stems : ${quoteFts(clause.words.map((word) => word.stem).join(" "))}`;
}

/**
 * The FTS5 MATCH expression of a query: every clause, or any paragraph where
 * one of the named glossary entries occurs, within the filters. It is passed
 * as a bound parameter; the tokens in it are quoted as FTS5 strings.
 */
export function fts5Expression(query: ParsedQuery, glossaryKeys: readonly string[], filter: Omit<MatchFilter, "workId"> = {}): string | null {
  const parts: string[] = [];
  if (query.clauses.length > 0) parts.push(query.clauses.map(fts5Clause).join(" AND "));
  if (glossaryKeys.length > 0) parts.push(`scope : (${glossaryKeys.map((key) => quoteFts(scopeToken.glossary(key))).join(" OR ")})`);
  if (parts.length === 0) return null;
  const filters = filter.section === undefined ? [] : [`scope : ${quoteFts(scopeToken.section(filter.section))}`];
  return [`(${parts.map((part) => `(${part})`).join(" OR ")})`, ...filters].join(" AND ");
}

/** The bit fields of the keys both engines hand over (SQLite's rowids), as lib/search/unit-counts.ts reads them. */
const KEY_LAYOUT: KeyLayout = { unitBits: ROWID.workShift - ROWID.unitShift, slotBits: ROWID.unitShift - ROWID.slotShift, positionBits: ROWID.slotShift };

const NO_KEYS = readKeys("", KEY_LAYOUT);

/** The counts of a scan and the matches of some works, from the keys of every matching paragraph. */
function keyedScan(read: ReadKeys, slots: Map<number, string>): MatchScan {
  const { keys, counts } = read;
  const language = (slot: number) => slots.get(slot) ?? "?";
  return {
    works: counts.works,
    languages: new Map([...counts.slots].map(([slot, units]) => [language(slot), units])),
    matchesIn(workId) {
      return Array.from(keysOfWork(keys, workId, KEY_LAYOUT), (key) => {
        const { work, unit, slot, position } = splitKey(key, KEY_LAYOUT);
        return { work, unit, language: language(slot), position };
      });
    },
    inLanguage(wanted) {
      const slot = [...slots].find(([, name]) => name === wanted)?.[0];
      return keyedScan(slot === undefined ? NO_KEYS : keysOfSlot(read, slot, KEY_LAYOUT), slots);
    },
  };
}

type SlotRow = { slot: number | bigint; language: string };

const slotMap = (rows: SlotRow[]) => new Map(rows.map((row) => [Number(row.slot), row.language]));

/** The language of each slot of the keys (lib/db/search-index.ts gives them out). */
const slotRows = (db: Database) => readRows<SlotRow>(db, Prisma.sql`SELECT "slot", "language" FROM "SearchLanguage"`);

/** Terms of an index column whose postings (lib/db/search-postings.ts) are, together, a clause's matches. */
interface PostedLookup {
  field: PostedField;
  terms: string[];
}

/** The terms to look up in the postings, when a scan of the filter can be read from them: a query of one unquoted word, with no section chosen. */
function postedTermsOf(query: ParsedQuery, filter: MatchFilter, lookup: (clause: QueryClause) => PostedLookup | null): PostedLookup | null {
  const [clause, ...others] = query.clauses;
  if (!clause || others.length > 0 || filter.section !== undefined) return null;
  return clause.kind === "stems" && clause.words.length === 1 ? lookup(clause) : null;
}

/** A query's glossary entries alone: what SQLite reads beside a term's postings. */
const glossaryOnly = (query: ParsedQuery): ParsedQuery => ({ ...query, clauses: [] });

function sqliteQueries(db: Database, query: ParsedQuery): EngineQueries {
  let slots: Promise<Map<number, string>> | null = null;
  const ofWork = (workId: number | undefined) => {
    if (workId === undefined) return Prisma.empty;
    const { from, to } = workRowids(workId);
    return Prisma.sql`AND rowid >= ${from} AND rowid < ${to}`;
  };
  const scanKeys = async (scanned: ParsedQuery, filter: MatchFilter, glossaryKeys: string[]): Promise<ReadKeys> => {
    const match = fts5Expression(scanned, glossaryKeys, filter);
    // The rowids of every matching paragraph in one string, counted by unit-counts.ts. FTS5 returns them
    // ascending, as it reads its doclists, and unit-counts.ts orders keys that come otherwise: an ORDER BY
    // (in a subquery under the aggregate) cost a common word 1.7 ms.
    const [row] = match
      ? await readRows<{ keys: string | null }>(db, Prisma.sql`
        SELECT group_concat(rowid) AS keys FROM "SearchIndex" WHERE "SearchIndex" MATCH ${match} ${ofWork(filter.workId)}`)
      : [];
    return readKeys(row?.keys ?? "", KEY_LAYOUT);
  };
  // FTS5 matches a stem clause on the terms its tokenizer makes of the stem: a postable stem is one term, itself.
  const stemTerm = (clause: QueryClause): PostedLookup | null => {
    const stem = clause.kind === "stems" ? clause.words[0]!.stem : "";
    return sqlitePostable(stem) ? { field: "stems", terms: [stem] } : null;
  };

  return {
    async scan(filter, glossaryKeys) {
      slots ??= slotRows(db).then(slotMap);
      const lookup = postedTermsOf(query, filter, stemTerm);
      const postings = lookup && (await readPostings(db, lookup.field, lookup.terms, filter.workId));
      if (postings && postings.unposted.length === 0) {
        const glossary = glossaryKeys.length > 0 ? [(await scanKeys(glossaryOnly(query), filter, glossaryKeys)).keys] : [];
        return keyedScan(combineKeys([ascendingKeyBytes(postings.keys), ...glossary], KEY_LAYOUT), await slots);
      }
      return keyedScan(await scanKeys(query, filter, glossaryKeys), await slots);
    },
    async sampleTexts(limit) {
      const match = fts5Expression(query, []);
      if (!match) return [];
      const rows = await readRows<{ text: string }>(db, Prisma.sql`
        SELECT p."text" FROM (
          SELECT rowid >> ${ROWID.workShift} AS work, (rowid >> ${ROWID.unitShift}) & ${ROWID.maxUnit} AS unit, (rowid >> ${ROWID.slotShift}) & ${ROWID.maxSlot} AS slot
          FROM "SearchIndex" WHERE "SearchIndex" MATCH ${match} LIMIT ${limit}) AS hit
        JOIN "AlignmentUnit" u ON u."workId" = hit.work AND u."ordinal" = hit.unit
        JOIN "SearchLanguage" l ON l."slot" = hit.slot
        JOIN "Paragraph" p ON p."unitId" = u."id"
        JOIN "Edition" e ON e."id" = p."editionId" AND e."language" = l."language"`);
      return rows.map((row) => row.text);
    },
  };
}

/** What PostgreSQL's parser makes of a clause, asked before scanning. */
interface ClauseReading {
  /** Unquoted words that PostgreSQL's russian and english configurations both drop as stop words ("have", "чтобы"). */
  onlyStopWords: boolean;
  /** When the clause is matched as a phrase of words as written: the buckets of its adjacent pairs (migration 20261128140000_search_phrase_pairs). */
  pairs: number[];
  /**
   * When the clause's query is one lexeme of each configuration: the column and the lexemes. The clause then
   * matches the rows whose column holds one of them, which postings answer (search-postings.ts): "stems"
   * with the russian and english lexemes; "words" with the simple one, for a stop word.
   */
  posted: PostedLookup | null;
}

/**
 * A clause as a condition on SearchParagraph. Unquoted words are matched on their stems, unless PostgreSQL's
 * russian or english configuration drops them all as stop words: they are then missing from the stems of
 * that language's paragraphs too, and the clause is matched on the words as written instead.
 *
 * A phrase of words as written is matched in two steps: the paragraphs holding its word pairs' buckets come
 * from their index alone (a containment needs no check against the row), then "words" @@ the phrase checks
 * only those. Without the pairs, the phrase would be checked in every paragraph holding its words; as one
 * condition with them, each candidate's pairs would be computed again (some 0.1 ms a paragraph).
 */
function postgresClause(clause: QueryClause, reading: ClauseReading, table: Prisma.Sql): Prisma.Sql {
  if (clause.kind === "prefix") return Prisma.sql`"words" @@ to_tsquery('simple', ${`${clause.prefix}:*`})`;
  const text = clause.words.map((word) => word.form).join(" ");
  if (clause.kind === "exact" || reading.onlyStopWords) {
    const phrase = Prisma.sql`"words" @@ phraseto_tsquery('simple', ${text})`;
    if (reading.pairs.length === 0) return phrase;
    return Prisma.sql`(${phrase} AND "key" = ANY (ARRAY(
      SELECT "key" FROM ${table} WHERE "search_word_pairs"("words") @> ARRAY[${Prisma.join(reading.pairs)}]::integer[])))`;
  }
  // Documents are indexed with the configuration of their edition's language, so the query is read with both.
  return Prisma.sql`"stems" @@ (phraseto_tsquery('russian', ${text}) || phraseto_tsquery('english', ${text}))`;
}

/** How PostgreSQL reads each clause of the query (one statement for all of them; none for prefixes alone). */
async function readClauses(db: Database, query: ParsedQuery): Promise<ClauseReading[]> {
  const texts = query.clauses.map((clause) => (clause.kind === "prefix" ? "" : clause.words.map((word) => word.form).join(" ")));
  const quoted = query.clauses.map((clause) => clause.kind === "exact");
  if (texts.every((text) => text === "")) return texts.map(() => ({ onlyStopWords: false, pairs: [], posted: null }));
  return readRows<ClauseReading>(db, Prisma.sql`
    SELECT stop AS "onlyStopWords", CASE WHEN quoted OR stop THEN "search_word_pairs"(to_tsvector('simple', t)) ELSE '{}' END AS "pairs",
      CASE
        WHEN NOT quoted AND NOT stop AND t <> ''
          AND numnode(phraseto_tsquery('russian', t)) = 1 AND numnode(phraseto_tsquery('english', t)) = 1
          AND length(to_tsvector('russian', t)) = 1 AND length(to_tsvector('english', t)) = 1
        THEN json_build_object('field', 'stems', 'terms', tsvector_to_array(to_tsvector('russian', t)) || tsvector_to_array(to_tsvector('english', t)))
        WHEN stop AND numnode(phraseto_tsquery('simple', t)) = 1 AND length(to_tsvector('simple', t)) = 1
        THEN json_build_object('field', 'words', 'terms', tsvector_to_array(to_tsvector('simple', t)))
      END AS "posted"
    FROM (
      SELECT t, quoted, n, NOT quoted AND t <> '' AND (numnode(phraseto_tsquery('russian', t)) = 0 OR numnode(phraseto_tsquery('english', t)) = 0) AS stop
      FROM unnest(ARRAY[${Prisma.join(texts)}]::text[], ARRAY[${Prisma.join(quoted)}]::boolean[]) WITH ORDINALITY AS clause(t, quoted, n)) AS c
    ORDER BY n`);
}

/** SearchParagraph, and its partitions by work (migration 20261128150000_search_partitions). */
const SEARCH_TABLE = Prisma.raw('"SearchParagraph"');
const SEARCH_PARTITIONS = [Prisma.raw('"SearchParagraph_0"'), Prisma.raw('"SearchParagraph_1"')];

/**
 * A scan's one row, read through node-postgres in a read-only transaction that keeps the planner off a
 * sequential scan and JIT. The planner's cost model misses that a sequential scan unpacks every row's
 * tsvector to test @@ (about a second at 2,000 works), and it takes that plan for common words whenever
 * ANALYZE's sample says so; JIT only adds compile time to these statements. Prisma's transaction passed
 * each of its statements through the query engine: at 2,000 works this way is 1–2.5 ms faster per search,
 * for a rare word as for a common one.
 */
async function readScan(pool: pg.Pool, statement: Prisma.Sql): Promise<{ keys: string | null; slots: SlotRow[] | null }> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query("BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL jit = off");
    const { rows } = await client.query<{ keys: string | null; slots: SlotRow[] | null }>(statement.text, statement.values);
    await client.query("COMMIT");
    return rows[0] ?? { keys: null, slots: null };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose transaction failed is closed rather than lent out again.
    client.release(failure);
  }
}

/** The rows where one of the glossary entries occurs. */
const glossaryMatch = (glossaryKeys: string[]): Prisma.Sql[] => (glossaryKeys.length > 0 ? [Prisma.sql`"glossary" && ARRAY[${Prisma.join(glossaryKeys)}]::text[]`] : []);

function postgresQueries(db: Database, query: ParsedQuery): EngineQueries {
  const readingsOnce = readClauses(db, query);
  // Asked at once, while the glossary is looked up; a search that ends before scanning leaves it unread.
  readingsOnce.catch(() => {});
  /** The rows of a table where the query's clauses match, or one of the glossary entries occurs. */
  const queryMatch = async (glossaryKeys: string[], table: Prisma.Sql): Promise<Prisma.Sql[]> => {
    const readings = await readingsOnce;
    const clauses = query.clauses.map((clause, i) => postgresClause(clause, readings[i]!, table));
    return [...(clauses.length > 0 ? [Prisma.sql`(${Prisma.join(clauses, " AND ")})`] : []), ...glossaryMatch(glossaryKeys)];
  };
  const condition = (match: Prisma.Sql[], filter: MatchFilter): Prisma.Sql | null => {
    if (match.length === 0) return null;
    const filters = [Prisma.sql`(${Prisma.join(match, " OR ")})`];
    if (filter.workId !== undefined) filters.push(Prisma.sql`"workId" = ${filter.workId}`);
    if (filter.section !== undefined) filters.push(Prisma.sql`"section" = ${filter.section}`);
    return Prisma.join(filters, " AND ");
  };

  /** The keys of the paragraphs that `match` finds in a table, within the filter, and the keys' language slots. */
  const scanKeys = async (filter: MatchFilter, match: (table: Prisma.Sql) => Promise<Prisma.Sql[]>): Promise<{ keys: ReadKeys; slots: Map<number, string> }> => {
    // One work lies in one partition, which PostgreSQL finds by itself; the library is read one partition
    // per statement, all of them at once (each on a connection of its own).
    const tables = filter.workId === undefined ? SEARCH_PARTITIONS : [SEARCH_TABLE];
    const wheres = await Promise.all(tables.map(async (table) => condition(await match(table), filter)));
    if (wheres.some((where) => where === null)) return { keys: NO_KEYS, slots: new Map() };
    // The keys of every matching paragraph as one value: each key's 8 bytes (int8send), as base64 text
    // (a bytea would come as hex text, half as long again), and with them the keys' language slots,
    // from the same snapshot.
    const pool = readPool(db);
    if (!pool) throw new Error("PostgreSQL search: this client lends no pool (it was not made by createDatabase, or it has disconnected)");
    const parts = await Promise.all(
      tables.map((table, i) =>
        readScan(
          pool,
          Prisma.sql`
            SELECT encode(string_agg(int8send("key"), ''::bytea), 'base64') AS keys,
              (SELECT json_agg(json_build_object('slot', "slot", 'language', "language")) FROM "SearchLanguage") AS slots
            FROM ${table} WHERE ${wheres[i]!}`,
        ),
      ),
    );
    return { keys: readKeyBytes(parts.map((part) => Buffer.from(part.keys ?? "", "base64")), KEY_LAYOUT), slots: slotMap(parts.flatMap((part) => part.slots ?? [])) };
  };

  return {
    async scan(filter, glossaryKeys) {
      const readings = await readingsOnce;
      const lookup = postedTermsOf(query, filter, () => readings[0]!.posted);
      const postings = lookup && (await readPostings(db, lookup.field, lookup.terms, filter.workId));
      if (!lookup || !postings || postings.unposted.length === new Set(lookup.terms).size) {
        const scanned = await scanKeys(filter, (table) => queryMatch(glossaryKeys, table));
        return keyedScan(scanned.keys, scanned.slots);
      }
      // The other lexemes (as a Cyrillic word's reading by the english configuration, which few paragraphs
      // hold) and the glossary entries are found in the index, the posted ones from their postings.
      const unposted = postings.unposted.length > 0 ? [Prisma.sql`${Prisma.raw(`"${lookup.field}"`)} @@ ${lexemeQuery(postings.unposted)}::tsquery`] : [];
      const rest = unposted.length > 0 || glossaryKeys.length > 0 ? await scanKeys(filter, async () => [...unposted, ...glossaryMatch(glossaryKeys)]) : null;
      // The slots are read after the postings: a slot, once given, never changes, so each key's is among them.
      const slots = rest ? rest.slots : slotMap(await slotRows(db));
      return keyedScan(combineKeys([ascendingKeyBytes(postings.keys), ...(rest ? [rest.keys.keys] : [])], KEY_LAYOUT), slots);
    },
    async sampleTexts(limit) {
      const where = condition(await queryMatch([], SEARCH_TABLE), {});
      if (!where) return [];
      const rows = await readRows<{ text: string }>(db, Prisma.sql`
        SELECT p."text" FROM "SearchParagraph" s JOIN "Paragraph" p ON p."id" = s."paragraphId" WHERE ${where} LIMIT ${limit}`);
      return rows.map((row) => row.text);
    },
  };
}

/** The engine's queries for a parsed query; on PostgreSQL, what they need to know of it is asked at once. */
function engineQueries(db: Database, query: ParsedQuery): EngineQueries {
  return searchEngineOf(db) === "postgresql" ? postgresQueries(db, query) : sqliteQueries(db, query);
}

/** Keys of the glossary entries whose keys (lib/search/glossary-keys.ts) include one of `lookup`. */
async function glossaryKeysFor(db: Database, lookup: string[]): Promise<string[]> {
  if (lookup.length === 0) return [];
  const rows = await readRows<{ key: string }>(db, Prisma.sql`
    SELECT DISTINCT e."key" FROM "SearchGlossaryKey" k JOIN "GlossaryEntry" e ON e."id" = k."entryId"
    WHERE k."key" IN (${Prisma.join(lookup)}) ORDER BY e."key"`);
  return rows.map((row) => row.key);
}

async function glossaryMatches(db: Database, keys: string[]): Promise<GlossaryMatch[]> {
  if (keys.length === 0) return [];
  // Works may share an entry (the same key): the first one written speaks for all.
  const entries = await readRows<{ key: string; category: string; data: Prisma.JsonValue }>(db, Prisma.sql`
    SELECT "key", "category", "data" FROM "GlossaryEntry"
    WHERE "id" IN (SELECT min("id") FROM "GlossaryEntry" WHERE "key" IN (${Prisma.join(keys)}) GROUP BY "key")`);
  const first = new Map(entries.map((entry) => [entry.key, entry]));
  return keys.flatMap((key) => {
    const entry = first.get(key);
    if (!entry) return [];
    const data = parsedJson<GlossaryForms & { glossEn?: string; glossRu?: string }>(entry.data);
    return [{ key, category: entry.category, forms: pickForms(data), glossEn: data.glossEn ?? null, glossRu: data.glossRu ?? null }];
  });
}

function pickForms(data: GlossaryForms): GlossaryForms {
  const { en, hepburn, kanji, kana, polivanov, ru, romanized, journalistic } = data;
  return Object.fromEntries(Object.entries({ en, hepburn, kanji, kana, polivanov, ru, romanized, journalistic }).filter(([, value]) => value !== undefined));
}

/** English first, then the other languages alphabetically: the reader's column order. */
function byLanguage(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "en") return -1;
  if (b === "en") return 1;
  return a.localeCompare(b);
}

/** How many works the per-work counts list; a common word occurs in every work of a large library. */
export const WORK_FACETS = 50;

const emptyResults = (request: SearchRequest, searched: boolean): SearchResults => ({
  query: request.q,
  searched,
  total: 0,
  page: request.page,
  pageSize: request.pageSize,
  pages: 0,
  languages: [],
  works: [],
  worksWithHits: 0,
  glossary: [],
  sections: [],
  results: [],
});

/** The headings of works' sections: work id → section → language → text. */
async function sectionHeadings(db: Database, workIds: number[]): Promise<Map<number, Record<number, Record<string, string>>>> {
  const headings =
    workIds.length === 0
      ? []
      : await readRows<{ workId: number | bigint; language: string; section: number | bigint; text: string }>(db, Prisma.sql`
          SELECT e."workId", e."language", p."section", p."text" FROM "Edition" e JOIN "Paragraph" p ON p."editionId" = e."id"
          WHERE e."workId" IN (${Prisma.join(workIds)}) AND p."kind" = 'heading' ORDER BY p."ordinal"`);
  const byWork = new Map<number, Record<number, Record<string, string>>>();
  for (const heading of headings) {
    const workId = Number(heading.workId);
    const sections = byWork.get(workId) ?? {};
    byWork.set(workId, sections);
    (sections[Number(heading.section)] ??= {})[heading.language] ??= heading.text;
  }
  return byWork;
}

/** Which works (and how many of each one's units) fall on the page. */
function pageWindow(ordered: { id: number; units: number }[], offset: number, size: number): { id: number; offset: number; limit: number }[] {
  const window: { id: number; offset: number; limit: number }[] = [];
  let skip = offset;
  let room = size;
  for (const work of ordered) {
    if (room === 0) break;
    if (skip >= work.units) {
      skip -= work.units;
      continue;
    }
    const limit = Math.min(work.units - skip, room);
    window.push({ id: work.id, offset: skip, limit });
    room -= limit;
    skip = 0;
  }
  return window;
}

/**
 * Searches the library. Counts are exact: matching units per work and per
 * edition language. Hits are alignment units, grouped by work (works with the
 * most hits first, then in the order they were imported) and in reading order
 * within a work, each with every edition's paragraphs and the matches marked.
 */
export async function searchLibrary(db: Database, request: SearchRequest): Promise<SearchResults> {
  const query = parseQuery(request.q);
  // The statements that do not wait for one another run together: on PostgreSQL each on a connection of its own.
  const engine = engineQueries(db, query);
  const [keys, chosen] = await Promise.all([
    glossaryKeysFor(db, formKeys(query.text)),
    request.work === undefined ? [] : readRows<{ id: number | bigint }>(db, Prisma.sql`SELECT "id" FROM "Work" WHERE "slug" = ${request.work}`),
  ]);
  const workId = chosen[0] && Number(chosen[0].id);
  if (isEmptyQuery(query) && keys.length === 0) return emptyResults(request, false);
  if (request.work !== undefined && workId === undefined) return emptyResults(request, true);
  const filter: MatchFilter = { workId, section: workId === undefined ? undefined : request.section };

  const glossary = glossaryMatches(db, keys);
  // The counts per language are under every filter but the language; those per work under every filter but
  // the work and the section: a second scan, of the whole library, only when a work is chosen.
  const [scanned, libraryScan] = await Promise.all([engine.scan(filter, keys), filter.workId === undefined ? null : engine.scan({}, keys)]);
  const inLanguage = (matches: MatchScan) => (request.lang === undefined ? matches : matches.inLanguage(request.lang));
  const scan = inLanguage(scanned);
  const languageCounts = scanned.languages;
  const workCounts = libraryScan ? inLanguage(libraryScan).works : scan.works;

  // Most hits first; among equals, the work imported first. Only the works shown need their titles.
  const rank = (counted: Map<number, number>) => [...counted].map(([id, units]) => ({ id, units })).sort((a, b) => b.units - a.units || a.id - b.id);
  const ordered = rank(scan.works);
  const total = ordered.reduce((sum, row) => sum + row.units, 0);
  const window = pageWindow(ordered, (request.page - 1) * request.pageSize, request.pageSize);
  const pageHits = window.map((slice) => {
    const ofWork = scan.matchesIn(slice.id);
    const units = [...new Set(ofWork.map((match) => match.unit))].sort((a, b) => a - b).slice(slice.offset, slice.offset + slice.limit);
    const pageUnits = new Set(units);
    return { workId: slice.id, units, matched: ofWork.filter((match) => pageUnits.has(match.unit)) };
  });

  const facets = rank(workCounts).filter((row, index) => index < WORK_FACETS || row.id === workId);
  const shown = [...new Set([...facets.map((row) => row.id), ...window.map((slice) => slice.id)])];
  const [headings, results, titles] = await Promise.all([
    sectionHeadings(db, [...new Set([...window.map((slice) => slice.id), ...(workId === undefined ? [] : [workId])])]),
    readHits(db, query, keys, pageHits),
    shown.length === 0 ? [] : readRows<{ id: number | bigint; slug: string; title: string }>(db, Prisma.sql`SELECT "id", "slug", "title" FROM "Work" WHERE "id" IN (${Prisma.join(shown)})`),
  ]);
  const works = new Map(titles.map((row) => [Number(row.id), { slug: row.slug, title: row.title }] as const));
  const titled = results.map((result) => ({ ...result, sections: headings.get(result.workId) ?? {}, slug: works.get(result.workId)!.slug, title: works.get(result.workId)!.title }));

  return {
    query: request.q,
    searched: true,
    total,
    page: request.page,
    pageSize: request.pageSize,
    pages: Math.ceil(total / request.pageSize),
    languages: [...languageCounts].map(([language, units]) => ({ language, units })).sort((a, b) => byLanguage(a.language, b.language)),
    works: facets.map((row) => ({ ...works.get(row.id)!, units: row.units })),
    worksWithHits: workCounts.size,
    glossary: await glossary,
    // Section 0, the front matter, has no heading of its own.
    sections:
      workId === undefined
        ? []
        : Object.entries({ 0: {}, ...headings.get(workId) })
            .map(([number, texts]) => ({ number: Number(number), headings: texts }))
            .sort((a, b) => a.number - b.number),
    results: titled.map(({ workId: _workId, ...result }) => result),
  };
}

/** The page's units with all their paragraphs, the hits marked. */
async function readHits(
  db: Database,
  query: ParsedQuery,
  glossaryKeys: string[],
  pageHits: { workId: number; units: number[]; matched: MatchedParagraph[] }[],
): Promise<(Omit<SearchWorkHits, "slug" | "title" | "sections"> & { workId: number })[]> {
  const wanted = pageHits.filter((hits) => hits.units.length > 0);
  if (wanted.length === 0) return [];
  const [rows, editionRows] = await Promise.all([
    readRows<{ work: number | bigint; unit: number | bigint; id: number | bigint; ordinal: number | bigint; kind: string; section: number | bigint; text: string; language: string }>(db, Prisma.sql`
      SELECT u."workId" AS work, u."ordinal" AS unit, p."id", p."ordinal", p."kind", p."section", p."text", e."language"
      FROM "AlignmentUnit" u JOIN "Paragraph" p ON p."unitId" = u."id" JOIN "Edition" e ON e."id" = p."editionId"
      WHERE ${Prisma.join(
        wanted.map((hits) => Prisma.sql`(u."workId" = ${hits.workId} AND u."ordinal" IN (${Prisma.join(hits.units)}))`),
        " OR ",
      )}
      ORDER BY u."workId", u."ordinal", p."ordinal"`),
    readRows<{ workId: number | bigint; language: string; status: string }>(db, Prisma.sql`
      SELECT "workId", "language", "status" FROM "Edition" WHERE "workId" IN (${Prisma.join(wanted.map((hits) => hits.workId))})`),
  ]);
  const paragraphRows = rows.map((row) => ({ ...row, work: Number(row.work), unit: Number(row.unit), id: Number(row.id), ordinal: Number(row.ordinal), section: Number(row.section) }));
  const editions = editionRows.map((edition) => ({ ...edition, workId: Number(edition.workId) }));
  const paragraphIds = paragraphRows.map((paragraph) => paragraph.id);
  const occurrences =
    glossaryKeys.length > 0 && paragraphIds.length > 0
      ? await readRows<{ paragraphId: number | bigint; start: number | bigint; end: number | bigint }>(db, Prisma.sql`
          SELECT o."paragraphId", o."start", o."end" FROM "GlossaryOccurrence" o JOIN "GlossaryEntry" g ON g."id" = o."entryId"
          WHERE o."paragraphId" IN (${Prisma.join(paragraphIds)}) AND g."key" IN (${Prisma.join(glossaryKeys)})`)
      : [];
  const glossaryRanges = new Map<number, TextRange[]>();
  for (const occurrence of occurrences) {
    const paragraphId = Number(occurrence.paragraphId);
    const ranges = glossaryRanges.get(paragraphId) ?? [];
    ranges.push({ start: Number(occurrence.start), end: Number(occurrence.end) });
    glossaryRanges.set(paragraphId, ranges);
  }
  const units = new Map<string, { ordinal: number; paragraphs: typeof paragraphRows }>();
  for (const paragraph of paragraphRows) {
    const key = `${paragraph.work} ${paragraph.unit}`;
    const unit = units.get(key) ?? { ordinal: paragraph.unit, paragraphs: [] };
    unit.paragraphs.push(paragraph);
    units.set(key, unit);
  }

  return wanted.map((hits) => {
    const languages = editions
      .filter((edition) => edition.workId === hits.workId)
      .sort((a, b) => byLanguage(a.language, b.language));
    const isMatched = new Set(hits.matched.map((paragraph) => `${paragraph.unit} ${paragraph.language} ${paragraph.position}`));
    return {
      workId: hits.workId,
      editions: languages.map(({ language, status }) => ({ language, status })),
      hits: hits.units.flatMap((ordinal) => {
        const unit = units.get(`${hits.workId} ${ordinal}`);
        if (!unit) return [];
        const paragraphs: Record<string, HitParagraph[]> = Object.fromEntries(languages.map(({ language }) => [language, []]));
        for (const paragraph of unit.paragraphs) {
          const list = (paragraphs[paragraph.language] ??= []);
          const matched = isMatched.has(`${ordinal} ${paragraph.language} ${list.length}`);
          const ranges = matched ? mergeRanges([...queryRanges(paragraph.text, query), ...(glossaryRanges.get(paragraph.id) ?? [])]) : [];
          list.push({ ordinal: paragraph.ordinal, kind: paragraph.kind, section: paragraph.section, text: paragraph.text, matched, ranges });
        }
        const firstMatched = Object.values(paragraphs).flat().find((paragraph) => paragraph.matched) ?? unit.paragraphs[0];
        return [{ unit: ordinal, section: firstMatched?.section ?? 0, paragraphs }];
      }),
    };
  });
}

export interface SearchSuggestion {
  /** What the search box should hold when the suggestion is chosen. */
  query: string;
  kind: "glossary" | "word";
  /** A glossary entry's key and its forms in every script. */
  glossary?: GlossaryMatch;
}

const SAMPLE_PARAGRAPHS = 40;

/**
 * Suggestions while a reader types: the glossary entries whose forms (in any
 * script) begin with the text, then the words of the library that complete
 * the last word, the most frequent first among a sample of matching paragraphs.
 */
export async function suggest(db: Database, text: string, limit = 8): Promise<SearchSuggestion[]> {
  const typed = text.trimStart();
  const query = parseQuery(typed, { typing: true });
  const suggestions: SearchSuggestion[] = [];

  const prefixes = prefixKeys(query.text);
  const entryKeys = new Set<string>();
  for (const prefix of prefixes) {
    const rows = await readRows<{ key: string }>(db, Prisma.sql`
      SELECT DISTINCT e."key" FROM "SearchGlossaryKey" k JOIN "GlossaryEntry" e ON e."id" = k."entryId"
      WHERE k."key" >= ${prefix} AND k."key" < ${prefixUpperBound(prefix)} ORDER BY e."key" LIMIT ${limit}`);
    for (const row of rows) entryKeys.add(row.key);
  }
  for (const entry of (await glossaryMatches(db, [...entryKeys])).slice(0, Math.ceil(limit / 2))) {
    suggestions.push({ query: entry.forms.en?.[0] ?? entry.forms.ru ?? entry.key, kind: "glossary", glossary: entry });
  }

  const last = query.clauses.at(-1);
  if (last?.kind === "prefix") {
    const texts = await engineQueries(db, query).sampleTexts(SAMPLE_PARAGRAPHS);
    const frequency = new Map<string, number>();
    for (const paragraphText of texts) {
      for (const token of tokenize(paragraphText)) {
        if (!token.form.startsWith(last.prefix)) continue;
        const word = paragraphText.slice(token.start, token.end).toLowerCase();
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
    }
    const before = typed.slice(0, typed.length - (typed.match(/\S*$/)?.[0].length ?? 0));
    const taken = new Set(suggestions.map((suggestion) => suggestion.query.toLowerCase()));
    for (const [word] of [...frequency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      if (suggestions.length >= limit) break;
      const completed = `${before}${word}`;
      if (taken.has(completed.toLowerCase())) continue;
      taken.add(completed.toLowerCase());
      suggestions.push({ query: completed, kind: "word" });
    }
  }
  return suggestions.slice(0, limit);
}
