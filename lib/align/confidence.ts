import { lengthDeviation } from "./model.ts";
import type { BeadType } from "./model.ts";
import type { LengthModel } from "./types.ts";

/** An unmatched segment is worth an editor's look even when nothing else fits. */
const UNMATCHED_FIT = 0.3;
/** Prior odds that a bead of a type is right before its lengths and anchors are seen. */
const ONE_TO_ONE_ODDS = 9;
const TWO_SEGMENT_ODDS = 2;
const LARGER_ODDS = 1;
/** Wrong beads' length deviations spread this many times wider than right ones'. */
const WRONG_LENGTH_SPREAD = 4;
const MAX_ANCHOR_EVIDENCE = 6;

/**
 * How well a bead fits on its own, in [0, 1]: the probability that it is
 * right given its type, its length deviation and its anchors, against a
 * bead of unrelated segments.
 */
export function beadFit(type: BeadType, sourceLength: number, targetLength: number, anchorEvidence: number, length: LengthModel): number {
  if (type.source === 0 || type.target === 0) return UNMATCHED_FIT;
  const segments = type.source + type.target;
  const priorOdds = segments === 2 ? ONE_TO_ONE_ODDS : segments === 3 ? TWO_SEGMENT_ODDS : LARGER_ODDS;
  const z = lengthDeviation(sourceLength, targetLength, length);
  const wide = z / WRONG_LENGTH_SPREAD;
  const logLengthRatio = -(z * z) / 2 + (wide * wide) / 2 + Math.log(WRONG_LENGTH_SPREAD);
  const evidence = Math.max(-MAX_ANCHOR_EVIDENCE, Math.min(MAX_ANCHOR_EVIDENCE, anchorEvidence));
  const logOdds = Math.log(priorOdds) + logLengthRatio + evidence;
  return 1 / (1 + Math.exp(-logOdds));
}
