import { describe, expect, it } from "vitest";
import { indexAnchors } from "@/lib/align/anchors";
import type { LexiconEntry } from "@/lib/align";
import { cyrillicNameKeys, latinNameKey } from "@/lib/align/names";

// Segments without anchors, so that the tested keys are rare enough to count.
const FILLER_EN = Array.from({ length: 8 }, () => "Nothing to see here.");
const FILLER_RU = Array.from({ length: 8 }, () => "Здесь ничего нет.");

/** How many keys the first English and the first Russian segment share. */
function sharedAnchors(english: string, russian: string, lexicon?: LexiconEntry[]): number {
  const index = indexAnchors([english, ...FILLER_EN], [russian, ...FILLER_RU], "en", "ru", lexicon);
  const sourceKeys = new Set(index.source.keys.subarray(index.source.offsets[0], index.source.offsets[1]));
  return [...index.target.keys.subarray(index.target.offsets[0], index.target.offsets[1])].filter(
    (key) => sourceKeys.has(key) && index.matchWeight[key]! > 0,
  ).length;
}

describe("anchors", () => {
  it("match numbers and years across notations", () => {
    expect(sharedAnchors("In 2016, 1,500 people, or 1.5%, came.", "В 2016 г. пришли 1 500 человек, или 1,5 %.")).toBe(3);
  });

  it("read Roman numerals as numbers", () => {
    expect(sharedAnchors("In the 20th century.", "В XX веке.")).toBe(1);
  });

  it("match URLs whatever their scheme and trailing punctuation", () => {
    expect(sharedAnchors("See https://example.org/report", "См. http://www.example.org/report.")).toBe(1);
  });

  it("match Latin-script words inside Russian text", () => {
    expect(sharedAnchors("An article in Nikkei on APEC.", "Статья в Nikkei об APEC.")).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["Putin's visit", "визит Путина"],
    ["Kishida said", "сказал Кисида"],
    ["Shinzo Abe", "Синдзо Абэ"],
    ["Yeltsin came", "пришёл Ельцин"],
    ["in Khabarovsk", "в Хабаровске"],
    ["by Streltsov", "Стрельцова"],
  ])("match names through transliteration: %s ⇄ %s", (english, russian) => {
    expect(sharedAnchors(english, russian)).toBeGreaterThanOrEqual(1);
  });

  it("do not match unrelated names", () => {
    expect(sharedAnchors("Kishida said", "сказал Путин")).toBe(0);
  });

  it("match glossary terms by stem, stress marks ignored", () => {
    const lexicon = [{ source: ["Northern Territories"], target: ["Се́верные террито́рии"] }];
    expect(sharedAnchors("the Northern Territories issue", "проблема северных территорий", lexicon)).toBe(1);
    expect(sharedAnchors("the Northern Territories issue", "проблема северных территорий")).toBe(0);
  });

  it("count quoted and bracketed spans", () => {
    const index = indexAnchors(['He called it "a new approach" (2016).'], ["Он назвал это «новым подходом» (2016)."], "en", "ru");
    expect([index.source.quotes[0], index.target.quotes[0]]).toEqual([1, 1]);
    expect([index.source.brackets[0], index.target.brackets[0]]).toEqual([1, 1]);
  });
});

describe("name keys", () => {
  it("fold the romanization systems and Polivanov/Hepburn together", () => {
    expect(latinNameKey("Shinzo")).toBe(cyrillicNameKeys("Синдзо").find((key) => key === latinNameKey("Shinzo")));
    expect(latinNameKey("Abe's")).toBe("abe");
    expect(latinNameKey("the")).toBeNull();
    expect(cyrillicNameKeys("путин")).toEqual([]);
  });
});
