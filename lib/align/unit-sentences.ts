import { splitSentences } from "@/lib/text/sentences";
import { alignSegments } from "./align.ts";
import type { AlignOptions, LengthModel } from "./types.ts";

/** A sentence of one of a unit's paragraphs, with the bead it belongs to. */
export interface UnitSentence {
  /** Index of the paragraph among the unit's paragraphs of that edition. */
  paragraph: number;
  start: number;
  end: number;
  /** Sentences of the two editions with the same bead correspond. */
  bead: number;
}

/**
 * The length model of two whole editions, estimated from their paragraphs;
 * the sentences of each unit are aligned with it, since a single unit holds
 * too few sentences to estimate one.
 */
export function editionLengthModel(source: string[], target: string[], options: AlignOptions): LengthModel {
  return alignSegments(source, target, { ...options, unit: "paragraph" }).lengthModel;
}

/**
 * Splits the paragraphs of one alignment unit into sentences and aligns them
 * across the two editions. A side without paragraphs leaves each sentence of
 * the other side in a bead of its own.
 */
export function alignUnitSentences(
  sourceParagraphs: string[],
  targetParagraphs: string[],
  options: AlignOptions & { lengthModel: LengthModel },
): { source: UnitSentence[]; target: UnitSentence[] } {
  const split = (paragraphs: string[], language: AlignOptions["sourceLanguage"]) =>
    paragraphs.flatMap((text, paragraph) => splitSentences(text, language).map((span) => ({ paragraph, ...span, bead: 0, text: text.slice(span.start, span.end) })));
  const source = split(sourceParagraphs, options.sourceLanguage);
  const target = split(targetParagraphs, options.targetLanguage);

  const { beads } = alignSegments(
    source.map((sentence) => sentence.text),
    target.map((sentence) => sentence.text),
    { ...options, unit: "sentence" },
  );
  beads.forEach((bead, index) => {
    for (const i of bead.source) source[i]!.bead = index;
    for (const j of bead.target) target[j]!.bead = index;
  });
  const withoutText = ({ text: _text, ...sentence }: UnitSentence & { text: string }): UnitSentence => sentence;
  return { source: source.map(withoutText), target: target.map(withoutText) };
}
