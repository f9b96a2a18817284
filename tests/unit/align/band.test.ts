import { describe, expect, it } from "vitest";
import { alignParagraphs } from "@/lib/align";
import { indexAnchors } from "@/lib/align/anchors";
import { anchorChain, bandAroundGuide, guideColumns } from "@/lib/align/band";

/** A deterministic generator, so the synthetic texts are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Paragraphs of lower-case pseudo-words and their "translations": about 10% longer, with noise; no anchors at all. */
function syntheticTexts(count: number, seed: number): { source: string[]; target: string[] } {
  const next = random(seed);
  const source: string[] = [];
  const target: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const words = 5 + Math.floor(next() * 120);
    source.push(Array.from({ length: words }, () => "lorem".slice(0, 2 + Math.floor(next() * 4))).join(" "));
    const translated = Math.round(words * (1.1 + (next() - 0.5) * 0.1));
    target.push(Array.from({ length: translated }, () => "текст".slice(0, 2 + Math.floor(next() * 4))).join(" "));
  }
  return { source, target };
}

describe("banding", () => {
  it("recovers when a long stretch is missing on one side and no anchor shows where", () => {
    const { source, target } = syntheticTexts(400, 7);
    const missing = new Set(Array.from({ length: 80 }, (_, offset) => 150 + offset));
    const shortened = target.filter((_, index) => !missing.has(index));
    const beads = alignParagraphs(source, shortened, { sourceLanguage: "en", targetLanguage: "ru" });
    const unmatched = beads.filter((bead) => bead.target.length === 0).flatMap((bead) => bead.source);
    const found = unmatched.filter((index) => missing.has(index)).length;
    expect(found).toBeGreaterThanOrEqual(76);
    expect(unmatched.length).toBeLessThanOrEqual(84);
    // After the gap the alignment is back on the diagonal, shifted by the gap.
    expect(beads.at(-1)).toMatchObject({ source: [399], target: [319] });
  });

  it("bends the guide through a chain of anchors, dropping pairs against the order", () => {
    const source = Array.from({ length: 20 }, (_, index) => `item ${101 + index}`);
    const target = Array.from({ length: 20 }, (_, index) => `пункт ${101 + index}`);
    [target[3], target[16]] = [target[16]!, target[3]!];
    const chain = anchorChain(indexAnchors(source, target, "en", "ru"));
    // Both swapped items contradict the order of the others.
    expect(chain).toHaveLength(18);
    expect(chain).not.toContainEqual([3, 16]);
    expect(chain).not.toContainEqual([16, 3]);
    for (let index = 1; index < chain.length; index += 1) {
      expect(chain[index]![0]).toBeGreaterThan(chain[index - 1]![0]);
      expect(chain[index]![1]).toBeGreaterThan(chain[index - 1]![1]);
    }
  });

  it("builds monotone bands that join the corners, even for steep guides", () => {
    const sourcePrefix = Float64Array.from([0, 10, 20, 30]);
    const targetPrefix = Float64Array.from({ length: 51 }, (_, index) => index * 0.6);
    const band = bandAroundGuide(guideColumns(sourcePrefix, targetPrefix, []), 50, 2);
    expect(band.lo[0]).toBe(0);
    expect(band.hi[3]).toBe(50);
    for (let i = 1; i <= 3; i += 1) {
      expect(band.lo[i]).toBeGreaterThanOrEqual(band.lo[i - 1]!);
      expect(band.hi[i]).toBeGreaterThanOrEqual(band.hi[i - 1]!);
      expect(band.lo[i]).toBeLessThanOrEqual(band.hi[i - 1]!);
    }
  });
});
