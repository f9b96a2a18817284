import type { BeadType } from "./model.ts";

/**
 * The cells the dynamic program may visit: row i (i source segments
 * consumed) spans target positions lo[i]..hi[i]. Both bounds never decrease,
 * lo[0] = 0 and hi[n] = m.
 */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** A bead on the best path: its type and the cell where it ends. */
export interface PathStep {
  i: number;
  j: number;
  type: number;
}

export interface BandResult {
  steps: PathStep[];
  /** Whether the path runs along the band's edge where the grid goes on: the band may have cut off a better path. */
  touchesEdge: boolean;
  /** Posterior probability of each step, when asked for. */
  posteriors: Float64Array | null;
}

export type CostFunction = (i: number, j: number, type: number) => number;

export function bandCellCount(band: Band): number {
  let cells = 0;
  for (let i = 0; i < band.lo.length; i += 1) cells += band.hi[i]! - band.lo[i]! + 1;
  return cells;
}

function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let k = 0; k < count; k += 1) if (values[k]! > max) max = values[k]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let k = 0; k < count; k += 1) sum += Math.exp(values[k]! - max);
  return max + Math.log(sum);
}

/**
 * Best path through the band (Viterbi), and with `withPosteriors` the
 * posterior probability of each of its beads (forward–backward over the same
 * band, costs read as −log probabilities). Memory: 17 bytes a cell with
 * posteriors, 9 without; the backward pass keeps only four rows.
 */
export function alignInBand(band: Band, types: BeadType[], cost: CostFunction, withPosteriors: boolean): BandResult {
  const { lo, hi } = band;
  const n = lo.length - 1;
  const m = hi[n]!;
  const rowStart = new Int32Array(n + 2);
  for (let i = 0; i <= n; i += 1) rowStart[i + 1] = rowStart[i]! + hi[i]! - lo[i]! + 1;
  const cells = rowStart[n + 1]!;
  const best = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells);
  const forward = withPosteriors ? new Float64Array(cells).fill(-Infinity) : null;
  const terms = new Float64Array(types.length);
  best[0] = 0;
  if (forward) forward[0] = 0;

  for (let i = 0; i <= n; i += 1) {
    for (let j = lo[i]!; j <= hi[i]!; j += 1) {
      if (i === 0 && j === 0) continue;
      let bestCost = Infinity;
      let bestType = 0;
      let termCount = 0;
      for (let type = 0; type < types.length; type += 1) {
        const pi = i - types[type]!.source;
        const pj = j - types[type]!.target;
        if (pi < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const previous = rowStart[pi]! + pj - lo[pi]!;
        if (best[previous] === Infinity) continue;
        const beadCost = cost(i, j, type);
        const total = best[previous]! + beadCost;
        if (total < bestCost) {
          bestCost = total;
          bestType = type;
        }
        if (forward) terms[termCount++] = forward[previous]! - beadCost;
      }
      const cell = rowStart[i]! + j - lo[i]!;
      best[cell] = bestCost;
      back[cell] = bestType;
      if (forward) forward[cell] = logSumExp(terms, termCount);
    }
  }

  const steps: PathStep[] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0; ) {
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
    const type = back[rowStart[i]! + j - lo[i]!]!;
    steps.push({ i, j, type });
    i -= types[type]!.source;
    j -= types[type]!.target;
  }
  steps.reverse();

  const posteriors = forward ? stepPosteriors(band, rowStart, types, cost, forward, steps) : null;
  return { steps, touchesEdge, posteriors };
}

/** Backward pass over the band, reading off the posterior of each path step as its end row completes. */
function stepPosteriors(
  band: Band,
  rowStart: Int32Array,
  types: BeadType[],
  cost: CostFunction,
  forward: Float64Array,
  steps: PathStep[],
): Float64Array {
  const { lo, hi } = band;
  const n = lo.length - 1;
  const m = hi[n]!;
  const total = forward[rowStart[n]! + m - lo[n]!]!;
  let width = 0;
  for (let i = 0; i <= n; i += 1) width = Math.max(width, hi[i]! - lo[i]! + 1);
  // Beads reach at most three rows ahead: four rows of the backward table suffice.
  const rows = Array.from({ length: 4 }, () => new Float64Array(width));
  const terms = new Float64Array(types.length);
  const posteriors = new Float64Array(steps.length);
  let nextStep = steps.length - 1;

  for (let i = n; i >= 0; i -= 1) {
    const row = rows[i & 3]!;
    for (let j = hi[i]!; j >= lo[i]!; j -= 1) {
      if (i === n && j === m) {
        row[j - lo[i]!] = 0;
        continue;
      }
      let termCount = 0;
      for (let type = 0; type < types.length; type += 1) {
        const ni = i + types[type]!.source;
        const nj = j + types[type]!.target;
        if (ni > n || nj < lo[ni]! || nj > hi[ni]!) continue;
        const after = ni === i ? row[nj - lo[ni]!]! : rows[ni & 3]![nj - lo[ni]!]!;
        if (after === -Infinity) continue;
        terms[termCount++] = after - cost(ni, nj, type);
      }
      row[j - lo[i]!] = logSumExp(terms, termCount);
    }
    for (; nextStep >= 0 && steps[nextStep]!.i === i; nextStep -= 1) {
      const step = steps[nextStep]!;
      const type = types[step.type]!;
      const start = rowStart[i - type.source]! + step.j - type.target - lo[i - type.source]!;
      const logPosterior = forward[start]! - cost(step.i, step.j, step.type) + row[step.j - lo[i]!]! - total;
      posteriors[nextStep] = Math.min(1, Math.exp(logPosterior));
    }
  }
  return posteriors;
}
