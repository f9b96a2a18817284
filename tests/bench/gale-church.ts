/**
 * The baseline: Gale and Church's length-only aligner as published
 * (Computational Linguistics 19(1), 1993, appendix), with its standard
 * priors — ratio c = 1, variance s² = 6.8, penalties 450 (1:0, 0:1), 230
 * (2:1, 1:2), 440 (2:2) in −100·log units — over the full matrix, lengths
 * in characters. No anchors, no estimation from the texts, no band.
 */
import type { Bead } from "@/lib/align/types";

const C = 1;
const S2 = 6.8;
const PENALTY_01 = 450;
const PENALTY_21 = 230;
const PENALTY_22 = 440;
const BIG_DISTANCE = 2500;

/** Area under the standard normal from −∞ to z (Abramowitz and Stegun 26.2.17, as in the paper). */
function pnorm(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  return (
    1 - 0.3989423 * Math.exp((-z * z) / 2) * ((((1.330274429 * t - 1.821255978) * t + 1.781477937) * t - 0.356563782) * t + 0.31938153) * t
  );
}

function match(length1: number, length2: number): number {
  if (length1 === 0 && length2 === 0) return 0;
  const mean = (length1 + length2 / C) / 2;
  const z = Math.abs((C * length1 - length2) / Math.sqrt(S2 * mean));
  const pd = 2 * (1 - pnorm(z));
  return pd > 0 ? Math.trunc(-100 * Math.log(pd)) : BIG_DISTANCE;
}

const MOVES: Array<[number, number, (x: number[], y: number[], i: number, j: number) => number]> = [
  [1, 1, (x, y, i, j) => match(x[i - 1]!, y[j - 1]!)],
  [1, 0, (x, _y, i) => match(x[i - 1]!, 0) + PENALTY_01],
  [0, 1, (_x, y, _i, j) => match(0, y[j - 1]!) + PENALTY_01],
  [2, 1, (x, y, i, j) => match(x[i - 2]! + x[i - 1]!, y[j - 1]!) + PENALTY_21],
  [1, 2, (x, y, i, j) => match(x[i - 1]!, y[j - 2]! + y[j - 1]!) + PENALTY_21],
  [2, 2, (x, y, i, j) => match(x[i - 2]! + x[i - 1]!, y[j - 2]! + y[j - 1]!) + PENALTY_22],
];

export function galeChurchAlign(source: string[], target: string[]): Bead[] {
  const x = source.map((text) => [...text].length);
  const y = target.map((text) => [...text].length);
  const n = x.length;
  const m = y.length;
  const width = m + 1;
  const distance = new Int32Array((n + 1) * width).fill(2 ** 31 - 1);
  const move = new Uint8Array((n + 1) * width);
  distance[0] = 0;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = 2 ** 31 - 1;
      MOVES.forEach(([a, b, cost], index) => {
        if (i < a || j < b) return;
        const candidate = distance[(i - a) * width + j - b]! + cost(x, y, i, j);
        if (candidate < best) {
          best = candidate;
          move[i * width + j] = index;
        }
      });
      distance[i * width + j] = best;
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [a, b] = MOVES[move[i * width + j]!]!;
    beads.push({
      source: Array.from({ length: a }, (_, offset) => i - a + offset),
      target: Array.from({ length: b }, (_, offset) => j - b + offset),
      score: 1,
    });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}
