import { splitSentences, type TextSpan } from "@/lib/text/sentences";
import { indexAnchors } from "./anchors.ts";
import { anchorChain, bandAroundGuide, guideColumns, pathColumns } from "./band.ts";
import { beadFit } from "./confidence.ts";
import { alignInBand, bandCellCount, type BandResult, type PathStep, type RunCosts } from "./dp.ts";
import { BeadCoster, beadPriors, beadTypes, GALE_CHURCH_VARIANCE, lengthDeviation, segmentLength, type BeadModel } from "./model.ts";
import type { AlignmentUnit, AlignOptions, Bead, LengthModel } from "./types.ts";

/** Half-width of the first band, in segments; it doubles while the path runs along its edge. */
const INITIAL_HALF_WIDTH = 16;
const WIDENING_FACTOR = 2;
/** Cells the band may hold (27 bytes each with posteriors): about 320 MB at most. */
const MAX_BAND_CELLS = 12_000_000;
/** Probability that an unmatched segment is followed by another on the same side: lost pages come in runs. */
const RUN_CONTINUATION = 0.8;
/** Cost (nats) of a run on one side right after a run on the other. */
const RUN_SWITCH_PENALTY = 6;
/** 1:1 beads needed before the texts' own length ratio and variance replace the defaults. */
const MIN_BEADS_FOR_ESTIMATE = 8;
/** Keeps a text of near-identical lengths from making every small difference decisive. */
const MIN_VARIANCE = 0.5;

export interface SegmentAlignmentOptions extends AlignOptions {
  unit: AlignmentUnit;
  /** A length model known from a larger context (the paragraphs around these sentences); estimated from the texts otherwise. */
  lengthModel?: LengthModel;
}

export interface SegmentAlignment {
  beads: Bead[];
  lengthModel: LengthModel;
}

function prefixSums(lengths: number[], extra: number): Float64Array {
  const prefix = new Float64Array(lengths.length + 1);
  lengths.forEach((length, index) => (prefix[index + 1] = prefix[index]! + length + extra));
  return prefix;
}

/** The median of a χ²(1) variable: turns a median squared deviation into a variance. */
const CHI_SQUARE_MEDIAN = 0.455;

/**
 * The texts' own length model from the 1:1 beads of a first alignment: the
 * ratio of their total lengths; the variance from median squared deviations
 * (robust to the odd wrong bead) of the shorter and the longer half of the
 * beads, which separates the per-character and the per-squared-character
 * terms.
 */
function estimateLengthModel(model: BeadModel, steps: PathStep[], fallback: LengthModel): LengthModel {
  const pairs: Array<[number, number]> = [];
  for (const step of steps) {
    const type = model.types[step.type]!;
    if (type.source !== 1 || type.target !== 1) continue;
    const source = model.sourcePrefix[step.i]! - model.sourcePrefix[step.i - 1]!;
    const target = model.targetPrefix[step.j]! - model.targetPrefix[step.j - 1]!;
    if (source > 0 && target > 0 && Math.abs(lengthDeviation(source, target, fallback)) < 3) pairs.push([source, target]);
  }
  if (pairs.length < 2 * MIN_BEADS_FOR_ESTIMATE) return fallback;
  const ratio = pairs.reduce((sum, [, target]) => sum + target, 0) / pairs.reduce((sum, [source]) => sum + source, 0);
  const beads = pairs
    .map(([source, target]) => {
      const mean = (source + target / ratio) / 2;
      return { mean, squaredDeviation: (target - ratio * source) ** 2 / mean };
    })
    .sort((a, b) => a.mean - b.mean);
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  const halves = [beads.slice(0, beads.length >> 1), beads.slice(beads.length >> 1)].map((half) => ({
    mean: median(half.map((bead) => bead.mean)),
    variance: median(half.map((bead) => bead.squaredDeviation)) / CHI_SQUARE_MEDIAN,
  }));
  const [short, long] = halves as [{ mean: number; variance: number }, { mean: number; variance: number }];
  const squaredVariance = long.mean > short.mean ? Math.max(0, (long.variance - short.variance) / (long.mean - short.mean)) : 0;
  const variance = Math.max(MIN_VARIANCE, short.variance - squaredVariance * short.mean);
  return { ratio, variance, squaredVariance };
}

function runCosts(model: BeadModel): RunCosts {
  const stateOf = Int8Array.from(model.types, (type) => (type.target === 0 ? 1 : type.source === 0 ? 2 : 0));
  const discount = Float64Array.from(model.types, (_, index) =>
    stateOf[index] === 0 ? 0 : Math.max(0, model.priorCosts[index]! + Math.log(RUN_CONTINUATION)),
  );
  return { stateOf, discount, switchPenalty: RUN_SWITCH_PENALTY };
}

/**
 * Runs the dynamic program in a band around the guide. While the best path
 * runs along the band's edge (a long stretch missing on one side, a guide
 * without anchors), the band is re-centred on that path and doubled, so it
 * walks towards the better path at growing strides.
 */
function alignInAdaptiveBand(guide: Float64Array, m: number, model: BeadModel, withPosteriors: boolean, startHalfWidth: number) {
  const coster = new BeadCoster(model);
  const cost = (i: number, j: number, type: number) => coster.cost(i, j, type);
  const runs = runCosts(model);
  const widest = Math.max(guide.length, m + 1);
  let columns = guide;
  let halfWidth = startHalfWidth;
  for (;;) {
    const band = bandAroundGuide(columns, m, halfWidth);
    const result: BandResult = alignInBand(band, model.types, cost, runs, withPosteriors);
    if (!result.touchesEdge || halfWidth >= widest) return { result, columns, halfWidth, coster };
    const nextColumns = pathColumns(result.steps, guide.length - 1);
    if (bandCellCount(bandAroundGuide(nextColumns, m, halfWidth * WIDENING_FACTOR)) > MAX_BAND_CELLS) return { result, columns, halfWidth, coster };
    columns = nextColumns;
    halfWidth *= WIDENING_FACTOR;
  }
}

/**
 * Aligns two sequences of segments (paragraphs or sentences): every segment
 * of both sides lands in exactly one bead, in order.
 */
export function alignSegments(source: string[], target: string[], options: SegmentAlignmentOptions): SegmentAlignment {
  const sourceLengths = source.map(segmentLength);
  const targetLengths = target.map(segmentLength);
  const sourcePrefix = prefixSums(sourceLengths, 0);
  const targetPrefix = prefixSums(targetLengths, 0);
  const n = source.length;
  const m = target.length;
  const ratio = (targetPrefix[m]! + 1) / (sourcePrefix[n]! + 1);
  const defaultModel: LengthModel = options.lengthModel ?? { ratio, variance: GALE_CHURCH_VARIANCE * ratio, squaredVariance: 0 };
  if (n === 0 && m === 0) return { beads: [], lengthModel: defaultModel };

  const anchors = indexAnchors(source, target, options.sourceLanguage, options.targetLanguage, options.lexicon);
  // Lay the texts out by length (plus one, so empty segments still take room) and bend the guide through the anchors.
  const columns = guideColumns(prefixSums(sourceLengths, 1), prefixSums(targetLengths, 1), anchorChain(anchors));
  const types = beadTypes(options.unit);
  const priorCosts = beadPriors(options.unit).map((prior) => -Math.log(prior));
  const meanTargetLength = Math.max(1, targetPrefix[m]! / Math.max(1, m));
  const firstModel: BeadModel = { types, priorCosts, length: defaultModel, meanTargetLength, sourcePrefix, targetPrefix, anchors };

  const first = alignInAdaptiveBand(columns, m, firstModel, false, INITIAL_HALF_WIDTH);
  const lengthModel = options.lengthModel ?? estimateLengthModel(firstModel, first.result.steps, defaultModel);
  const finalModel: BeadModel = { ...firstModel, length: lengthModel };
  const final = alignInAdaptiveBand(first.columns, m, finalModel, true, first.halfWidth);

  const { steps, posteriors } = final.result;
  const beads = steps.map((step, index): Bead => {
    const type = types[step.type]!;
    const s0 = step.i - type.source;
    const t0 = step.j - type.target;
    const evidence = final.coster.evidence(s0, step.i, t0, step.j);
    const fit = beadFit(type, sourcePrefix[step.i]! - sourcePrefix[s0]!, targetPrefix[step.j]! - targetPrefix[t0]!, evidence, lengthModel);
    const posterior = posteriors?.[index] ?? 0;
    return {
      source: range(s0, step.i),
      target: range(t0, step.j),
      score: Math.round(posterior * fit * 1000) / 1000,
    };
  });
  return { beads, lengthModel };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}

/** Aligns the paragraphs of two editions. */
export function alignParagraphs(source: string[], target: string[], options: AlignOptions): Bead[] {
  return alignSegments(source, target, { ...options, unit: "paragraph" }).beads;
}

export interface SentenceAlignment {
  /** Sentences of the source and target texts, as offsets into them. */
  sourceSentences: TextSpan[];
  targetSentences: TextSpan[];
  /** Beads over sentence indices. */
  beads: Bead[];
}

/** Splits one aligned unit (a paragraph and its translation) into sentences and aligns them. */
export function alignSentences(
  sourceText: string,
  targetText: string,
  options: AlignOptions & { lengthModel?: LengthModel },
): SentenceAlignment {
  const sourceSentences = splitSentences(sourceText, options.sourceLanguage);
  const targetSentences = splitSentences(targetText, options.targetLanguage);
  const { beads } = alignSegments(
    sourceSentences.map((span) => sourceText.slice(span.start, span.end)),
    targetSentences.map((span) => targetText.slice(span.start, span.end)),
    { ...options, unit: "sentence" },
  );
  return { sourceSentences, targetSentences, beads };
}

export interface DocumentSentence extends TextSpan {
  /** The paragraph the sentence belongs to; start and end are offsets into it. */
  paragraph: number;
}

export interface DocumentSentenceAlignment {
  sourceSentences: DocumentSentence[];
  targetSentences: DocumentSentence[];
  /** Beads over sentence indices counted through the whole text. */
  beads: Bead[];
}

/**
 * Aligns the sentences of two editions: paragraphs first, then the sentences
 * inside each paragraph bead, with the paragraphs' length model. A sentence
 * bead's score is its own times its paragraph bead's.
 */
export function alignDocumentSentences(source: string[], target: string[], options: AlignOptions): DocumentSentenceAlignment {
  const paragraphs = alignSegments(source, target, { ...options, unit: "paragraph" });
  const split = (paragraphTexts: string[], language: AlignOptions["sourceLanguage"]) =>
    paragraphTexts.map((text, paragraph) => splitSentences(text, language).map((span) => ({ ...span, paragraph })));
  const sourceByParagraph = split(source, options.sourceLanguage);
  const targetByParagraph = split(target, options.targetLanguage);
  const sourceSentences = sourceByParagraph.flat();
  const targetSentences = targetByParagraph.flat();
  const textOf = (texts: string[], sentence: DocumentSentence) => texts[sentence.paragraph]!.slice(sentence.start, sentence.end);

  const beads: Bead[] = [];
  let sourceOffset = 0;
  let targetOffset = 0;
  for (const paragraphBead of paragraphs.beads) {
    const sourceGroup = paragraphBead.source.flatMap((paragraph) => sourceByParagraph[paragraph]!);
    const targetGroup = paragraphBead.target.flatMap((paragraph) => targetByParagraph[paragraph]!);
    const { beads: sentenceBeads } = alignSegments(
      sourceGroup.map((sentence) => textOf(source, sentence)),
      targetGroup.map((sentence) => textOf(target, sentence)),
      { ...options, unit: "sentence", lengthModel: paragraphs.lengthModel },
    );
    for (const bead of sentenceBeads) {
      beads.push({
        source: bead.source.map((index) => index + sourceOffset),
        target: bead.target.map((index) => index + targetOffset),
        score: Math.round(bead.score * paragraphBead.score * 1000) / 1000,
      });
    }
    sourceOffset += sourceGroup.length;
    targetOffset += targetGroup.length;
  }
  return { sourceSentences, targetSentences, beads };
}
