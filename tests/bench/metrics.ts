import type { Bead } from "@/lib/align/types";
import type { GoldBead } from "./datasets.ts";

export interface AlignmentScores {
  precision: number;
  recall: number;
  f1: number;
  /** Share of gold beads found exactly. */
  exactBeads: number;
  /** Probability that a right bead scores above a wrong one (0.5: the score tells nothing); null without both kinds. */
  scoreAuc: number | null;
}

/**
 * Links are the (source, target) pairs a bead joins, all of them for an n:m
 * bead; a 1:0 or 0:1 bead contributes a link of its segment to nothing, so
 * finding an omission counts as much as finding a correspondence.
 */
function links(beads: GoldBead[]): Set<string> {
  const result = new Set<string>();
  for (const bead of beads) {
    if (bead.target.length === 0) for (const s of bead.source) result.add(`${s}:-`);
    else if (bead.source.length === 0) for (const t of bead.target) result.add(`-:${t}`);
    else for (const s of bead.source) for (const t of bead.target) result.add(`${s}:${t}`);
  }
  return result;
}

const beadKey = (bead: GoldBead) => `${bead.source.join(",")}|${bead.target.join(",")}`;

export function scoreAlignment(predicted: Bead[], gold: GoldBead[]): AlignmentScores {
  const predictedLinks = links(predicted);
  const goldLinks = links(gold);
  let common = 0;
  for (const link of predictedLinks) if (goldLinks.has(link)) common += 1;
  const precision = predictedLinks.size === 0 ? 0 : common / predictedLinks.size;
  const recall = goldLinks.size === 0 ? 0 : common / goldLinks.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const goldBeads = new Set(gold.map(beadKey));
  const right: number[] = [];
  const wrong: number[] = [];
  for (const bead of predicted) (goldBeads.has(beadKey(bead)) ? right : wrong).push(bead.score);
  return { precision, recall, f1, exactBeads: right.length / Math.max(1, gold.length), scoreAuc: auc(right, wrong) };
}

/** Area under the ROC curve of the scores, right beads as positives (Mann–Whitney, ties count half). */
function auc(right: number[], wrong: number[]): number | null {
  if (right.length === 0 || wrong.length === 0) return null;
  const all = [...right.map((score) => ({ score, right: true })), ...wrong.map((score) => ({ score, right: false }))].sort(
    (a, b) => a.score - b.score,
  );
  let rankSum = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end < all.length && all[end]!.score === all[start]!.score) end += 1;
    const averageRank = (start + 1 + end) / 2;
    for (let index = start; index < end; index += 1) if (all[index]!.right) rankSum += averageRank;
    start = end;
  }
  return (rankSum - (right.length * (right.length + 1)) / 2) / (right.length * wrong.length);
}
