import type { AnchorIndex, SegmentAnchors } from "./anchors.ts";
import type { Band } from "./dp.ts";

/** Keys joining more segment pairs than this are too common to place a segment. */
const MAX_PAIRS_PER_KEY = 64;

/**
 * The heaviest chain of anchor pairs increasing in both texts: every
 * (source, target) pair of segments sharing a rare key is a candidate,
 * weighted by the key's weight shared among its pairs, and pairs that
 * contradict the order of the rest drop out as coincidences. Fenwick tree
 * over target positions for the prefix maxima: O(k log m) for k pairs.
 */
export function anchorChain(anchors: AnchorIndex): Array<[number, number]> {
  const { source, target, matchWeight, sourceFrequency, targetFrequency } = anchors;
  const keyCount = matchWeight.length;
  const sourcesOf: number[][] = Array.from({ length: keyCount }, () => []);
  const targetsOf: number[][] = Array.from({ length: keyCount }, () => []);
  const rare = (key: number) => sourceFrequency[key]! * targetFrequency[key]! <= MAX_PAIRS_PER_KEY;
  const collect = (side: SegmentAnchors, lists: number[][]) => {
    for (let segment = 0; segment + 1 < side.offsets.length; segment += 1) {
      for (let k = side.offsets[segment]!; k < side.offsets[segment + 1]!; k += 1) if (rare(side.keys[k]!)) lists[side.keys[k]!]!.push(segment);
    }
  };
  collect(source, sourcesOf);
  collect(target, targetsOf);

  const pairSource: number[] = [];
  const pairTarget: number[] = [];
  const pairWeight: number[] = [];
  for (let key = 0; key < keyCount; key += 1) {
    const sources = sourcesOf[key]!;
    const targets = targetsOf[key]!;
    const weight = matchWeight[key]! / Math.max(sources.length, targets.length);
    for (const s of sources) {
      for (const t of targets) {
        pairSource.push(s);
        pairTarget.push(t);
        pairWeight.push(weight);
      }
    }
  }
  // Pairs of one source segment come by decreasing target, so that no two of them chain.
  const order = pairSource.map((_, k) => k).sort((a, b) => pairSource[a]! - pairSource[b]! || pairTarget[b]! - pairTarget[a]!);
  const width = target.offsets.length;
  const treeValue = new Float64Array(width + 1);
  const treePair = new Int32Array(width + 1).fill(-1);
  const chainWeight = new Float64Array(pairSource.length);
  const previous = new Int32Array(pairSource.length).fill(-1);
  let bestPair = -1;
  for (const k of order) {
    // Heaviest chain ending at a target position below this pair's.
    let best = 0;
    let bestPrevious = -1;
    for (let position = pairTarget[k]!; position > 0; position -= position & -position) {
      if (treeValue[position]! > best) {
        best = treeValue[position]!;
        bestPrevious = treePair[position]!;
      }
    }
    chainWeight[k] = best + pairWeight[k]!;
    previous[k] = bestPrevious;
    if (bestPair < 0 || chainWeight[k]! > chainWeight[bestPair]!) bestPair = k;
    for (let position = pairTarget[k]! + 1; position <= width; position += position & -position) {
      if (chainWeight[k]! > treeValue[position]!) {
        treeValue[position] = chainWeight[k]!;
        treePair[position] = k;
      }
    }
  }
  const chain: Array<[number, number]> = [];
  for (let k = bestPair; k >= 0; k = previous[k]!) chain.push([pairSource[k]!, pairTarget[k]!]);
  return chain.reverse();
}

/** A path as a guide: for each row, the first target position the path reaches in it. */
export function pathColumns(steps: Array<{ i: number; j: number }>, n: number): Float64Array {
  const columns = new Float64Array(n + 1);
  let row = 0;
  let current = 0;
  for (const step of steps) {
    if (step.i > row) {
      // Rows that a bead of several source segments passes over stay at its start.
      for (let skipped = row + 1; skipped < step.i; skipped += 1) columns[skipped] = current;
      columns[step.i] = step.j;
      row = step.i;
    }
    current = step.j;
  }
  return columns;
}

/**
 * For each row i (i source segments consumed), the fractional target
 * position where the alignment is expected: the texts are laid out by
 * cumulative length, and the anchor chain bends the line through each pair's
 * middle.
 */
export function guideColumns(sourcePrefix: Float64Array, targetPrefix: Float64Array, chain: Array<[number, number]>): Float64Array {
  const n = sourcePrefix.length - 1;
  const m = targetPrefix.length - 1;
  const totalSource = sourcePrefix[n]!;
  const totalTarget = targetPrefix[m]!;
  const knotsX = [0];
  const knotsY = [0];
  for (const [s, t] of chain) {
    const x = (sourcePrefix[s]! + sourcePrefix[s + 1]!) / 2;
    const y = (targetPrefix[t]! + targetPrefix[t + 1]!) / 2;
    if (x > knotsX.at(-1)! && y > knotsY.at(-1)! && x < totalSource && y < totalTarget) {
      knotsX.push(x);
      knotsY.push(y);
    }
  }
  knotsX.push(totalSource);
  knotsY.push(totalTarget);

  const columns = new Float64Array(n + 1);
  let knot = 0;
  let column = 0;
  for (let i = 0; i <= n; i += 1) {
    const x = sourcePrefix[i]!;
    while (knot < knotsX.length - 2 && x > knotsX[knot + 1]!) knot += 1;
    const x0 = knotsX[knot]!;
    const x1 = knotsX[knot + 1]!;
    const y = x1 > x0 ? knotsY[knot]! + ((knotsY[knot + 1]! - knotsY[knot]!) * (x - x0)) / (x1 - x0) : knotsY[knot + 1]!;
    while (column < m && targetPrefix[column + 1]! <= y) column += 1;
    const length = column < m ? targetPrefix[column + 1]! - targetPrefix[column]! : 1;
    columns[i] = column < m ? column + (y - targetPrefix[column]!) / length : m;
  }
  return columns;
}

/** The band of half-width `halfWidth` segments around the guide, widened to join steep stretches and made monotone. */
export function bandAroundGuide(columns: Float64Array, m: number, halfWidth: number): Band {
  const n = columns.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i += 1) {
    const before = columns[Math.max(0, i - 1)]!;
    const after = columns[Math.min(n, i + 1)]!;
    lo[i] = Math.max(0, Math.floor(Math.min(before, columns[i]!, after)) - halfWidth);
    hi[i] = Math.min(m, Math.ceil(Math.max(before, columns[i]!, after)) + halfWidth);
  }
  lo[0] = 0;
  hi[n] = m;
  for (let i = n - 1; i >= 0; i -= 1) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  for (let i = 1; i <= n; i += 1) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  return { lo, hi };
}
