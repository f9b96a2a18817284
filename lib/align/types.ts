import type { Language } from "@/lib/text/language";

/**
 * One correspondence between the two editions: the 0-based indices of the
 * source and target segments it groups (either side may be empty), and the
 * aligner's confidence in it, from 0 (check this first) to 1.
 */
export interface Bead {
  source: number[];
  target: number[];
  score: number;
}

/** What a segment is: the bead types and the length statistics differ. */
export type AlignmentUnit = "paragraph" | "sentence";

/**
 * A glossary entry: surface forms of one term in the source language and in
 * the target language. Russian forms are matched by stem, so any one case
 * form will do.
 */
export interface LexiconEntry {
  source: string[];
  target: string[];
}

/**
 * The Gale–Church length model: a target length is normal around
 * ratio × source length, with variance `variance`·L + `squaredVariance`·L²
 * for a bead of mean length L (characters).
 */
export interface LengthModel {
  ratio: number;
  /** Gale and Church's s²: variance per character, from sampling. */
  variance: number;
  /** Variance per squared character: translators lengthen or shorten a whole paragraph by some percent. */
  squaredVariance: number;
}

export interface AlignOptions {
  sourceLanguage: Language;
  targetLanguage: Language;
  lexicon?: LexiconEntry[];
}
