import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toTermCardData } from "@/lib/glossary/card-data";
import { entryFieldRows } from "@/lib/glossary/fields";
import { entryHeadword, headwordLanguage, localizedHeadword, runningPolivanov } from "@/lib/glossary/forms";
import { parseGlossary } from "@/lib/glossary/schema";

const entries = parseGlossary(readFileSync("content/streltsov-2018/glossary.yaml", "utf8"), "glossary.yaml");
const entry = (id: string) => entries.find((candidate) => candidate.id === id)!;

describe("entryHeadword", () => {
  it("names a Japanese term by its Hepburn form, an adopted katakana word and everything else by its English form", () => {
    expect(entryHeadword(entry("chiho-sosei"))).toBe("chihō sōsei");
    expect(entryHeadword(entry("ichioku-sokatsuyaku"))).toBe("ichioku sōkatsuyaku");
    expect(entryHeadword(entry("abenomics"))).toBe("Abenomics");
    expect(entryHeadword(entry("abe-shinzo"))).toBe("Shinzo Abe");
    expect(entryHeadword(entry("peace-treaty"))).toBe("peace treaty");
  });
});

describe("localizedHeadword", () => {
  it("names an entry in the reader's language where it can, with the right language tag", () => {
    expect(localizedHeadword(entry("vladimir-putin"), "ru")).toBe("Влади́мир Пу́тин");
    expect(localizedHeadword(entry("hokkaido"), "ja")).toBe("北海道");
    expect(localizedHeadword(entry("vladimir-putin"), "ja")).toBe("Putin");
    expect(localizedHeadword(entry("chiho-sosei"), "en")).toBe("chihō sōsei");
    expect(headwordLanguage(entry("hikiwake"), "хикиваке")).toBe("ja-Cyrl");
    expect(headwordLanguage(entry("hokkaido"), "北海道")).toBe("ja");
    expect(headwordLanguage(entry("chiho-sosei"), "chihō sōsei")).toBe("ja-Latn");
    expect(headwordLanguage(entry("vladimir-putin"), "Putin")).toBe("en");
  });
});

describe("runningPolivanov", () => {
  it("drops the colons of long vowels, as Russian running text does", () => {
    expect(runningPolivanov(entry("chiho-sosei"))).toBe("тихо сосэй");
    expect(runningPolivanov(entry("tokyo"))).toBe("Токё");
    expect(runningPolivanov(entry("hikiwake"))).toBe("хикивакэ");
    expect(runningPolivanov(entry("sanctions"))).toBeUndefined();
  });
});

describe("entryFieldRows", () => {
  it("lists the forms in every script with their language tags, leaving out what the entry lacks", () => {
    const rows = entryFieldRows(entry("chiho-sosei"), runningPolivanov(entry("chiho-sosei")));
    expect(rows.map((row) => [row.field, row.lang])).toEqual([
      ["en", "ja-Latn"],
      ["hepburn", "ja-Latn"],
      ["kanji", "ja"],
      ["kana", "ja"],
      ["ru", "ja-Cyrl"],
      ["polivanov", "ja-Cyrl"],
      ["polivanovRunning", "ja-Cyrl"],
      ["glossEn", "en"],
      ["glossRu", "ru"],
      ["context", "en"],
    ]);
    expect(entryFieldRows(entry("hikiwake"), runningPolivanov(entry("hikiwake"))).some((row) => row.field === "polivanovRunning")).toBe(false);
    const abe = entryFieldRows(entry("abe-shinzo"));
    expect(abe.find((row) => row.field === "en")!.values).toEqual(["Shinzo Abe", "Abe", "Shinzo"]);
    expect(abe.find((row) => row.field === "ru")!.lang).toBe("ru");
  });
});

describe("toTermCardData", () => {
  it("adds the derived forms and the links of the interface language", () => {
    const card = toTermCardData(
      {
        work: { slug: "streltsov-2018", title: "T" },
        key: "title-batin-2017",
        category: "source-media",
        entry: entry("title-batin-2017"),
        related: [{ key: "hokkaido", category: "place", entry: entry("hokkaido") }],
        references: [{ language: "en", paragraph: 63 }],
        occurrences: { en: 1, ru: 1 },
      },
      "ja",
    );
    expect(card.links.entry).toBe("/ja/glossary/title-batin-2017");
    expect(card.related).toEqual([{ key: "hokkaido", headword: "北海道", lang: "ja", href: "/ja/glossary/hokkaido" }]);
    expect(card.references).toEqual([{ language: "en", paragraph: 63, href: "/ja/works/streltsov-2018#en-63" }]);
    expect(card.polivanovRunning).toBeUndefined();
  });
});
