import type { AnchorIndex } from "./anchors.ts";
import type { AlignmentUnit, LengthModel } from "./types.ts";

/** A bead type: how many source and target segments a bead of it groups. */
export interface BeadType {
  source: number;
  target: number;
}

/** Bead types with their prior probabilities, per unit. 1:3 and 3:1 cover a paragraph split in two places. */
const BEAD_PRIORS: Record<AlignmentUnit, Array<[number, number, number]>> = {
  paragraph: [
    [1, 1, 0.86],
    [1, 0, 0.02],
    [0, 1, 0.02],
    [2, 1, 0.04],
    [1, 2, 0.04],
    [2, 2, 0.002],
    [3, 1, 0.008],
    [1, 3, 0.008],
  ],
  sentence: [
    [1, 1, 0.84],
    [1, 0, 0.01],
    [0, 1, 0.01],
    [2, 1, 0.05],
    [1, 2, 0.05],
    [2, 2, 0.01],
    [3, 1, 0.01],
    [1, 3, 0.01],
  ],
};

export function beadTypes(unit: AlignmentUnit): BeadType[] {
  return BEAD_PRIORS[unit].map(([source, target]) => ({ source, target }));
}

export function beadPriors(unit: AlignmentUnit): Float64Array {
  const priors = BEAD_PRIORS[unit].map(([, , prior]) => prior);
  const total = priors.reduce((sum, prior) => sum + prior, 0);
  return Float64Array.from(priors, (prior) => prior / total);
}

/** Gale and Church's variance of target characters per source character, before the texts tell better. */
export const GALE_CHURCH_VARIANCE = 6.8;

/**
 * Translations stray from the normal length model now and then (a sentence
 * dropped, a note added): a wide component keeps one stray bead from
 * forcing a cascade of bad merges.
 */
const OUTLIER_SHARE = 0.05;
const OUTLIER_WIDTH = 5;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** A segment's length in characters, whitespace excluded, so layout does not count. */
export function segmentLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Skip whitespace and the low halves of surrogate pairs.
    if (code > 32 && code !== 0xa0 && !(code >= 0xdc00 && code <= 0xdfff)) length += 1;
  }
  return length;
}

/**
 * −log density of a target length `target` given a source length `source`
 * under Gale and Church's model, with a wide component for strays.
 */
export function lengthCost(source: number, target: number, model: LengthModel): number {
  const mean = Math.max(1, (source + target / model.ratio) / 2);
  const sigma = Math.sqrt(model.variance * mean + model.squaredVariance * mean * mean);
  const z = (target - model.ratio * source) / sigma;
  const core = (1 - OUTLIER_SHARE) * Math.exp((-z * z) / 2);
  const wide = (OUTLIER_SHARE / OUTLIER_WIDTH) * Math.exp((-z * z) / (2 * OUTLIER_WIDTH * OUTLIER_WIDTH));
  const mixture = core + wide;
  // Beyond ~38 standard deviations both terms underflow; the wide one's logarithm is exact there.
  const logMixture = mixture > 0 ? Math.log(mixture) : Math.log(OUTLIER_SHARE / OUTLIER_WIDTH) - (z * z) / (2 * OUTLIER_WIDTH * OUTLIER_WIDTH);
  return Math.log(sigma) + LOG_SQRT_2PI - logMixture;
}

/** The standardized length deviation of a bead: how many standard deviations its target is off. */
export function lengthDeviation(source: number, target: number, model: LengthModel): number {
  const mean = Math.max(1, (source + target / model.ratio) / 2);
  return (target - model.ratio * source) / Math.sqrt(model.variance * mean + model.squaredVariance * mean * mean);
}

/** Everything a bead's cost depends on, fixed for one run of the dynamic program. */
export interface BeadModel {
  types: BeadType[];
  /** −log prior of each bead type. */
  priorCosts: Float64Array;
  length: LengthModel;
  /** Mean target segment length: an unmatched target segment is generated from this exponential. */
  meanTargetLength: number;
  /** Prefix sums of segment lengths: segment s spans prefix[s]..prefix[s + 1]. */
  sourcePrefix: Float64Array;
  targetPrefix: Float64Array;
  anchors: AnchorIndex;
}

/**
 * Anchors are not independent (a name and its year travel together), so
 * their summed log-likelihood ratios overstate the evidence; this discount
 * was set on the benchmark's sets (lib/align/README.md).
 */
const EVIDENCE_WEIGHT = 0.7;
const QUOTE_WEIGHT = 0.4;
const BRACKET_WEIGHT = 0.3;
const MAX_STRUCTURE_DIFFERENCE = 3;

/**
 * Costs of beads in nats. The source text is taken as given: a bead's cost is
 * −log P(its type) − log P(its target lengths | its source lengths) minus the
 * log-likelihood ratio of its anchors. One instance serves a whole run.
 */
export class BeadCoster {
  private readonly sourceMark: Int32Array;
  private readonly targetMark: Int32Array;
  private stamp = 0;

  constructor(readonly model: BeadModel) {
    const keyCount = model.anchors.matchWeight.length;
    this.sourceMark = new Int32Array(keyCount);
    this.targetMark = new Int32Array(keyCount);
  }

  /** Cost of the bead of type `type` that ends after source segment i−1 and target segment j−1. */
  cost(i: number, j: number, type: number): number {
    const { types, priorCosts, sourcePrefix, targetPrefix } = this.model;
    const { source: a, target: b } = types[type]!;
    const sourceLength = sourcePrefix[i]! - sourcePrefix[i - a]!;
    const targetLength = targetPrefix[j]! - targetPrefix[j - b]!;
    let cost = priorCosts[type]!;
    if (b > 0) {
      if (a > 0) {
        cost += lengthCost(sourceLength, targetLength, this.model.length);
        // The split of the target length among b segments, uniform.
        if (b > 1) cost += (b - 1) * Math.log(targetLength + 1);
      } else {
        const mean = this.model.meanTargetLength;
        cost += Math.log(mean) + targetLength / mean;
      }
    }
    // A segment left unmatched is untranslated: its anchors are expected to be missing, so they say nothing.
    return a > 0 && b > 0 ? cost - EVIDENCE_WEIGHT * this.evidence(i - a, i, j - b, j) : cost;
  }

  /** Log-likelihood ratio of the anchors and the quote and bracket counts of source[s0..s1) with target[t0..t1). */
  evidence(s0: number, s1: number, t0: number, t1: number): number {
    const { source, target, matchWeight, sourceMissCost, targetMissCost } = this.model.anchors;
    const stamp = ++this.stamp;
    let llr = 0;
    let sourceQuotes = 0;
    let sourceBrackets = 0;
    for (let s = s0; s < s1; s += 1) {
      sourceQuotes += source.quotes[s]!;
      sourceBrackets += source.brackets[s]!;
      for (let k = source.offsets[s]!; k < source.offsets[s + 1]!; k += 1) {
        const key = source.keys[k]!;
        if (this.sourceMark[key] === stamp) continue;
        this.sourceMark[key] = stamp;
        llr -= sourceMissCost[key]!;
      }
    }
    let targetQuotes = 0;
    let targetBrackets = 0;
    for (let t = t0; t < t1; t += 1) {
      targetQuotes += target.quotes[t]!;
      targetBrackets += target.brackets[t]!;
      for (let k = target.offsets[t]!; k < target.offsets[t + 1]!; k += 1) {
        const key = target.keys[k]!;
        if (this.targetMark[key] === stamp) continue;
        this.targetMark[key] = stamp;
        // A matched key undoes the miss charged on the source side and earns its weight.
        llr += this.sourceMark[key] === stamp ? matchWeight[key]! + sourceMissCost[key]! : -targetMissCost[key]!;
      }
    }
    return llr + structureEvidence(sourceQuotes, targetQuotes, QUOTE_WEIGHT) + structureEvidence(sourceBrackets, targetBrackets, BRACKET_WEIGHT);
  }
}

function structureEvidence(source: number, target: number, weight: number): number {
  if (source === target) return weight * Math.min(source, MAX_STRUCTURE_DIFFERENCE);
  return -weight * Math.min(Math.abs(source - target), MAX_STRUCTURE_DIFFERENCE);
}
