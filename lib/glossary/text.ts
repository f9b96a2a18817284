/** Text normalisation shared by the glossary's validation and its matcher. */

const STRESS_MARKS = /[\u0300\u0301]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Removes the acute (and grave) stress marks written over Russian vowels for learners. */
export function stripStressMarks(text: string): string {
  return text.normalize("NFD").replace(STRESS_MARKS, "").normalize("NFC");
}

/** English comparison form: lower case, without diacritics (ō = o, â = a). */
export function foldEnglish(word: string): string {
  return word.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
}

/** Russian comparison form: lower case, no stress marks, ё = е (й keeps its breve). */
export function foldRussian(word: string): string {
  return stripStressMarks(word).toLowerCase().replace(/ё/g, "е");
}

export interface Token {
  start: number;
  end: number;
  text: string;
}

// Apostrophes and hyphens split words: "Japan's" holds the word "Japan", "Hokkaido-Sakhalin" two words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text with their UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

// Whitespace, dashes, quotation marks and apostrophes of every style.
const IGNORED_BETWEEN_WORDS = /[\s\p{Pd}"'«»„“”‘’‚‹›`´]/gu;

/**
 * What must stand between two words of a multi-word form for it to match:
 * spacing, dashes and quotes do not count ("two+two" = “two +two”,
 * Hokkaido-Sakhalin = Хоккайдо — Сахалин); other punctuation does (U.S., Putin:).
 */
export function separatorKey(separator: string): string {
  return separator.replace(IGNORED_BETWEEN_WORDS, "");
}
