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

/** Cost (nats) of the bead of a type ending at cell (i, j), its type's prior included. */
export type CostFunction = (i: number, j: number, type: number) => number;

/**
 * Runs of unmatched segments: a lost page is one event, not twenty. A 1:0
 * bead right after a 1:0 bead (and a 0:1 after a 0:1) costs `discount` less
 * than one that opens a run. The dynamic program keeps three states per
 * cell: after a matched bead, inside a run of 1:0, inside a run of 0:1.
 */
export interface RunCosts {
  /** The state each bead type leads into: 0 matched, 1 source run (1:0), 2 target run (0:1). */
  stateOf: Int8Array;
  /** Saved on a bead of the type that continues its run. */
  discount: Float64Array;
  /**
   * Added when a run on one side follows a run on the other: text missing
   * from both editions side by side is rarer than a stretch whose
   * translation strays, and cheap runs would otherwise pair it off so.
   */
  switchPenalty: number;
}

function stepCostOf(beadCost: number, type: number, previous: number, next: number, runs: RunCosts): number {
  if (next === 0) return beadCost;
  if (previous === next) return beadCost - runs.discount[type]!;
  return previous === 0 ? beadCost : beadCost + runs.switchPenalty;
}

const STATES = 3;

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
 * band, costs read as −log probabilities). Memory per cell: 3 bytes of back
 * pointers, and 24 bytes of forward sums with posteriors; Viterbi costs and
 * backward sums keep only the four rows a bead can span.
 */
export function alignInBand(band: Band, types: BeadType[], cost: CostFunction, runs: RunCosts, withPosteriors: boolean): BandResult {
  const { lo, hi } = band;
  const n = lo.length - 1;
  const m = hi[n]!;
  const rowStart = new Int32Array(n + 2);
  let width = 0;
  for (let i = 0; i <= n; i += 1) {
    rowStart[i + 1] = rowStart[i]! + hi[i]! - lo[i]! + 1;
    width = Math.max(width, hi[i]! - lo[i]! + 1);
  }
  const cells = rowStart[n + 1]!;
  // Cell c, state s at index c * 3 + s; rows of the Viterbi table in a ring of four.
  const back = new Uint8Array(cells * STATES);
  const bestRows = Array.from({ length: 4 }, () => new Float64Array(width * STATES));
  const forward = withPosteriors ? new Float64Array(cells * STATES).fill(-Infinity) : null;
  const forwardTerms = Array.from({ length: STATES }, () => new Float64Array(types.length * STATES));
  const termCounts = new Int32Array(STATES);
  const best = new Float64Array(STATES);

  for (let i = 0; i <= n; i += 1) {
    const row = bestRows[i & 3]!;
    for (let j = lo[i]!; j <= hi[i]!; j += 1) {
      const local = (j - lo[i]!) * STATES;
      const cell = (rowStart[i]! + j - lo[i]!) * STATES;
      if (i === 0 && j === 0) {
        row[0] = 0;
        row[1] = Infinity;
        row[2] = Infinity;
        if (forward) forward[0] = 0;
        continue;
      }
      best.fill(Infinity);
      termCounts.fill(0);
      for (let type = 0; type < types.length; type += 1) {
        const pi = i - types[type]!.source;
        const pj = j - types[type]!.target;
        if (pi < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const previousRow = bestRows[pi & 3]!;
        const previousLocal = (pj - lo[pi]!) * STATES;
        const previousCell = (rowStart[pi]! + pj - lo[pi]!) * STATES;
        const next = runs.stateOf[type]!;
        let beadCost = NaN;
        for (let state = 0; state < STATES; state += 1) {
          const previous = previousRow[previousLocal + state]!;
          if (previous === Infinity) continue;
          if (Number.isNaN(beadCost)) beadCost = cost(i, j, type);
          const stepCost = stepCostOf(beadCost, type, state, next, runs);
          if (previous + stepCost < best[next]!) {
            best[next] = previous + stepCost;
            back[cell + next] = (state << 4) | type;
          }
          if (forward) forwardTerms[next]![termCounts[next]!++] = forward[previousCell + state]! - stepCost;
        }
      }
      for (let state = 0; state < STATES; state += 1) {
        row[local + state] = best[state]!;
        if (forward) forward[cell + state] = logSumExp(forwardTerms[state]!, termCounts[state]!);
      }
    }
  }

  // Trace back from the best final state.
  const finalRow = bestRows[n & 3]!;
  const finalLocal = (m - lo[n]!) * STATES;
  let state = 0;
  for (let candidate = 1; candidate < STATES; candidate += 1) if (finalRow[finalLocal + candidate]! < finalRow[finalLocal + state]!) state = candidate;
  const steps: PathStep[] = [];
  const stepStates: number[] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0; ) {
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
    const pointer = back[(rowStart[i]! + j - lo[i]!) * STATES + state]!;
    const type = pointer & 15;
    steps.push({ i, j, type });
    stepStates.push(state);
    state = pointer >> 4;
    i -= types[type]!.source;
    j -= types[type]!.target;
  }
  steps.reverse();
  stepStates.reverse();

  const posteriors = forward ? stepPosteriors(band, rowStart, width, types, cost, runs, forward, steps, stepStates) : null;
  return { steps, touchesEdge, posteriors };
}

/** Backward pass over the band, reading off the posterior of each path step as its end row completes. */
function stepPosteriors(
  band: Band,
  rowStart: Int32Array,
  width: number,
  types: BeadType[],
  cost: CostFunction,
  runs: RunCosts,
  forward: Float64Array,
  steps: PathStep[],
  stepStates: number[],
): Float64Array {
  const { lo, hi } = band;
  const n = lo.length - 1;
  const m = hi[n]!;
  const endCell = (rowStart[n]! + m - lo[n]!) * STATES;
  const total = logSumExp(forward.subarray(endCell, endCell + STATES), STATES);
  // Beads reach at most three rows ahead: four rows of the backward table suffice.
  const rows = Array.from({ length: 4 }, () => new Float64Array(width * STATES));
  const terms = Array.from({ length: STATES }, () => new Float64Array(types.length));
  const termCounts = new Int32Array(STATES);
  const posteriors = new Float64Array(steps.length);
  let nextStep = steps.length - 1;

  for (let i = n; i >= 0; i -= 1) {
    const row = rows[i & 3]!;
    for (let j = hi[i]!; j >= lo[i]!; j -= 1) {
      const local = (j - lo[i]!) * STATES;
      if (i === n && j === m) {
        row.fill(0, local, local + STATES);
        continue;
      }
      termCounts.fill(0);
      for (let type = 0; type < types.length; type += 1) {
        const ni = i + types[type]!.source;
        const nj = j + types[type]!.target;
        if (ni > n || nj < lo[ni]! || nj > hi[ni]!) continue;
        const next = runs.stateOf[type]!;
        const after = rows[ni & 3]![(nj - lo[ni]!) * STATES + next]!;
        if (after === -Infinity) continue;
        const beadCost = cost(ni, nj, type);
        for (let state = 0; state < STATES; state += 1) {
          const stepCost = stepCostOf(beadCost, type, state, next, runs);
          terms[state]![termCounts[state]!++] = after - stepCost;
        }
      }
      for (let state = 0; state < STATES; state += 1) row[local + state] = logSumExp(terms[state]!, termCounts[state]!);
    }
    for (; nextStep >= 0 && steps[nextStep]!.i === i; nextStep -= 1) {
      const step = steps[nextStep]!;
      const type = types[step.type]!;
      const next = stepStates[nextStep]!;
      const previous = nextStep > 0 ? stepStates[nextStep - 1]! : 0;
      const pi = i - type.source;
      const pj = step.j - type.target;
      const beadCost = cost(step.i, step.j, step.type);
      const stepCost = stepCostOf(beadCost, step.type, previous, next, runs);
      const start = (rowStart[pi]! + pj - lo[pi]!) * STATES + previous;
      const logPosterior = forward[start]! - stepCost + row[(step.j - lo[i]!) * STATES + next]! - total;
      posteriors[nextStep] = Math.min(1, Math.exp(logPosterior));
    }
  }
  return posteriors;
}
