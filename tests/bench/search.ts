/**
 * npm run bench:search [-- --works 2000] [--postgres]
 *
 * Measures search through the running production server (built and started
 * on loopback, stopped at the end), first on the article alone, then on a
 * library of --works works: search latency p50/p95 for single words (English
 * and Russian; also with the language and the work filters), phrases and
 * prefixes, as search pages, and for words also as the API's answer (the same
 * search without the page around it); the suggestions while typing, the
 * reader page p50 and the works list p50. Prints one table per engine.
 *
 * The library is what `npm run bench:corpus -- --works N` generates. The
 * works list is measured as served (each page of the list is cached once
 * rendered, like the reader's pages) against the article alone and against a
 * library of one full page (the article and the library's first works), and
 * at the first visit of each of its pages after the first, which renders the
 * page. Before each kind of request the database is read into memory
 * (pageCacheWarmer).
 *
 * SQLite by default (prisma/bench-search-article.db, which then holds the
 * one-page library, and prisma/bench-search-library.db, which is kept for the
 * next run); PostgreSQL when DATABASE_URL names one or with --postgres (a
 * throwaway cluster, with a quarter of the machine's memory as shared
 * buffers). Targets: search p95 ≤ 50 ms; the reader page within 1.5× of its
 * article-alone figure; the works list as fast at any size.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { startCluster, type PostgresCluster } from "@/lib/cli/postgres-cluster";
import { loadWork } from "@/lib/content/load";
import { createDatabase, type Database } from "@/lib/db/client";
import { WORKS_PER_PAGE } from "@/lib/db/catalog";
import { isPostgresUrl, sqliteFilePath } from "@/lib/db/url";
import { parseGlossary } from "@/lib/glossary/schema";
import { tokenize } from "@/lib/search/text";
import { startProductionServer } from "./server";

const { values } = parseArgs({ options: { works: { type: "string", default: "2000" }, postgres: { type: "boolean", default: false } } });
const libraryWorks = Number(values.works);
if (!Number.isInteger(libraryWorks) || libraryWorks < 1) throw new Error(`--works must be a whole number of works, not "${values.works}"`);

const ARTICLE = "streltsov-2018";
/**
 * Distinct queries per kind, each asked once: what a reader asks is rarely what was just asked. With 20,
 * p95 was the second slowest single answer (one pause of the machine decided it) and the article's most
 * frequent word weighed a twentieth of the figure; the slowest query of each kind is printed as well.
 */
const QUERIES_PER_KIND = 100;
/** The throwaway PostgreSQL cluster's shared buffers: a quarter of the machine's memory. */
const SHARED_BUFFERS_MB = Math.floor(totalmem() / 4 / 2 ** 20);
/**
 * Searches of queries that are not measured, before measuring, as a server in use has served many: its code is
 * compiled for what it has served. On the library's server just started, the p95 of English words' search pages
 * was 87-109 ms over its first 100 searches, 61-80 ms over the next 100, and 55-68 ms over each 100 after those.
 */
const WARM_UP = 300;
/** Of them, also asked of the API, whose route is compiled apart. */
const API_WARM_UP = 100;
/** Hits on a page of the search page (app/[locale]/search/page.tsx), asked of the API as well. */
const PAGE_SIZE = 10;
const READER_SAMPLES = 20;

/** The article's words of at least `minLength` letters, most frequent first. */
function wordsByFrequency(language: "en" | "ru", minLength: number): string[] {
  const text = loadWork(`content/${ARTICLE}`).editions.find((edition) => edition.metadata.lang === language)!.paragraphs.map((paragraph) => paragraph.text).join(" ");
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) if (token.form.length >= minLength && !/\d/.test(token.form)) counts.set(token.form, (counts.get(token.form) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

/** `count` items spread evenly over a ranked list: common, middling and rare alike. */
function spread<Item>(items: Item[], count: number): Item[] {
  if (items.length < count) throw new Error(`bench:search: ${count} queries of a kind were asked for, and the article has ${items.length}`);
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/** Two-word phrases of the article, as a reader would quote them. */
function phrases(language: "en" | "ru", count: number): string[] {
  const paragraphs = loadWork(`content/${ARTICLE}`).editions.find((edition) => edition.metadata.lang === language)!.paragraphs;
  const pairs = paragraphs.flatMap((paragraph) => {
    const tokens = tokenize(paragraph.text).filter((token) => token.form.length >= 4);
    return tokens.slice(1).map((token, i) => paragraph.text.slice(tokens[i]!.start, token.end)).filter((pair) => /^[\p{L} ]+$/u.test(pair));
  });
  return spread([...new Set(pairs)], count).map((pair) => `"${pair}"`);
}

/** The first five letters of the words of at least seven, the most frequent words' first, each once. */
const prefixes = (words: string[]) => [...new Set(words.filter((word) => word.length >= 7).map((word) => word.slice(0, 5)))].slice(0, 300);

/** A kind of search measured: its queries, the filters each of its searches adds (none: the whole library), and whether it asks the API. */
interface SearchKind {
  queries: string[];
  filters?: Record<string, string>;
  api?: boolean;
}

/** A search page's address, or the API's for the same search (its JSON: the hits and counts without the page around them). */
const searchPath = (query: string, filters: Record<string, string> = {}, api = false) =>
  api ? `/api/v1/search?${new URLSearchParams({ q: query, ...filters, pageSize: String(PAGE_SIZE) })}` : `/en/search?${new URLSearchParams({ q: query, ...filters })}`;

function kinds(): Record<string, SearchKind> {
  const english = wordsByFrequency("en", 4);
  const russian = wordsByFrequency("ru", 4);
  const glossary = parseGlossary(readFileSync(`content/${ARTICLE}/glossary.yaml`, "utf8"), "glossary.yaml");
  const forms = glossary.flatMap((entry) => [entry.hepburn, entry.kanji, entry.ru].filter((form): form is string => form !== undefined));
  const half = QUERIES_PER_KIND / 2;
  return {
    "search: words (en)": { queries: spread(english.slice(0, 400), QUERIES_PER_KIND) },
    "search: words (ru)": { queries: spread(russian.slice(0, 400), QUERIES_PER_KIND) },
    "search: phrases": { queries: [...phrases("en", half), ...phrases("ru", half)] },
    "search: prefixes": { queries: [...spread(prefixes(english), half), ...spread(prefixes(russian), half)].map((prefix) => `${prefix}*`) },
    "search: glossary in any script": { queries: spread(forms, QUERIES_PER_KIND) },
    // The filters, with other words of the same ranks (every fourth from the second, from the third), so that
    // each search still reads its words for the first time.
    "search: words (en), English editions only": { queries: spread(english.slice(1, 401), QUERIES_PER_KIND), filters: { lang: "en" } },
    "search: words (en), within the article": { queries: spread(english.slice(2, 402), QUERIES_PER_KIND), filters: { work: ARTICLE } },
    "search API: words (en)": { queries: spread(english.slice(3, 403), QUERIES_PER_KIND), api: true },
    "search API: words (ru)": { queries: spread(russian.slice(1, 401), QUERIES_PER_KIND), api: true },
  };
}

const KINDS = kinds();
/** Every query that is measured. */
const MEASURED = new Set(Object.values(KINDS).flatMap((kind) => kind.queries));
/** Warm-up queries: the article's commonest words that are not measured, both languages, every third as a prefix where it makes one. */
const WARM_UP_QUERIES = (["en", "ru"] as const).flatMap((language) =>
  wordsByFrequency(language, 4)
    .filter((word) => !MEASURED.has(word))
    .slice(0, WARM_UP / 2)
    .map((word, i) => (i % 3 === 2 && word.length >= 7 && !MEASURED.has(`${word.slice(0, 5)}*`) ? `${word.slice(0, 5)}*` : word)),
);
const SUGGESTIONS = (["en", "ru"] as const).flatMap((language) => spread([...new Set(wordsByFrequency(language, 6).map((word) => word.slice(0, 4)))], QUERIES_PER_KIND / 2));

type Row = { figure: string; article: string; library: string; target: string };

interface Sample {
  path: string;
  ms: number;
}

/** Latency of each address, asked once after it, in order, fastest first. */
async function latencies(origin: string, paths: string[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    samples.push({ path, ms: performance.now() - started });
  }
  return samples.sort((a, b) => a.ms - b.ms);
}

const percentile = (sorted: Sample[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.ms;
/** The slowest answer, and what was asked: `q` of a search address. */
const slowest = (sorted: Sample[]) => `${ms(sorted.at(-1)!.ms)} (${new URL(sorted.at(-1)!.path, "http://x").searchParams.get("q")})`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Requests of the list before measuring it. */
const LIST_WARM_UP = 800;

/** Pages of the list of works after the first, each visited once: the first visit renders the page. */
const LIST_PAGES = 20;

/** What is measured: everything, or the works list alone (on a library of one full page). */
type Scope = "everything" | "works list";

async function measure(origin: string, works: number, warm: () => Promise<void>, scope: Scope): Promise<Map<string, Sample[]>> {
  const figures = new Map<string, Sample[]>();
  const measured = async (name: string, paths: string[]) => {
    await warm();
    figures.set(name, await latencies(origin, paths));
  };
  // The same traffic before the list on every server: the list measured on a server just started, with
  // the article and 24 works, took 14.4 ms; after 800 requests of it 3.8 ms, and 8.5 ms on the library's
  // server after its searches. The server's code is optimised for what it has served.
  const measureList = async () => {
    await latencies(origin, Array.from({ length: LIST_WARM_UP }, () => "/en"));
    await measured("works list", Array.from({ length: READER_SAMPLES }, () => "/en"));
  };
  if (scope === "works list") {
    await measureList();
    return figures;
  }
  await latencies(origin, ["/en", ...WARM_UP_QUERIES.map((query) => searchPath(query)), ...WARM_UP_QUERIES.slice(0, API_WARM_UP).map((query) => searchPath(query, {}, true))]);
  for (const [name, kind] of Object.entries(KINDS)) await measured(name, kind.queries.map((query) => searchPath(query, kind.filters, kind.api)));
  await measured("suggestions while typing", SUGGESTIONS.map((text) => `/api/v1/search/suggestions?q=${encodeURIComponent(text)}`));
  await measured("reader page", Array.from({ length: READER_SAMPLES }, () => `/en/works/${ARTICLE}`));
  await measureList();
  const pages = Math.min(LIST_PAGES, Math.ceil(works / WORKS_PER_PAGE) - 1);
  if (pages > 0) await measured("works list, first visit", Array.from({ length: pages }, (_, i) => `/en?page=${i + 2}`));
  return figures;
}

/**
 * Reads the database into memory before each kind of request is measured, as a server's is while it is
 * in use. Some virtual machines page out file pages left untouched for a minute (Linux's DAMON "pageout");
 * a query's first read of its part of the index then waits on the disk, and the figures measure the disk
 * (on one such machine, two minutes after the library was read 40 % of its SQLite file had left memory,
 * and English words' p95 was 57.6 ms against 49.4 ms after reading the file).
 *
 * SQLite: the database file, read through into the operating system's cache. PostgreSQL: every table
 * and index, into the server's shared buffers (pg_prewarm's "buffer" mode), where a server in use has the
 * pages it reads; from the operating system's cache alone, a common word's first search copied 2,800 pages
 * of one partition into them (its statement took 52 ms, and 19 ms once they were there). The extension is
 * created in a cluster of this benchmark's own, and used in another server's database only if it is there
 * already.
 */
async function pageCacheWarmer(url: string, db: Database, ownCluster: boolean): Promise<() => Promise<void>> {
  if (!isPostgresUrl(url)) {
    const file = sqliteFilePath(url);
    const files = [file, `${file}-wal`].filter((name) => existsSync(name));
    const buffer = Buffer.allocUnsafe(16 * 2 ** 20);
    // Read without blocking: a blocked event loop misses the server closing an idle keep-alive connection
    // (after 5 s), and the next request went out on it ("other side closed").
    return async () => {
      for (const name of files) {
        const handle = await open(name, "r");
        try {
          while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
        } finally {
          await handle.close();
        }
      }
    };
  }
  if (ownCluster) await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
  const [row] = await db.$queryRawUnsafe<{ installed: boolean }[]>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm') AS installed");
  if (!row?.installed) {
    console.log("bench:search: pg_prewarm is not installed in this database; its pages are measured as the server has them");
    return async () => {};
  }
  return async () => {
    await db.$queryRawUnsafe(`
      SELECT sum(pg_prewarm(c.oid, 'buffer')) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'i', 't', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`);
  };
}

/** The machine's load while measuring: on a busy machine every figure is slower. */
const loads: number[] = [];

/** Waits, three minutes at most, for the load of building and writing the library to pass (1-minute load average under 1). */
async function settle(): Promise<void> {
  const until = Date.now() + 180_000;
  while (loadavg()[0]! >= 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5000));
}

/** Serves the database at `url` and measures; the server makes the database ready first, as `npm start` does. */
async function serveAndMeasure(url: string, scope: Scope = "everything"): Promise<Map<string, Sample[]>> {
  process.env.DATABASE_URL = url;
  const server = await startProductionServer();
  const db = createDatabase(url);
  try {
    await settle();
    const figures = await measure(server.origin, await db.work.count(), await pageCacheWarmer(url, db, cluster !== null), scope);
    loads.push(loadavg()[0]!);
    return figures;
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

/** The first `works` works of the synthetic library of bench:corpus, written into the database at `url`. */
function buildLibrary(url: string, works: number): void {
  const result = spawnSync("npm", ["run", "bench:corpus", "--", "--works", String(works)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) throw new Error("npm run bench:corpus failed");
}

function table(engine: string, article: Map<string, Sample[]>, onePage: Map<string, Sample[]>, library: Map<string, Sample[]>): void {
  const rows: Row[] = [];
  for (const name of [...Object.keys(KINDS), "suggestions while typing"]) {
    for (const p of [50, 95]) {
      rows.push({ figure: `${name} p${p}`, article: ms(percentile(article.get(name)!, p)), library: ms(percentile(library.get(name)!, p)), target: p === 95 ? "≤ 50 ms" : "" });
    }
    rows.push({ figure: `${name} slowest`, article: slowest(article.get(name)!), library: slowest(library.get(name)!), target: "" });
  }
  const readerArticle = percentile(article.get("reader page")!, 50);
  const readerLibrary = percentile(library.get("reader page")!, 50);
  rows.push({ figure: "reader page p50", article: ms(readerArticle), library: `${ms(readerLibrary)} (${(readerLibrary / readerArticle).toFixed(2)}×)`, target: "≤ 1.5× article" });
  const listLibrary = percentile(library.get("works list")!, 50);
  const againstList = (figures: Map<string, Sample[]>) => {
    const list = percentile(figures.get("works list")!, 50);
    return { article: ms(list), library: `${ms(listLibrary)} (${(listLibrary / list).toFixed(2)}×)` };
  };
  // The article alone puts one work on the list's page, the library a full page: the first ratio is mostly the
  // page's other works; the second, against a library of one full page, is what the library's size costs.
  rows.push({ figure: "works list p50 (article alone: 1 work on the page)", ...againstList(article), target: "" });
  rows.push({ figure: `works list p50 (one full page: ${WORKS_PER_PAGE} works)`, ...againstList(onePage), target: "as fast" });
  const firstVisits = library.get("works list, first visit");
  if (firstVisits) rows.push({ figure: "works list, a page's first visit p50", article: "(one page)", library: ms(percentile(firstVisits, 50)), target: "" });
  console.log(
    `\nSearch on ${engine}: the article alone, then ${libraryWorks} works (bench:corpus). ${QUERIES_PER_KIND} distinct queries of each kind, each asked once, one at a time, after ${WARM_UP} searches of other queries (${API_WARM_UP} of them also of the API); reader page and works list ${READER_SAMPLES} times each, then pages 2 to ${LIST_PAGES + 1} of the list once each. The works list also on a library of one full page (the article and the library's first ${WORKS_PER_PAGE - 1} works). Load average (1 min) after measuring: ${loads.map((load) => load.toFixed(1)).join(", ")}\n`,
  );
  console.table(rows);
}

/** A fresh SQLite file. */
function freshSqlite(file: string): string {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  return `file:./${file}`;
}

/** Migrations and the content's works, as `npm start` would have them. */
function prepare(url: string): void {
  const result = spawnSync("npx", ["tsx", "lib/cli/prepare.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) throw new Error("preparing the database failed");
}

let cluster: PostgresCluster | null = null;
process.env.READER_DIST_DIR ??= ".next-bench-search";
try {
  const configured = process.env.DATABASE_URL ?? "";
  // Shared buffers as PostgreSQL's documentation advises for a server with 1 GB or more: a quarter of the memory,
  // where the default of 128 MB holds a twentieth of the library's 2.5 GB of tables and indexes.
  if (values.postgres && !isPostgresUrl(configured)) cluster = await startCluster([`shared_buffers=${SHARED_BUFFERS_MB}MB`]);
  const postgresUrl = isPostgresUrl(configured) ? configured : cluster?.url();
  // SQLite: the article alone in a fresh file, the library in a file of its own that is kept,
  // so that a second run measures again without writing the library again.
  const articleUrl = postgresUrl ?? freshSqlite("prisma/bench-search-article.db");
  const libraryUrl = postgresUrl ?? "file:./prisma/bench-search-library.db";
  const engine = cluster ? `PostgreSQL (a throwaway cluster, ${SHARED_BUFFERS_MB} MB of shared buffers)` : postgresUrl ? "PostgreSQL" : "SQLite";

  for (const [name, kind] of Object.entries(KINDS)) console.log(`bench:search: ${name}${kind.filters ? ` (${new URLSearchParams(kind.filters)})` : ""}: ${kind.queries.join(", ")}`);
  console.log(`bench:search: suggestions: ${SUGGESTIONS.join(", ")}`);
  const article = await serveAndMeasure(articleUrl);
  // The library's first works, in the article's database: on PostgreSQL the library then grows there.
  buildLibrary(articleUrl, WORKS_PER_PAGE - 1);
  const onePage = await serveAndMeasure(articleUrl, "works list");
  prepare(libraryUrl);
  buildLibrary(libraryUrl, libraryWorks);
  const library = await serveAndMeasure(libraryUrl);
  table(engine, article, onePage, library);
} finally {
  cluster?.stop();
}
