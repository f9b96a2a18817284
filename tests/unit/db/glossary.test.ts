import { describe, expect, it } from "vitest";
import { loadWork } from "@/lib/content/load";
import { listGlossary, listGlossaryWorks, listWorkSections, readDeck, readGlossaryCard, readGlossaryEntryPages } from "@/lib/db/glossary";
import { filterText, matchesQuery } from "@/lib/glossary/filter";
import { importedLibrary } from "../support/database";

const database = importedLibrary();

const glossary = loadWork("content/streltsov-2018").glossary;

describe("listGlossary", () => {
  it("lists every entry with its category and its occurrences per edition", async () => {
    const items = await listGlossary(database.db);
    expect(items).toHaveLength(glossary.length);
    expect(new Set(items.map((item) => item.work.slug))).toEqual(new Set(["streltsov-2018"]));
    const perCategory = (list: { category: string }[]) => Object.fromEntries([...new Set(list.map((item) => item.category))].sort().map((category) => [category, list.filter((item) => item.category === category).length]));
    expect(perCategory(items)).toEqual(perCategory(glossary));

    const total = await database.db.glossaryOccurrence.count();
    expect(items.reduce((sum, item) => sum + (item.occurrences.en ?? 0) + (item.occurrences.ru ?? 0), 0)).toBe(total);
    expect(items.find((item) => item.key === "hikiwake")!.occurrences).toEqual({ en: 1, ru: 1 });
    expect(items.find((item) => item.key === "russian-japanology-review")!.occurrences).toEqual({});
  });

  it("keeps the stored searchText, which the filter matches in any script", async () => {
    const items = await listGlossary(database.db, { work: "streltsov-2018" });
    for (const query of ["хикиваке", "hikiwake", "引き分け"]) {
      expect(items.filter((item) => matchesQuery(filterText(item.searchText, item.entry), query)).map((item) => item.key), query).toEqual(["hikiwake"]);
    }
    expect(await listGlossary(database.db, { work: "hostile-markup" })).toEqual([]);
  });

  it("names only the works that have a glossary", async () => {
    expect((await listGlossaryWorks(database.db)).map((work) => work.slug)).toEqual(["streltsov-2018"]);
  });
});

describe("readGlossaryEntryPages", () => {
  it("gives hikiwake with its cross-references and its concordance, both editions side by side", async () => {
    const [page, ...others] = await readGlossaryEntryPages(database.db, "hikiwake");
    expect(others).toEqual([]);
    expect(page!.languages).toEqual(["en", "ru"]);
    expect(page!.related.map((reference) => reference.key)).toEqual(["territorial-problem", "vladimir-putin", "abe-shinzo"]);
    expect(page!.referencedBy.every((reference) => reference.entry.related?.includes("hikiwake"))).toBe(true);
    expect(page!.concordance).toHaveLength(1);
    const [row] = page!.concordance;
    expect(row!.cells.en!.occurrences.map((line) => line.term)).toEqual(["hikiwake"]);
    expect(row!.cells.ru!.occurrences.map((line) => line.term)).toEqual(["хикиваке"]);
    expect(row!.cells.en!.occurrences[0]!.before.text).toMatch(/principle of $/);
  });

  it("counts every occurrence of a frequent entry once, grouped by unit", async () => {
    const [japan] = await readGlossaryEntryPages(database.db, "japan");
    const lines = (language: string) => japan!.concordance.reduce((sum, row) => sum + row.cells[language]!.occurrences.length, 0);
    expect(lines("en")).toBe(japan!.occurrences.en);
    expect(lines("ru")).toBe(japan!.occurrences.ru);
    const units = japan!.concordance.map((row) => row.unit);
    expect(units).toEqual([...units].sort((a, b) => a - b));
    // Where one edition names Japan and the other does not, the other shows its aligned sentence.
    const oneSided = japan!.concordance.filter((row) => row.cells.en!.occurrences.length === 0 || row.cells.ru!.occurrences.length === 0);
    expect(oneSided.some((row) => row.cells.en!.counterparts.length + row.cells.ru!.counterparts.length > 0)).toBe(true);
  });

  it("finds the reference paragraphs of a cited source, and nothing for an unknown key", async () => {
    const [batin] = await readGlossaryEntryPages(database.db, "title-batin-2017");
    expect(batin!.references.map((reference) => reference.language)).toEqual(["en", "ru"]);
    expect(await readGlossaryEntryPages(database.db, "no-such-entry")).toEqual([]);
  });
});

describe("readGlossaryCard", () => {
  it("reads one entry of one work for the popover", async () => {
    const card = await readGlossaryCard(database.db, "streltsov-2018", "chiho-sosei");
    expect(card!.entry.kanji).toBe("地方創生");
    expect(card!.related.map((reference) => reference.key)).toEqual(["josei-katsuyaku", "ichioku-sokatsuyaku", "abenomics", "abe-shinzo"]);
    expect(await readGlossaryCard(database.db, "hostile-markup", "chiho-sosei")).toBeNull();
    expect(await readGlossaryCard(database.db, "streltsov-2018", "nothing")).toBeNull();
  });
});

describe("decks", () => {
  it("lists the work's sections with their headings in both editions", async () => {
    const sections = await listWorkSections(database.db);
    expect(sections.map((section) => section.section)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sections[2]!.headings.en).toBe("Mutual loss of hopes and illusions");
    expect(sections[2]!.headings.ru).toBeTruthy();
  });

  it("gives a section's entries in the order they first occur, and a category's entries", async () => {
    const section = await readDeck(database.db, { kind: "section", work: "streltsov-2018", section: 2 });
    const keys = section.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 3)).toEqual(["new-approach", "political-dividends", "abe-shinzo"]);
    const occurring = await database.db.glossaryEntry.findMany({
      where: { occurrences: { some: { paragraph: { section: 2 } } }, work: { slug: "streltsov-2018" } },
      select: { key: true },
    });
    expect(new Set(keys)).toEqual(new Set(occurring.map((entry) => entry.key)));
    const people = await readDeck(database.db, { kind: "category", category: "person" });
    expect(people).toHaveLength(glossary.filter((entry) => entry.category === "person").length);
    expect(await readDeck(database.db, { kind: "all" })).toHaveLength(glossary.length);
  });
});
