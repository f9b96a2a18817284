import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filterText, foldQuery, inCategoryAndIndex, matchesQuery, passesFilter, type FilterableEntry } from "@/lib/glossary/filter";
import { glossarySearchText } from "@/lib/glossary/language";
import { parseGlossary } from "@/lib/glossary/schema";

const entries = parseGlossary(readFileSync("content/streltsov-2018/glossary.yaml", "utf8"), "glossary.yaml");

/** Each entry as the glossary page filters it: the searchText the importer stores (every form, folded) beside the entry. */
const items: FilterableEntry[] = entries.map((entry) => ({
  category: entry.category,
  entry,
  searchText: glossarySearchText([...entry.en, entry.hepburn, entry.kanji, entry.kana, entry.ru, ...(entry.ruForms ?? []), entry.polivanov, entry.romanized, entry.journalistic]),
}));

const found = (query: string) => items.filter((item) => passesFilter(item, { query })).map((item) => item.entry.id);

describe("the glossary filter", () => {
  it("finds hikiwake in every script and spelling", () => {
    for (const query of ["хикиваке", "hikiwake", "引き分け", "ひきわけ", "ヒキワケ", "хикивакэ", "HIKIWAKE", "Хикиваке", "  hikiwake "]) {
      expect(found(query), query).toEqual(["hikiwake"]);
    }
  });

  it("ignores macrons, stress marks, ё and the colons of strict Polivanov", () => {
    expect(found("chihō sōsei")).toEqual(["chiho-sosei"]);
    expect(found("тихо: со:сэй")).toEqual(["chiho-sosei"]);
    expect(found("ми́рный догово́р")).toContain("peace-treaty");
    expect(found("перекрестный")).toEqual(["cross-years-2018"]);
  });

  it("matches every word of the query, in any order", () => {
    expect(found("treaty peace")).toContain("peace-treaty");
    expect(found("ちほう そうせい")).toEqual(["chiho-sosei"]);
    expect(found("peace zebra")).toEqual([]);
  });

  it("finds an entry by its glosses too", () => {
    expect(found("ничья")).toEqual(["hikiwake"]);
    expect(found("revitalisation")).toEqual(["chiho-sosei"]);
  });

  it("matches everything when the query is empty", () => {
    expect(found("")).toHaveLength(entries.length);
    expect(found("   ")).toHaveLength(entries.length);
  });

  it("combines the query with a category and an index letter", () => {
    expect(items.filter((item) => passesFilter(item, { category: "person", letter: "A" })).map((item) => item.entry.id)).toEqual(["abe-shinzo"]);
    expect(items.filter((item) => passesFilter(item, { category: "japanese-term", letter: "は" })).map((item) => item.entry.id)).toEqual(["hikiwake"]);
    expect(items.filter((item) => passesFilter(item, { category: "place", query: "токио" })).map((item) => item.entry.id)).toEqual(["tokyo"]);
    expect(items.filter((item) => inCategoryAndIndex(item, { letter: "Ъ" }))).toEqual([]);
    const japaneseTerms = items.filter((item) => inCategoryAndIndex(item, { category: "japanese-term" }));
    expect(japaneseTerms.map((item) => item.entry.id).sort()).toEqual(["abenomics", "chiho-sosei", "hikiwake", "ichioku-sokatsuyaku", "josei-katsuyaku"]);
  });

  it("folds the text it matches against once, as the page writes it into data-filter", () => {
    const hikiwake = items.find((item) => item.entry.id === "hikiwake")!;
    const folded = filterText(hikiwake.searchText, hikiwake.entry);
    expect(folded).toContain("хикиваке");
    expect(folded).toContain("ひきわけ");
    expect(folded).toBe(foldQuery(folded));
    expect(matchesQuery(folded, "ХИКИВАКЕ")).toBe(true);
  });
});
