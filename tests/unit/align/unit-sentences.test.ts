import { describe, expect, it } from "vitest";
import { alignUnitSentences, editionLengthModel } from "@/lib/align/unit-sentences";

const options = { sourceLanguage: "en", targetLanguage: "ru" } as const;
const lengthModel = { ratio: 1.1, variance: 6.8, squaredVariance: 0 };

describe("alignUnitSentences", () => {
  it("splits each paragraph into sentences and pairs them through beads", () => {
    const english = ["Abe met Putin in Sochi in May 2016. They agreed on a new approach.", "The islands remain disputed."];
    const russian = ["Абэ встретился с Путиным в Сочи в мае 2016 г. Они договорились о новом подходе. Острова остаются спорными."];
    const { source, target } = alignUnitSentences(english, russian, { ...options, lengthModel });
    expect(source.map((s) => [s.paragraph, english[s.paragraph]!.slice(s.start, s.end)])).toEqual([
      [0, "Abe met Putin in Sochi in May 2016."],
      [0, "They agreed on a new approach."],
      [1, "The islands remain disputed."],
    ]);
    expect(target.map((s) => russian[0]!.slice(s.start, s.end))).toEqual([
      "Абэ встретился с Путиным в Сочи в мае 2016 г.",
      "Они договорились о новом подходе.",
      "Острова остаются спорными.",
    ]);
    expect(source.map((s) => s.bead)).toEqual(target.map((s) => s.bead));
  });

  it("gives each sentence its own bead when the other edition has no paragraph", () => {
    const { source, target } = alignUnitSentences(["One. Two."], [], { ...options, lengthModel });
    expect(target).toEqual([]);
    expect(new Set(source.map((s) => s.bead)).size).toBe(2);
  });
});

describe("editionLengthModel", () => {
  it("estimates the ratio of Russian to English length from the editions", () => {
    const english = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} about relations between the two countries and their long history.`);
    const russian = english.map((_, i) => `Абзац ${i} об отношениях между двумя странами и их долгой и непростой истории развития.`);
    expect(editionLengthModel(english, russian, options).ratio).toBeGreaterThan(1);
  });
});
