import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldText, stemOf, tokenize } from "@/lib/search/text";

const forms = (text: string) => tokenize(text).map((token) => token.form);
const stems = (text: string) => tokenize(text).map(stemOf);

describe("search text", () => {
  it("folds case, macrons and ё but keeps й and the voicing of kana", () => {
    expect(foldText("Ōsaka ТОКИО Ёлка йод")).toBe("osaka токио елка йод");
    expect(foldText("ガイコウ")).toBe("がいこう");
    expect(foldText("ｆｕｌｌ")).toBe("full");
  });

  it("ignores quotes of every style and keeps offsets into the original text", () => {
    const text = "«антироссийского фронта» and “anti-Russian front”, Japan’s";
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.form)).toEqual(["антироссийского", "фронта", "and", "anti", "russian", "front", "japans"]);
    for (const token of tokens) expect(foldText(text.slice(token.start, token.end)).replace(/['’]/g, "")).toBe(token.form);
    expect(forms("Japan's")).toEqual(forms("Japan’s"));
  });

  it("makes every Chinese character and kana a token of its own", () => {
    expect(forms("引き分け")).toEqual(["引", "き", "分", "け"]);
  });

  it("stems Russian words by Russian morphology", () => {
    const [sanctions] = stems("санкции");
    expect(stems("санкций санкциями санкциях Санкции")).toEqual([sanctions, sanctions, sanctions, sanctions]);
    expect(stems("мирного договора")).toEqual(stems("мирный договор"));
  });

  it("stems English words by the English Snowball stemmer, whatever the edition", () => {
    expect(stems("relations relation")).toEqual(["relat", "relat"]);
    expect(stems("negotiations negotiation")).toEqual(["negoti", "negoti"]);
    expect(stems("Islands island")).toEqual(["island", "island"]);
  });

  it("keeps each word's first letter in its stem, which the marking of hits relies on (lib/search/highlight.ts)", () => {
    const article = ["en.txt", "ru.txt", "glossary.yaml"].map((file) => readFileSync(`content/streltsov-2018/${file}`, "utf8")).join(" ");
    // Snowball's exceptional English forms, a "y" after a vowel (eyed → ei), and Russian words all but their first letter an ending.
    const edgeCases = "skies dying lying tying idly gently ugly early only singly news yes eyed says ею ая оно";
    const tokens = tokenize(`${article} ${edgeCases}`);
    expect(tokens.length).toBeGreaterThan(15_000);
    expect(tokens.filter((token) => stemOf(token)[0] !== token.form[0]).map((token) => token.form)).toEqual([]);
  });
});
