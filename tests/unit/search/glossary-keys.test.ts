import { describe, expect, it } from "vitest";
import { entryKeys, formKeys, prefixKeys, prefixUpperBound } from "@/lib/search/glossary-keys";

const hikiwake = { en: ["hikiwake"], hepburn: "hikiwake", kanji: "引き分け", kana: "ひきわけ", polivanov: "хикивакэ", ru: "хикиваке" };
const chihoSosei = { en: ["chihososei"], hepburn: "chihō sōsei", kanji: "地方創生", kana: "ちほうそうせい", polivanov: "тихо: со:сэй", ru: "тихо сосэй" };
const peaceTreaty = { en: ["peace treaty"], ru: "ми́рный догово́р", romanized: "mirnyĭ dogovor" };

const finds = (entry: object, query: string) => {
  const keys = new Set(entryKeys(entry));
  return formKeys(query).some((key) => keys.has(key));
};

describe("glossary lookup keys", () => {
  it("find an entry from a query in any script", () => {
    for (const query of ["hikiwake", "Hikiwake", "хикиваке", "хикивакэ", "ひきわけ", "ヒキワケ", "引き分け"]) expect(finds(hikiwake, query), query).toBe(true);
    for (const query of ["chihososei", "chihō sōsei", "chiho sosei", "тихо сосэй", "тихососэй", "ちほうそうせい", "地方創生"]) expect(finds(chihoSosei, query), query).toBe(true);
  });

  it("find a Russian entry from any case of its words and from its romanisation", () => {
    for (const query of ["мирного договора", "мирный договор", "МИРНЫМ ДОГОВОРОМ", "mirnyi dogovor"]) expect(finds(peaceTreaty, query), query).toBe(true);
    expect(finds(peaceTreaty, "договор")).toBe(false);
    expect(finds(hikiwake, "hikikomori")).toBe(false);
  });

  it("give prefixes for a query being typed, leaving out an unfinished romaji syllable", () => {
    expect(prefixKeys("hik")).toEqual(["l:hik", "p:хи"]);
    expect(prefixKeys("ひき")).toContain("p:хики");
    const [, phonetic] = prefixKeys("hikiw");
    expect(entryKeys(hikiwake).some((key) => key.startsWith(phonetic!))).toBe(true);
    expect(prefixUpperBound("p:хик")).toBe("p:хил");
  });
});
