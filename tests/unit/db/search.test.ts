import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadWork } from "@/lib/content/load";
import { importContent } from "@/lib/db/import";
import { fts5Expression, searchLibrary, suggest, type SearchRequest } from "@/lib/db/search";
import { indexWork } from "@/lib/db/search-index";
import { parseQuery } from "@/lib/search/query";
import { tokenize } from "@/lib/search/text";
import { importedLibrary } from "../support/database";

const database = importedLibrary();

const search = (q: string, options: Partial<SearchRequest> = {}) => searchLibrary(database.db, { q, page: 1, pageSize: 100, ...options });
const markedWords = (results: Awaited<ReturnType<typeof search>>, language: string) =>
  results.results.flatMap((work) =>
    work.hits.flatMap((hit) => (hit.paragraphs[language] ?? []).flatMap((paragraph) => paragraph.ranges.map((range) => paragraph.text.slice(range.start, range.end)))),
  );
const paragraphsMatched = (results: Awaited<ReturnType<typeof search>>, language: string) =>
  results.results.flatMap((work) => work.hits.flatMap((hit) => (hit.paragraphs[language] ?? []).filter((paragraph) => paragraph.matched)));

describe("searching the library", () => {
  it("finds every case of a Russian word and marks it where it occurs", async () => {
    const results = await search("санкции");
    const marked = new Set(markedWords(results, "ru").map((word) => word.toLowerCase()));
    expect(marked).toContain("санкций");
    expect(marked).toContain("санкциями");
    const unitsWithRussianHits = results.results.flatMap((work) => work.hits).filter((hit) => hit.paragraphs.ru!.some((paragraph) => paragraph.matched));
    expect(results.languages.find((row) => row.language === "ru")!.units).toBe(unitsWithRussianHits.length);
    // Each hit is its unit, with the counterpart of the other edition beside it.
    for (const hit of results.results[0]!.hits) expect(Object.keys(hit.paragraphs)).toEqual(["en", "ru"]);
  });

  it("finds English words by stem, case- and macron-insensitively", async () => {
    const marked = new Set(markedWords(await search("Negotiation"), "en").map((word) => word.toLowerCase()));
    expect(marked).toContain("negotiations");
    for (const word of marked) expect(word).toMatch(/^negoti/);
    expect(markedWords(await search("shinzo"), "en").length).toBeGreaterThan(0);
  });

  it("finds the commonest words too, which PostgreSQL's language configurations drop as stop words", async () => {
    for (const [word, language] of [
      ["have", "en"],
      ["чтобы", "ru"],
    ] as const) {
      const results = await search(word);
      expect(results.total).toBeGreaterThan(0);
      expect(markedWords(results, language).map((marked) => marked.toLowerCase())).toContain(word);
    }
  });

  it("matches quoted phrases in their exact forms and order only", async () => {
    const phrase = await search('"Northern Territories"', { lang: "en" });
    expect(phrase.total).toBeGreaterThan(0);
    for (const word of markedWords(phrase, "en")) expect(word.toLowerCase()).toBe("northern territories");
    expect((await search('"territories northern"', { lang: "en" })).total).toBe(0);
  });

  it("finds a paragraph by any run of its words, quoted", async () => {
    const paragraphs = loadWork("content/streltsov-2018").editions.flatMap((edition) =>
      edition.paragraphs.map((paragraph) => ({ language: edition.metadata.lang, text: paragraph.text, words: tokenize(paragraph.text).map((token) => paragraph.text.slice(token.start, token.end)) })),
    );
    const long = paragraphs.filter((paragraph) => paragraph.words.length >= 4);
    await fc.assert(
      fc.asyncProperty(fc.nat(long.length - 1), fc.nat(), fc.integer({ min: 2, max: 4 }), async (index, start, length) => {
        const paragraph = long[index]!;
        const from = start % (paragraph.words.length - length + 1);
        const options = { work: "streltsov-2018", lang: paragraph.language, pageSize: 20 };
        const q = `"${paragraph.words.slice(from, from + length).join(" ")}"`;
        const first = await search(q, options);
        const found: string[] = [];
        for (let page = 1; page <= first.pages; page += 1) {
          const results = page === 1 ? first : await search(q, { ...options, page });
          found.push(...paragraphsMatched(results, paragraph.language).map((matched) => matched.text));
        }
        expect(found, q).toContain(paragraph.text);
      }),
      { numRuns: 60 },
    );
  });

  it("searches prefixes", async () => {
    const results = await search("санкц*", { lang: "ru" });
    expect(markedWords(results, "ru").every((word) => word.toLowerCase().startsWith("санкц"))).toBe(true);
    expect(results.total).toBeGreaterThanOrEqual((await search("санкции", { lang: "ru" })).total);
  });

  it("finds a glossary entry from any script and, through its occurrences, the paragraphs of both editions", async () => {
    const baseline = await search("hikiwake");
    expect(baseline.glossary.map((entry) => entry.key)).toEqual(["hikiwake"]);
    for (const query of ["хикиваке", "ひきわけ", "引き分け", "ヒキワケ"]) {
      const results = await search(query);
      expect(results.glossary.map((entry) => entry.key), query).toEqual(["hikiwake"]);
      expect(results.total, query).toBe(baseline.total);
      expect(markedWords(results, "en").map((word) => word.toLowerCase()), query).toContain("hikiwake");
      expect(markedWords(results, "ru").map((word) => word.toLowerCase()), query).toContain("хикиваке");
    }
  });

  it("filters by work, language and section, counting the other choices as facets", async () => {
    const all = await search("text");
    expect(all.works.map((work) => work.slug)).toContain("hostile-markup");

    const onlyRussian = await search("санкции", { lang: "ru" });
    expect(paragraphsMatched(onlyRussian, "en")).toEqual([]);
    expect(onlyRussian.languages.map((row) => row.language)).toEqual(["en", "ru"]);

    const fixture = await search("paragraph", { work: "hostile-markup" });
    expect(fixture.results.map((work) => work.slug)).toEqual(["hostile-markup"]);
    expect(fixture.works.length).toBeGreaterThanOrEqual(1);

    const article = await search("Japan", { work: "streltsov-2018", section: 2 });
    expect(article.sections.length).toBe(6);
    expect(article.sections[2]!.headings.en).toBeTruthy();
    expect(article.total).toBeGreaterThan(0);
    for (const hit of article.results[0]!.hits) expect(hit.section).toBe(2);

    expect((await search("Japan", { work: "no-such-work" })).total).toBe(0);
  });

  it("counts each facet under every other filter: the languages without the language, the works without the work", async () => {
    const everywhere = await search("Japan");
    const russian = await search("Japan", { lang: "ru" });
    expect(russian.languages).toEqual(everywhere.languages);
    expect(russian.total).toBe(everywhere.languages.find((row) => row.language === "ru")!.units);
    expect(russian.total).toBeLessThan(everywhere.total);

    const russianInArticle = await search("Japan", { work: "streltsov-2018", lang: "ru" });
    expect(russianInArticle.works).toEqual(russian.works);
    expect(russianInArticle.total).toBe(russian.works.find((work) => work.slug === "streltsov-2018")!.units);
    expect(russianInArticle.languages).toEqual((await search("Japan", { work: "streltsov-2018" })).languages);
    expect(paragraphsMatched(russianInArticle, "en")).toEqual([]);

    const unknown = await search("Japan", { lang: "de" });
    expect([unknown.total, unknown.works, unknown.languages]).toEqual([0, [], everywhere.languages]);
  });

  it("pages through the hits in reading order without losing or repeating any", async () => {
    const whole = await search("Japan", { work: "streltsov-2018" });
    const units = whole.results[0]!.hits.map((hit) => hit.unit);
    expect(units).toEqual([...units].sort((a, b) => a - b));
    const paged: number[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page += 1) {
      const results = await search("Japan", { work: "streltsov-2018", page, pageSize: 7 });
      expect(results.pages).toBe(Math.ceil(whole.total / 7));
      paged.push(...results.results.flatMap((work) => work.hits.map((hit) => hit.unit)));
    }
    expect(paged).toEqual(units);
    expect((await search("Japan", { page: 999 })).results).toEqual([]);
  });

  it("suggests glossary entries in any script and completions of the last word", async () => {
    const russian = await suggest(database.db, "мирный дог");
    expect(russian.some((suggestion) => suggestion.kind === "word" && suggestion.query.startsWith("мирный догов"))).toBe(true);
    expect((await suggest(database.db, "ひきわ")).map((suggestion) => suggestion.glossary?.key)).toContain("hikiwake");
    expect((await suggest(database.db, "хикив")).map((suggestion) => suggestion.glossary?.key)).toContain("hikiwake");
  });

  it("builds FTS5 expressions from quoted tokens only", () => {
    expect(fts5Expression(parseQuery('санкции "a b" пре*'), ["hikiwake"], { section: 2 })).toBe(
      '((stems : "санкц" AND words : "a b" AND words : "пре" *) OR (scope : ("g-hikiwake"))) AND scope : "s2"',
    );
    expect(fts5Expression(parseQuery("«»"), [])).toBeNull();
  });
});

describe("keeping the index current", () => {
  it("finds glossary rows added to a work once the work is indexed again", async () => {
    const db = database.db;
    const work = await db.work.findUniqueOrThrow({ where: { slug: "hostile-markup" }, select: { id: true } });
    const paragraph = await db.paragraph.findFirstOrThrow({ where: { edition: { workId: work.id, language: "en" }, ordinal: 3 }, select: { id: true, text: true } });
    const entry = await db.glossaryEntry.create({
      data: {
        workId: work.id,
        key: "test-gaiatsu",
        category: "japanese-term",
        data: { id: "test-gaiatsu", en: ["English edition"], hepburn: "gaiatsu", kanji: "外圧", kana: "がいあつ", polivanov: "гайацу", ru: "гайацу" },
        searchText: "gaiatsu 外圧 がいあつ гайацу",
      },
    });
    const start = paragraph.text.indexOf("English edition");
    await db.glossaryOccurrence.create({ data: { entryId: entry.id, paragraphId: paragraph.id, start, end: start + "English edition".length } });
    expect((await search("外圧")).total).toBe(0);

    await db.$transaction((tx) => indexWork(tx, work.id));
    for (const query of ["外圧", "gaiatsu", "гайацу", "がいあつ"]) {
      const results = await search(query);
      expect(results.glossary.map((found) => found.key), query).toEqual(["test-gaiatsu"]);
      expect(markedWords(results, "en"), query).toEqual(["English edition"]);
    }
  });

  it("gives each edition language a lasting key slot, and refuses a language beyond the 64 the keys hold", async () => {
    const db = database.db;
    const before = await search("Japan");
    const slots = await db.$queryRaw<{ slot: number | bigint }[]>`SELECT "slot" FROM "SearchLanguage"`;
    const taken = new Set(slots.map((row) => Number(row.slot)));
    const free = Array.from({ length: 64 }, (_, slot) => slot).filter((slot) => !taken.has(slot));
    for (const slot of free) await db.$executeRaw`INSERT INTO "SearchLanguage" ("slot", "language") VALUES (${slot}, ${`x-test-${slot}`})`;
    try {
      const work = await db.work.findUniqueOrThrow({ where: { slug: "hostile-markup" }, select: { id: true, editions: { where: { language: "ru" }, select: { id: true } } } });
      await expect(
        db.$transaction(async (tx) => {
          await tx.edition.update({ where: { id: work.editions[0]!.id }, data: { language: "de" } });
          await indexWork(tx, work.id);
        }),
      ).rejects.toThrow(/edition language "de" would be the library's 65th; the search keys hold 64/);
      // The failed transaction changed nothing, and the languages' slots are as they were.
      expect(await search("Japan")).toEqual(before);
    } finally {
      await db.$executeRaw`DELETE FROM "SearchLanguage" WHERE "language" LIKE 'x-test-%'`;
    }
  });

  it("follows a re-import: new words are found, removed ones are not", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "search-content-"));
    try {
      cpSync("tests/fixtures/content/hostile-markup", path.join(folder, "hostile-markup"), { recursive: true });
      const file = path.join(folder, "hostile-markup", "en.txt");
      writeFileSync(file, readFileSync(file, "utf8").replace("Only the English edition has this paragraph.", "Only the English edition mentions zeugmatic hikiwake."));
      await importContent(database.db, { contentRoot: folder });
      expect((await search("zeugmatic")).total).toBe(1);
      expect((await search('"has this paragraph"')).total).toBe(0);

      await importContent(database.db, { contentRoot: "tests/fixtures/content" });
      expect((await search("zeugmatic")).total).toBe(0);
      expect((await search('"has this paragraph"')).total).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
