import { describe, expect, it } from "vitest";
import { foldForSearch, glossarySearchText, termLanguage } from "@/lib/glossary/language";

describe("termLanguage", () => {
  it("tags romanised and Polivanov Japanese, and Russian titles in Latin letters", () => {
    expect(termLanguage("japanese-term", "en")).toBe("ja-Latn");
    expect(termLanguage("japanese-term", "ru")).toBe("ja-Cyrl");
    expect(termLanguage("source-media", "en")).toBe("ru-Latn");
    expect(termLanguage("source-media", "ru")).toBeNull();
    expect(termLanguage("place", "en")).toBeNull();
  });
});

describe("glossarySearchText", () => {
  it("folds every form so that any script and spelling finds the entry", () => {
    const text = glossarySearchText(["hikiwake", "Chihō Sōsei", "引き分け", "ひきわけ", "ми́рный догово́р", "Ёкогама", "«Северные территории»", "тихо: со:сэй", undefined]);
    expect(text.split(" | ")).toEqual(["hikiwake", "chiho sosei", "引き分け", "ひきわけ", "мирный договор", "екогама", "северные территории", "тихо сосэй"]);
  });

  it("keeps й, which Unicode decomposes into и and a breve", () => {
    expect(foldForSearch("Российская")).toBe("российская");
  });
});
