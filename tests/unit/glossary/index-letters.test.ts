import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CYRILLIC_LETTERS,
  DIGITS_KEY,
  formUnder,
  indexCounts,
  indexKeys,
  initialOf,
  kanaRow,
  KANA_ROWS,
  katakanaToHiragana,
  scriptOfKey,
} from "@/lib/glossary/index-letters";
import { parseGlossary, type GlossaryEntry } from "@/lib/glossary/schema";

const entries = parseGlossary(readFileSync("content/streltsov-2018/glossary.yaml", "utf8"), "glossary.yaml");
const entry = (id: string) => entries.find((candidate) => candidate.id === id)!;

describe("the kana index", () => {
  it("files every kana under its gojūon row, voiced, semi-voiced and small kana included", () => {
    const rows: Record<string, string> = {
      あ: "あいうえおぁぃぅぇぉゔ",
      か: "かきくけこがぎぐげご",
      さ: "さしすせそざじずぜぞ",
      た: "たちつてとだぢづでどっ",
      な: "なにぬねの",
      は: "はひふへほばびぶべぼぱぴぷぺぽ",
      ま: "まみむめも",
      や: "やゆよゃゅょ",
      ら: "らりるれろ",
      わ: "わをんゎ",
    };
    for (const [row, kana] of Object.entries(rows)) for (const first of kana) expect(kanaRow(`${first}い`), first).toBe(row);
    expect(Object.keys(rows)).toEqual([...KANA_ROWS]);
  });

  it("reads katakana as hiragana", () => {
    expect(katakanaToHiragana("アベノミクス")).toBe("あべのみくす");
    expect(katakanaToHiragana("スマートシティ")).toBe("すまーとしてぃ");
    expect(kanaRow("アベノミクス")).toBe("あ");
    expect(kanaRow("フォーラム")).toBe("は");
    expect(kanaRow("ヴィ")).toBe("あ");
  });

  it("files nothing that does not begin with kana", () => {
    expect(kanaRow("引き分け")).toBeNull();
    expect(kanaRow("ーあ")).toBeNull();
    expect(kanaRow("")).toBeNull();
  });

  it("files the glossary's Japanese entries by their reading", () => {
    expect(indexKeys(entry("hikiwake"), "kana")).toEqual(["は"]);
    expect(indexKeys(entry("chiho-sosei"), "kana")).toEqual(["た"]);
    expect(indexKeys(entry("josei-katsuyaku"), "kana")).toEqual(["さ"]);
    expect(indexKeys(entry("abenomics"), "kana")).toEqual(["あ"]);
    expect(indexKeys(entry("abe-shinzo"), "kana")).toEqual(["あ"]);
    expect(indexKeys(entry("smart-city"), "kana")).toEqual(["さ"]);
    expect(indexKeys(entry("the-west"), "kana")).toEqual([]);
    const withKana = entries.filter((candidate) => candidate.kana);
    expect(withKana.every((candidate) => indexKeys(candidate, "kana").length === 1)).toBe(true);
    const counts = indexCounts(entries, "kana");
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(withKana.length);
  });
});

describe("the A–Z and А–Я indexes", () => {
  it("take the first letter without diacritics, quotes or case", () => {
    expect(initialOf("Ōsaka", "latin")).toBe("O");
    expect(initialOf("chihō sōsei", "latin")).toBe("C");
    expect(initialOf("«се́верные террито́рии»", "cyrillic")).toBe("С");
    expect(initialOf("Ёнто", "cyrillic")).toBe("Е");
    expect(initialOf("йод", "cyrillic")).toBe("Й");
    expect(initialOf("1956 Declaration", "latin")).toBe(DIGITS_KEY);
    expect(initialOf("хикиваке", "latin")).toBeNull();
    expect(initialOf("hikiwake", "cyrillic")).toBeNull();
  });

  it("file an entry under each of its forms' letters, so that a family name used alone has its own place", () => {
    expect(indexKeys(entry("abe-shinzo"), "latin")).toEqual(["S", "A"]);
    expect(indexKeys(entry("abe-shinzo"), "cyrillic")).toEqual(["С", "А"]);
    expect(indexKeys(entry("united-states"), "latin")).toEqual(["U", "A"]);
    expect(indexKeys(entry("ldp"), "latin")).toEqual(["L", "J"]);
    expect(indexKeys(entry("declaration-1956"), "latin")).toEqual([DIGITS_KEY, "N"]);
    expect(formUnder(entry("abe-shinzo"), "latin", "A")).toBe("Abe");
    expect(formUnder(entry("ldp"), "latin", "J")).toBe("Jiyū Minshutō");
  });

  it("file every entry of the glossary in A–Z, and every entry with a Russian form in А–Я", () => {
    for (const candidate of entries) {
      expect(indexKeys(candidate, "latin").length, candidate.id).toBeGreaterThan(0);
      if (candidate.ru) expect(indexKeys(candidate, "cyrillic").length, candidate.id).toBeGreaterThan(0);
      for (const key of indexKeys(candidate, "cyrillic")) expect(key === DIGITS_KEY || (CYRILLIC_LETTERS as readonly string[]).includes(key)).toBe(true);
    }
  });

  it("tells the script of a key", () => {
    expect(scriptOfKey("A")).toBe("latin");
    expect(scriptOfKey("А")).toBe("cyrillic");
    expect(scriptOfKey("か")).toBe("kana");
    expect(scriptOfKey(DIGITS_KEY)).toBe("latin");
    expect(scriptOfKey("Ъ")).toBeNull();
    expect(scriptOfKey("きゃ")).toBeNull();
  });
});

describe("indexCounts", () => {
  it("counts an entry once per key it is filed under", () => {
    const sample: GlossaryEntry[] = [entry("abe-shinzo"), entry("abenomics"), entry("hikiwake")];
    expect(Object.fromEntries(indexCounts(sample, "latin"))).toEqual({ S: 1, A: 2, H: 1 });
  });
});
