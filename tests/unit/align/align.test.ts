import { describe, expect, it } from "vitest";
import { alignParagraphs, alignSentences } from "@/lib/align";
import type { Bead } from "@/lib/align";
import { splitSentences } from "@/lib/text/sentences";
import { ENGLISH, RUSSIAN } from "./parallel-fixture.ts";

const EN_RU = { sourceLanguage: "en", targetLanguage: "ru" } as const;

/** The beads as "source|target" strings, scores left out. */
const shapes = (beads: Bead[]) => beads.map((bead) => `${bead.source.join(",")}|${bead.target.join(",")}`);

const sentencesOf = (text: string) => splitSentences(text, "ru").map((span) => text.slice(span.start, span.end));

describe("alignParagraphs", () => {
  it("pairs a faithful translation 1:1", () => {
    const beads = alignParagraphs(ENGLISH, RUSSIAN, EN_RU);
    expect(shapes(beads)).toEqual(ENGLISH.map((_, index) => `${index}|${index}`));
  });

  it("leaves a paragraph missing from the translation as 1:0", () => {
    const target = RUSSIAN.filter((_, index) => index !== 4);
    expect(shapes(alignParagraphs(ENGLISH, target, EN_RU))).toContain("4|");
  });

  it("leaves a paragraph the translation added as 0:1", () => {
    const source = ENGLISH.filter((_, index) => index !== 5);
    expect(shapes(alignParagraphs(source, RUSSIAN, EN_RU))).toContain("|5");
  });

  it("finds two paragraphs merged into one (2:1) and three into one (3:1)", () => {
    const target = [`${RUSSIAN[0]} ${RUSSIAN[1]}`, ...RUSSIAN.slice(2, 9), `${RUSSIAN[9]} ${RUSSIAN[10]} ${RUSSIAN[11]}`];
    const result = shapes(alignParagraphs(ENGLISH, target, EN_RU));
    expect(result).toContain("0,1|0");
    expect(result).toContain("9,10,11|8");
  });

  it("finds a paragraph split in two (1:2) and in three (1:3)", () => {
    const [first, second, third] = sentencesOf(RUSSIAN[5]!) as [string, string, string];
    const inTwo = [...RUSSIAN.slice(0, 5), `${first} ${second}`, third, ...RUSSIAN.slice(6)];
    expect(shapes(alignParagraphs(ENGLISH, inTwo, EN_RU))).toContain("5|5,6");
    const inThree = [...RUSSIAN.slice(0, 5), first, second, third, ...RUSSIAN.slice(6)];
    expect(shapes(alignParagraphs(ENGLISH, inThree, EN_RU))).toContain("5|5,6,7");
  });

  it("finds a paragraph boundary moved by a sentence (2:2)", () => {
    const [first, second, third] = sentencesOf(RUSSIAN[1]!) as [string, string, string];
    const target = [RUSSIAN[0]!, first, `${second} ${third} ${RUSSIAN[2]}`, ...RUSSIAN.slice(3)];
    const source = [ENGLISH[0]!, ENGLISH[1]!, ENGLISH[2]!, ...ENGLISH.slice(3)];
    expect(shapes(alignParagraphs(source, target, EN_RU))).toContain("1,2|1,2");
  });

  it("is deterministic", () => {
    const target = RUSSIAN.filter((_, index) => index !== 3);
    expect(alignParagraphs(ENGLISH, target, EN_RU)).toEqual(alignParagraphs(ENGLISH, target, EN_RU));
  });

  it("aligns Russian to English as well", () => {
    const beads = alignParagraphs(RUSSIAN.slice(0, 6), ENGLISH.slice(0, 6), { sourceLanguage: "ru", targetLanguage: "en" });
    expect(shapes(beads)).toEqual(["0|0", "1|1", "2|2", "3|3", "4|4", "5|5"]);
  });
});

describe("scores", () => {
  it("are near 1 for clean 1:1 beads with matching anchors, low for a forced 1:0 and for a length mismatch", () => {
    const clean = alignParagraphs(ENGLISH, RUSSIAN, EN_RU);
    // Paragraph 0 shares a year and two names with its translation.
    expect(clean[0]!.score).toBeGreaterThan(0.95);
    expect(Math.min(...clean.map((bead) => bead.score))).toBeGreaterThan(0.5);

    const missing = alignParagraphs(ENGLISH, RUSSIAN.filter((_, index) => index !== 4), EN_RU);
    expect(missing.find((bead) => bead.target.length === 0)!.score).toBeLessThan(0.35);

    // A translation that lost most of its text still pairs 1:1 here (nothing else fits), with a low score.
    const truncated = RUSSIAN.map((text, index) => (index === 10 ? sentencesOf(text)[0]! : text));
    const bead = alignParagraphs(ENGLISH, truncated, EN_RU).find((candidate) => candidate.source.includes(10))!;
    expect(bead.score).toBeLessThan(0.5);
  });

  it("stay within [0, 1]", () => {
    for (const bead of alignParagraphs(ENGLISH, RUSSIAN.slice(3), EN_RU)) {
      expect(bead.score).toBeGreaterThanOrEqual(0);
      expect(bead.score).toBeLessThanOrEqual(1);
    }
  });
});

describe("alignSentences", () => {
  it("returns the sentences of one unit as offsets and aligns them, a split sentence as 1:2", () => {
    const english = ENGLISH[5]!;
    const russian = RUSSIAN[5]!.replace(": никакого", ". Никакого");
    const result = alignSentences(english, russian, EN_RU);
    expect(result.sourceSentences).toHaveLength(3);
    expect(result.targetSentences).toHaveLength(4);
    expect(english.slice(result.sourceSentences[0]!.start, result.sourceSentences[0]!.end)).toBe(
      "The visit was prepared for months, and expectations in Japan were high.",
    );
    expect(shapes(result.beads)).toEqual(["0|0", "1|1,2", "2|3"]);
  });
});
