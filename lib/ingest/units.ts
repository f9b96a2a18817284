import { alignParagraphs } from "../align/index.ts";
import type { AlignOptions } from "../align/types.ts";

/**
 * Fits a new edition's paragraphs into a work's existing alignment units.
 * Units are defined by the reference edition's paragraphs: each unit's
 * reference paragraphs are aligned as one block, so a unit keeps its number
 * (#u12) wherever the new text fits its grouping. Only where one new
 * paragraph spans two units are they merged; a new paragraph without a
 * counterpart joins the unit before it (or an empty unit between), so the
 * numbers after it do not move.
 */

export interface ExistingUnit {
  /** Texts of the reference edition's paragraphs in the unit (none in a unit the reference edition lacks). */
  reference: string[];
  /** Whether the unit holds paragraphs that stay (the reference edition's or another's), as opposed to only the replaced edition's. */
  keeps: boolean;
}

export interface PlannedUnit {
  /** The existing unit (index) that carries on, and the ones merged into it. */
  unit: number;
  merged: number[];
  /** Indices of the new edition's paragraphs in it, in order. */
  paragraphs: number[];
  /** The aligner's confidence: the lowest score of the beads that made the unit; null where the aligner did not see it. */
  confidence: number | null;
}

export interface UnitPlan {
  units: PlannedUnit[];
  /** Existing units left without any paragraph, removed. */
  dropped: number[];
  /** New paragraphs without a counterpart, placed in a neighbouring unit. */
  attached: number;
}

export function planUnits(existing: ExistingUnit[], paragraphs: string[], options: AlignOptions): UnitPlan {
  const blockUnits = existing.flatMap((unit, index) => (unit.reference.length > 0 ? [index] : []));
  const beads = alignParagraphs(
    blockUnits.map((index) => existing[index]!.reference.join("\n")),
    paragraphs,
    options,
  );
  const head = existing.map((_, index) => index);
  const assigned = existing.map(() => [] as number[]);
  const confidence: (number | null)[] = existing.map(() => null);
  const lower = (index: number, score: number) => {
    confidence[index] = Math.min(confidence[index] ?? 1, score);
  };
  let attached = 0;
  let previous: number | null = null;

  beads.forEach((bead, beadIndex) => {
    if (bead.source.length > 0) {
      const first = blockUnits[bead.source[0]!]!;
      const last = blockUnits[bead.source.at(-1)!]!;
      for (let index = first + 1; index <= last; index += 1) head[index] = first;
      assigned[first]!.push(...bead.target);
      lower(first, bead.score);
      previous = last;
      return;
    }
    // A new paragraph without counterpart: an empty unit in the gap takes it, else the unit before (or after) it.
    const next = beads.slice(beadIndex + 1).find((candidate) => candidate.source.length > 0);
    const nextUnit = next ? blockUnits[next.source[0]!]! : existing.length;
    const from = previous === null ? 0 : previous + 1;
    const gap = existing.findIndex((unit, index) => index >= from && index < nextUnit && unit.reference.length === 0 && head[index] === index);
    const target = gap >= 0 ? gap : previous !== null ? head[previous]! : nextUnit < existing.length ? nextUnit : null;
    if (target === null) throw new Error("planUnits: no unit to place a paragraph in (the work has no units)");
    if (gap < 0) attached += bead.target.length;
    assigned[target]!.push(...bead.target);
    lower(target, bead.score);
    if (gap >= 0) previous = gap;
  });

  const units: PlannedUnit[] = [];
  const dropped: number[] = [];
  existing.forEach((unit, index) => {
    if (head[index] !== index) return;
    const merged = existing.map((_, other) => other).filter((other) => other !== index && head[other] === index);
    const paragraphsOfUnit = assigned[index]!.sort((a, b) => a - b);
    if (!unit.keeps && paragraphsOfUnit.length === 0 && merged.every((other) => !existing[other]!.keeps)) {
      dropped.push(index, ...merged);
      return;
    }
    units.push({ unit: index, merged, paragraphs: paragraphsOfUnit, confidence: confidence[index]! });
  });
  return { units, dropped, attached };
}
