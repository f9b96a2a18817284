import { describe, expect, it } from "vitest";
import { compileGlossary, findGlossaryMatches, type MatchLanguage } from "@/lib/glossary/match";
import type { GlossaryEntry } from "@/lib/glossary/schema";

function entry(id: string, en: string[], ru: string, ruForms?: string[]): GlossaryEntry {
  return { id, category: "russian-political", en, ru, ruForms, pos: "noun", glossEn: id, glossRu: id, context: id };
}

const glossary = compileGlossary([
  entry("hikiwake", ["hikiwake"], "хикиваке"),
  entry("abe-shinzo", ["Shinzo Abe", "Abe"], "Си́ндзо А́бэ", ["Абэ"]),
  entry("abenomics", ["Abenomics"], "абэно́мика"),
  entry("japan", ["Japan"], "Япо́ния"),
  entry("peace-treaty", ["peace treaty"], "ми́рный догово́р"),
  entry("northern-territories", ["Northern territories"], "«се́верные террито́рии»"),
  entry("kuril-islands", ["Kuril Islands"], "Кури́льские острова́", ["Курилы"]),
  entry("south-kuril-islands", ["South Kuril Islands"], "Ю́жные Кури́льские острова́"),
  entry("two-plus-two", ["two+two format"], "форма́т «два плюс два»"),
  entry("chiho-sosei", ["chihō sōsei"], "тихо сосэй"),
  entry("united-states", ["U.S."], "США"),
  entry("mao-zedong", ["Mao"], "Мао Цзэду́н", ["Мао"]),
  entry("tass", ["TASS"], "ТАСС"),
]);

/** The matched substrings with their entry ids. */
function found(text: string, language: MatchLanguage): [string, string][] {
  return findGlossaryMatches(glossary, text, language).map((match) => [match.entryId, text.slice(match.start, match.end)]);
}

describe("findGlossaryMatches, English", () => {
  it("finds a romanised term and returns UTF-16 offsets into the text", () => {
    const text = "President Putin who recognized the principle of *hikiwake* — “Vladimir…”";
    const [match] = findGlossaryMatches(glossary, text, "en");
    expect(match).toEqual({ entryId: "hikiwake", start: text.indexOf("hikiwake"), end: text.indexOf("hikiwake") + "hikiwake".length });
  });

  it("ignores case, macrons and every style of quotation mark", () => {
    expect(found('the problem of "the Northern territories" and its “northern territories.”', "en")).toEqual([
      ["northern-territories", "Northern territories"],
      ["northern-territories", "northern territories"],
    ]);
    expect(found("slogans such as CHIHO SOSEI and chihô sôsei", "en").map(([id]) => id)).toEqual(["chiho-sosei", "chiho-sosei"]);
    expect(found("in the “two +two” format and the «two+two» format", "en")).toEqual([
      ["two-plus-two", "two +two” format"],
      ["two-plus-two", "two+two» format"],
    ]);
  });

  it("matches at word boundaries only", () => {
    expect(found("Abe’s Abenomics helped the LDP; Japanese voters in Japan's regions", "en")).toEqual([
      ["abe-shinzo", "Abe"],
      ["abenomics", "Abenomics"],
      ["japan", "Japan"],
    ]);
    expect(found("Mao's China, not Maoism; the U.S. satellite, not the U.S.S.R.", "en").map(([id]) => id)).toEqual(["mao-zedong", "united-states"]);
  });

  it("prefers the longest of overlapping matches", () => {
    expect(found("projects on the South Kuril Islands and the Kuril Islands", "en")).toEqual([
      ["south-kuril-islands", "South Kuril Islands"],
      ["kuril-islands", "Kuril Islands"],
    ]);
    expect(found("Shinzo Abe and Abe", "en")).toEqual([
      ["abe-shinzo", "Shinzo Abe"],
      ["abe-shinzo", "Abe"],
    ]);
  });

  it("skips words inside URLs", () => {
    expect(found("// TASS. URL: <http://tass.ru/politika/3595565>", "en")).toEqual([["tass", "TASS"]]);
  });
});

describe("findGlossaryMatches, Russian", () => {
  it("finds a transcribed term", () => {
    expect(found("принцип *хикиваке* (взаимного компромисса)", "ru")).toEqual([["hikiwake", "хикиваке"]]);
  });

  it("matches multi-word terms in any case through their stems", () => {
    expect(found("проблема «северных территорий» и решение проблемы «мирного договора»", "ru")).toEqual([
      ["northern-territories", "северных территорий"],
      ["peace-treaty", "мирного договора"],
    ]);
    expect(found("на «северных территориях», по мирному договору", "ru").map(([id]) => id)).toEqual(["northern-territories", "peace-treaty"]);
  });

  it("matches inflections the stemmer alone misses, and the explicit forms", () => {
    expect(found("на южных Курильских островах и на Курилах, о Курил", "ru")).toEqual([
      ["south-kuril-islands", "южных Курильских островах"],
      ["kuril-islands", "Курилах"],
      ["kuril-islands", "Курил"],
    ]);
  });

  it("ignores ё, stress marks, case and quotes", () => {
    expect(found("МИ́РНЫЙ ДОГОВОР; в формате «два плюс два» и в формате \"два плюс два\"", "ru").map(([id]) => id)).toEqual([
      "peace-treaty",
      "two-plus-two",
      "two-plus-two",
    ]);
  });

  it("does not match unrelated words that share a short stem or a longer word", () => {
    expect(found("в мае 2016 г. Абэ говорил об абэномике; политика Мао", "ru")).toEqual([
      ["abe-shinzo", "Абэ"],
      ["abenomics", "абэномике"],
      ["mao-zedong", "Мао"],
    ]);
    expect(found("японские и российские эксперты", "ru")).toEqual([]);
  });
});
