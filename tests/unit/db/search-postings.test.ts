import { describe, expect, it } from "vitest";
import { loadWork } from "@/lib/content/load";
import { importContent, importWorks } from "@/lib/db/import";
import { searchLibrary, type SearchRequest, type SearchResults } from "@/lib/db/search";
import { indexWork } from "@/lib/db/search-index";
import { POSTING_THRESHOLD, refreshPostedTerms } from "@/lib/db/search-postings";
import { tokenize } from "@/lib/search/text";
import { importedLibrary } from "../support/database";

const database = importedLibrary();

const ARTICLE = "streltsov-2018";
const FIXTURE = "hostile-markup";

/**
 * Words to search for: every 40th of the article's distinct words in each edition, and words that take the
 * other paths: glossary entries' names (Japan, hikiwake), stop words of PostgreSQL's configurations, a word
 * PostgreSQL reads as a compound (Russian-Japanese), words of the test work alone.
 */
function queries(): string[] {
  const words = new Set<string>();
  for (const edition of loadWork(`content/${ARTICLE}`).editions) {
    const forms = [...new Set(edition.paragraphs.flatMap((paragraph) => tokenize(paragraph.text).map((token) => paragraph.text.slice(token.start, token.end).toLowerCase())))].sort();
    forms.filter((_, i) => i % 40 === 0).forEach((form) => words.add(form));
  }
  return [...words, "Japan", "японии", "hikiwake", "хикиваке", "have", "чтобы", "Russian-Japanese", "text", "paragraph", "zzzzqq"];
}

/** Each query under the filters that read postings differently: the library, one language, one work, one work's second page. */
const requests = (q: string): SearchRequest[] => [
  { q, page: 1, pageSize: 100 },
  { q, lang: "ru", page: 1, pageSize: 100 },
  { q, work: ARTICLE, page: 1, pageSize: 100 },
  { q, work: ARTICLE, lang: "en", page: 2, pageSize: 5 },
  { q, work: ARTICLE, section: 2, page: 1, pageSize: 100 },
];

async function searchAll(): Promise<Map<string, SearchResults>> {
  const results = new Map<string, SearchResults>();
  for (const q of queries()) {
    for (const request of requests(q)) results.set(JSON.stringify(request), await searchLibrary(database.db, request));
  }
  return results;
}

const postedTerms = async () =>
  (await database.db.$queryRaw<{ field: string; term: string; paragraphs: number | bigint }[]>`SELECT "field", "term", "paragraphs" FROM "SearchTerm"`).map((row) => ({
    term: `${row.field} ${row.term}`,
    paragraphs: Number(row.paragraphs),
  }));
const postingsOf = async (workId: number) => Number((await database.db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchPosting" WHERE "workId" = ${workId}`)[0]!.n);
const workId = async (slug: string) => (await database.db.work.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const unpostAll = () => refreshPostedTerms(database.db, { threshold: 2 ** 31 - 1 });

describe("search postings", () => {
  it("post no term of a library as small as the article, at the threshold the imports use", async () => {
    expect(POSTING_THRESHOLD).toBeGreaterThan(1000);
    expect(await postedTerms()).toEqual([]);
  });

  it("give every search the same answer as the full-text index: counts, facets, pages, hits and marks", async () => {
    const scanned = await searchAll();
    const refresh = await refreshPostedTerms(database.db, { threshold: 1 });
    // Every term of both works' stems is posted.
    expect(refresh.posted).toBeGreaterThan(1500);
    expect(refresh.postings).toBeGreaterThan(refresh.posted);
    expect(refresh.terms).toBe(refresh.posted);
    const posted = await searchAll();
    for (const [request, results] of scanned) expect(posted.get(request), request).toEqual(results);
    // The searches found something to compare.
    expect([...scanned.values()].filter((results) => results.total > 0).length).toBeGreaterThan(150);
  }, 180_000);

  it("are what a search for a posted word reads (a stop word too): a posting taken away is a hit taken away, until the work is indexed again", async () => {
    await refreshPostedTerms(database.db, { threshold: 1 });
    const article = await workId(ARTICLE);
    const request: SearchRequest = { q: "relations", work: ARTICLE, page: 1, pageSize: 100 };
    const before = await searchLibrary(database.db, request);
    expect(before.total).toBeGreaterThan(0);
    const removed = await database.db.$executeRaw`DELETE FROM "SearchPosting" WHERE "workId" = ${article} AND "field" = 'stems' AND "term" = ${"relat"}`;
    expect(removed).toBe(1);
    expect((await searchLibrary(database.db, request)).total).toBe(0);
    await database.db.$transaction((tx) => indexWork(tx, article));
    expect(await searchLibrary(database.db, request)).toEqual(before);
    // PostgreSQL reads a stop word of its configurations in "words", and so its postings there.
    if (database.engine === "postgresql") {
      const stopWord: SearchRequest = { q: "have", work: ARTICLE, page: 1, pageSize: 100 };
      expect((await searchLibrary(database.db, stopWord)).total).toBeGreaterThan(0);
      await database.db.$executeRaw`DELETE FROM "SearchPosting" WHERE "workId" = ${article} AND "field" = 'words' AND "term" = 'have'`;
      expect((await searchLibrary(database.db, stopWord)).total).toBe(0);
      await database.db.$transaction((tx) => indexWork(tx, article));
    }
  });

  it("follow a work's text as it changes: a paragraph edited and indexed again is found by its new words, no longer by its old ones", async () => {
    await refreshPostedTerms(database.db, { threshold: 1 });
    const fixture = await workId(FIXTURE);
    const paragraph = await database.db.paragraph.findFirstOrThrow({ where: { edition: { workId: fixture, language: "en" }, kind: "body" }, orderBy: { ordinal: "asc" }, select: { id: true, text: true } });
    const oldWords = tokenize(paragraph.text).map((token) => paragraph.text.slice(token.start, token.end));
    // The last word holds a combining mark, which FTS5's tokenizer splits words at and lib/search/text.ts keeps:
    // on SQLite this paragraph holds "japan" for the index, and so must for the postings.
    const edited = "Russia signed no peace treaty: relations stayed frozen, wrote Japan\u3099ese.";
    await database.db.$transaction(async (tx) => {
      await tx.paragraph.update({ where: { id: paragraph.id }, data: { text: edited } });
      await indexWork(tx, fixture);
    });
    const requestsOf = (words: string[]) => words.flatMap((word) => [
      { q: word, page: 1, pageSize: 100 },
      { q: word, work: FIXTURE, page: 1, pageSize: 100 },
    ]);
    const checked = [...requestsOf(["Japan", "Russia", "peace", "treaty", "relations", "frozen"]), ...requestsOf(oldWords)];
    const fromPostings = await Promise.all(checked.map((request) => searchLibrary(database.db, request)));
    // Russia, in the test work.
    expect(fromPostings[3]!.total).toBeGreaterThan(0);
    // The same searches from the index alone.
    await unpostAll();
    expect(await postedTerms()).toEqual([]);
    for (const [i, request] of checked.entries()) expect(fromPostings[i], JSON.stringify(request)).toEqual(await searchLibrary(database.db, request));
    await database.db.$transaction(async (tx) => {
      await tx.paragraph.update({ where: { id: paragraph.id }, data: { text: paragraph.text } });
      await indexWork(tx, fixture);
    });
  }, 60_000);

  it("post the terms at the threshold, keep those above half of it, drop the others, and refuse a threshold that is no number of paragraphs", async () => {
    await unpostAll();
    await refreshPostedTerms(database.db, { threshold: 1 });
    const all = await postedTerms();
    const refresh = await refreshPostedTerms(database.db, { threshold: 10 });
    const kept = await postedTerms();
    // Counts unchanged since they were posted: exactly those held by at least 5 paragraphs stay, none is added.
    expect(kept.map((row) => row.term).sort()).toEqual(all.filter((row) => row.paragraphs >= 5).map((row) => row.term).sort());
    expect(refresh).toEqual({ posted: 0, postings: 0, dropped: all.length - kept.length, terms: kept.length });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    // Dropped terms take their postings with them.
    const orphans = await database.db.$queryRaw<{ n: number | bigint }[]>`
      SELECT count(*) AS n FROM "SearchPosting" p WHERE NOT EXISTS (SELECT 1 FROM "SearchTerm" t WHERE t."field" = p."field" AND t."term" = p."term")`;
    expect(Number(orphans[0]!.n)).toBe(0);
    for (const threshold of [0, 1.5, Number.NaN, 2 ** 31]) await expect(refreshPostedTerms(database.db, { threshold })).rejects.toThrow(/whole number of paragraphs/);
  });

  it("go with their work when it is imported again or deleted", async () => {
    await refreshPostedTerms(database.db, { threshold: 1 });
    const before = await workId(FIXTURE);
    expect(await postingsOf(before)).toBeGreaterThan(0);
    // As an import writes it (importContent then refreshes the posted terms at its own threshold).
    await importWorks(database.db, [loadWork(`tests/fixtures/content/${FIXTURE}`)], { force: true });
    const after = await workId(FIXTURE);
    expect(await postingsOf(before)).toBe(0);
    expect(await postingsOf(after)).toBeGreaterThan(0);
    await database.db.work.delete({ where: { id: after } });
    expect(await postingsOf(after)).toBe(0);
    await importContent(database.db, { contentRoot: "tests/fixtures/content" });
  });
});
