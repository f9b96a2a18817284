import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignDocumentSentences, alignParagraphs, type Bead } from "@/lib/align";
import { ENGLISH, RUSSIAN } from "./parallel-fixture.ts";

const EN_RU = { sourceLanguage: "en", targetLanguage: "ru" } as const;
const BEAD_SHAPES = new Set(["1:1", "1:0", "0:1", "2:1", "1:2", "2:2", "3:1", "1:3"]);

/** Every segment of both sides in exactly one bead, in order; known bead types; scores in [0, 1]. */
function expectWellFormed(beads: Bead[], sourceCount: number, targetCount: number): void {
  expect(beads.flatMap((bead) => bead.source)).toEqual(Array.from({ length: sourceCount }, (_, index) => index));
  expect(beads.flatMap((bead) => bead.target)).toEqual(Array.from({ length: targetCount }, (_, index) => index));
  for (const bead of beads) {
    expect(BEAD_SHAPES.has(`${bead.source.length}:${bead.target.length}`)).toBe(true);
    expect(bead.score).toBeGreaterThanOrEqual(0);
    expect(bead.score).toBeLessThanOrEqual(1);
  }
}

const paragraph = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(...ENGLISH, ...RUSSIAN),
  fc.array(fc.constantFrom("Путин", "Abe", "2016", "«да»", "(см.)", "x", "https://a.org"), { maxLength: 40 }).map((words) => words.join(" ")),
);

describe("alignParagraphs on any input", () => {
  it("covers every segment once and in order", () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 40 }), fc.array(paragraph, { maxLength: 40 }), fc.boolean(), (source, target, reversed) => {
        const options = reversed ? { sourceLanguage: "ru", targetLanguage: "en" } as const : EN_RU;
        expectWellFormed(alignParagraphs(source, target, options), source.length, target.length);
      }),
      { numRuns: 150 },
    );
  });

  it("covers every sentence once and in order", () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 12 }), fc.array(paragraph, { maxLength: 12 }), (source, target) => {
        const result = alignDocumentSentences(source, target, EN_RU);
        expectWellFormed(result.beads, result.sourceSentences.length, result.targetSentences.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe("alignParagraphs on extreme input", () => {
  it("handles empty sides", () => {
    expect(alignParagraphs([], [], EN_RU)).toEqual([]);
    expectWellFormed(alignParagraphs(ENGLISH, [], EN_RU), ENGLISH.length, 0);
    expectWellFormed(alignParagraphs([], RUSSIAN, EN_RU), 0, RUSSIAN.length);
    expectWellFormed(alignParagraphs(["", ""], [""], EN_RU), 2, 1);
  });

  it("handles one huge paragraph", () => {
    const huge = ENGLISH.join(" ").repeat(400);
    expectWellFormed(alignParagraphs([huge], [RUSSIAN.join(" ").repeat(400)], EN_RU), 1, 1);
    expectWellFormed(alignParagraphs([huge], RUSSIAN, EN_RU), 1, RUSSIAN.length);
  });

  it("handles 1:1000 length and count ratios", () => {
    expectWellFormed(alignParagraphs(["a"], ["б".repeat(1000)], EN_RU), 1, 1);
    const many = Array.from({ length: 1000 }, (_, index) => `п${index}`);
    expectWellFormed(alignParagraphs(["One paragraph."], many, EN_RU), 1, 1000);
    expectWellFormed(alignParagraphs(many, ["One paragraph."], { sourceLanguage: "ru", targetLanguage: "en" }), 1000, 1);
  });

  it("pairs identical texts 1:1", () => {
    const beads = alignParagraphs(ENGLISH, ENGLISH, { sourceLanguage: "en", targetLanguage: "en" });
    expect(beads.map((bead) => `${bead.source}|${bead.target}`)).toEqual(ENGLISH.map((_, index) => `${index}|${index}`));
    expect(Math.min(...beads.map((bead) => bead.score))).toBeGreaterThan(0.9);
  });
});
