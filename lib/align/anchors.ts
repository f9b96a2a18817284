import type { Language } from "@/lib/text/language";
import { TermMatcher } from "./lexicon.ts";
import { cyrillicNameKeys, latinNameKey } from "./names.ts";
import type { LexiconEntry } from "./types.ts";
import { words } from "./words.ts";

/**
 * Lexical anchors: things that survive translation between English and
 * Russian and so tie a segment to its counterpart. Each anchor is a key with a
 * one-letter kind prefix; a key counts when both texts have it, or when it is
 * of a kind that translation keeps (see survivesTranslation).
 */
export interface SegmentAnchors {
  /** Keys of segment s are `keys.subarray(offsets[s], offsets[s + 1])`, each once. */
  offsets: Int32Array;
  keys: Int32Array;
  /** Quoted spans and bracketed spans per segment: their number tends to survive translation. */
  quotes: Int32Array;
  brackets: Int32Array;
}

export interface AnchorIndex {
  source: SegmentAnchors;
  target: SegmentAnchors;
  /** Log-likelihood ratio (nats) of a key found on both sides of a bead: rare keys weigh more. */
  matchWeight: Float64Array;
  /**
   * Cost (nats) of a source key, and of a target key, left without its
   * partner in a bead. A key much more frequent on one side ("the" in the
   * English, rare as a Latin word in the Russian) is rarely kept from that
   * side and costs little there.
   */
  sourceMissCost: Float64Array;
  targetMissCost: Float64Array;
  /** In how many source segments, and target segments, each key occurs. */
  sourceFrequency: Int32Array;
  targetFrequency: Int32Array;
}

/** How often an anchor of each kind, present in a segment, reappears in its translation. */
const KEPT_IN_TRANSLATION: Record<string, number> = {
  "#": 0.75, // numbers and years
  u: 0.95, // URLs and e-mail addresses
  w: 0.8, // Latin-script words (as such in the Russian text)
  n: 0.65, // names, through transliteration
  t: 0.75, // glossary terms
};

/** A key this common says little about where a segment belongs. */
const MIN_MATCH_WEIGHT = 0.4;
/** Bounds the work per bead: a segment keeps its most telling keys. */
const MAX_KEYS_PER_SEGMENT = 24;

const URL = /\b(?:https?:\/\/|www\.)[^\s<>«»"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Grouped thousands (2,000 / 2 000) or a plain number with an optional decimal part (1.5 / 1,5). */
const NUMBER = /\d{1,3}(?:[,. \u00A0\u202F\u2009]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/gu;
/** Roman numerals of centuries and chapters (XIX, II): the Russian text writes centuries so. */
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}'’-]+$/u;
const HAS_LATIN = /\p{Script=Latin}/u;

type Candidate = string | string[];

/**
 * Keys that a translation keeps nearly always: numbers, URLs, and Latin words
 * inside Russian text. Found on one side only, such a key marks text that the
 * other edition lacks, so it counts even with no partner anywhere.
 */
function survivesTranslation(key: string, language: Language): boolean {
  return key[0] === "#" || key[0] === "u" || (key[0] === "w" && language === "ru");
}

/** A one-sided key this common is more likely a difference of notation than missing text. */
const MAX_ONE_SIDED_FREQUENCY = 2;

function romanValue(word: string): number | null {
  if (word.length < 2 || !ROMAN.test(word)) return null;
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let index = 0; index < word.length; index += 1) {
    const value = values[word[index]!]!;
    const next = values[word[index + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function countQuotes(text: string): number {
  let guillemets = 0;
  let low = 0;
  let high = 0;
  let straight = 0;
  for (const char of text) {
    if (char === "«") guillemets += 1;
    else if (char === "„") low += 1;
    else if (char === "“") high += 1;
    else if (char === '"') straight += 1;
  }
  // „…“ is one Russian quotation; “…” one English quotation.
  return guillemets + low + Math.max(0, high - low) + Math.floor(straight / 2);
}

function countBrackets(text: string): number {
  let count = 0;
  for (const char of text) if (char === "(" || char === "[") count += 1;
  return count;
}

/**
 * The anchor candidates of one segment; a candidate with several spellings
 * (a Russian name under each romanization) is an array of alternatives.
 */
function candidates(text: string, language: Language, terms: TermMatcher | null): Candidate[] {
  const found: Candidate[] = [];
  const withoutUrls = text.replace(URL, (url) => {
    found.push(`u${url.toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/u, "").replace(/[/.,;:)\]]+$/u, "")}`);
    return " ";
  });
  for (const number of withoutUrls.match(NUMBER) ?? []) found.push(`#${Number(number.replace(/\D/gu, "")).toString()}`);
  for (const word of words(withoutUrls)) {
    const roman = romanValue(word);
    if (roman !== null) {
      found.push(`#${roman}`);
      continue;
    }
    // In Russian text a Latin word is a name, a title or a term left untranslated.
    if ((language === "en" || HAS_LATIN.test(word)) && LATIN_WORD.test(word) && word.length > 1 && /\p{L}/u.test(word)) {
      found.push(`w${word.toLowerCase()}`);
    }
    if (language === "ru") {
      const keys = cyrillicNameKeys(word);
      if (keys.length > 0) found.push(keys.map((key) => `n${key}`));
    } else {
      const key = latinNameKey(word);
      if (key) found.push(`n${key}`);
    }
  }
  if (terms) for (const term of terms.termsIn(text)) found.push(`t${term}`);
  return found;
}

function vocabulary(segments: string[], language: Language, terms: TermMatcher | null): Set<string> {
  const keys = new Set<string>();
  for (const segment of segments) {
    for (const candidate of candidates(segment, language, terms)) {
      if (typeof candidate === "string") keys.add(candidate);
      else for (const alternative of candidate) keys.add(alternative);
    }
  }
  return keys;
}

/** Each segment's keys that the other text also has, as strings; a candidate takes its first spelling found there. */
function resolveKeys(segments: string[], language: Language, terms: TermMatcher | null, otherVocabulary: Set<string>): string[][] {
  return segments.map((segment) => {
    const keys = new Set<string>();
    for (const candidate of candidates(segment, language, terms)) {
      const key = typeof candidate === "string" ? candidate : candidate.find((alternative) => otherVocabulary.has(alternative));
      if (key !== undefined && (otherVocabulary.has(key) || survivesTranslation(key, language))) keys.add(key);
    }
    return [...keys];
  });
}

function termMatchers(lexicon: LexiconEntry[] | undefined, sourceLanguage: Language, targetLanguage: Language) {
  if (!lexicon || lexicon.length === 0) return { source: null, target: null };
  const source = new TermMatcher(lexicon.map((entry) => entry.source), sourceLanguage);
  const target = new TermMatcher(lexicon.map((entry) => entry.target), targetLanguage);
  return source.isEmpty || target.isEmpty ? { source: null, target: null } : { source, target };
}

export function indexAnchors(
  source: string[],
  target: string[],
  sourceLanguage: Language,
  targetLanguage: Language,
  lexicon?: LexiconEntry[],
): AnchorIndex {
  const terms = termMatchers(lexicon, sourceLanguage, targetLanguage);
  const sourceVocabulary = vocabulary(source, sourceLanguage, terms.source);
  const targetVocabulary = vocabulary(target, targetLanguage, terms.target);
  const sourceKeys = resolveKeys(source, sourceLanguage, terms.source, targetVocabulary);
  const targetKeys = resolveKeys(target, targetLanguage, terms.target, sourceVocabulary);

  // Document frequency of each key on each side.
  const ids = new Map<string, number>();
  const sourceFrequency: number[] = [];
  const targetFrequency: number[] = [];
  const count = (segments: string[][], frequency: number[]) =>
    segments.forEach((keys) => {
      for (const key of keys) {
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          sourceFrequency.push(0);
          targetFrequency.push(0);
        }
        frequency[id]! += 1;
      }
    });
  count(sourceKeys, sourceFrequency);
  count(targetKeys, targetFrequency);

  // Weights: log of how much likelier a shared key is in a true bead than by chance.
  const sourceSize = Math.max(1, source.length);
  const targetSize = Math.max(1, target.length);
  const matchWeight: number[] = [];
  const sourceMissCost: number[] = [];
  const targetMissCost: number[] = [];
  const compactId = new Int32Array(ids.size).fill(-1);
  const keptSourceFrequency: number[] = [];
  const keptTargetFrequency: number[] = [];
  for (const [key, id] of ids) {
    const sourceCount = sourceFrequency[id]!;
    const targetCount = targetFrequency[id]!;
    const kept = KEPT_IN_TRANSLATION[key[0]!]!;
    if (sourceCount === 0 || targetCount === 0) {
      if (sourceCount + targetCount > MAX_ONE_SIDED_FREQUENCY) continue;
      // Never matched: it only costs where a bead claims a translation for its segment.
      compactId[id] = matchWeight.length;
      matchWeight.push(0);
      sourceMissCost.push(-Math.log(1 - kept));
      targetMissCost.push(-Math.log(1 - kept));
      keptSourceFrequency.push(sourceCount);
      keptTargetFrequency.push(targetCount);
      continue;
    }
    // The chance that a segment of the side where the key is commoner has it.
    const chance = Math.min(0.5, Math.max(sourceCount / sourceSize, targetCount / targetSize));
    const weight = Math.log(kept / chance);
    if (weight < MIN_MATCH_WEIGHT) continue;
    compactId[id] = matchWeight.length;
    matchWeight.push(weight);
    const keptFromSource = kept * Math.min(1, targetCount / sourceCount);
    const keptFromTarget = kept * Math.min(1, sourceCount / targetCount);
    sourceMissCost.push(Math.max(0, Math.log((1 - chance) / (1 - keptFromSource))));
    targetMissCost.push(Math.max(0, Math.log((1 - chance) / (1 - keptFromTarget))));
    keptSourceFrequency.push(sourceCount);
    keptTargetFrequency.push(targetCount);
  }

  const pack = (segments: string[][], texts: string[]): SegmentAnchors => {
    const offsets = new Int32Array(segments.length + 1);
    const packed: number[] = [];
    segments.forEach((keys, segment) => {
      const kept = keys
        .map((key) => compactId[ids.get(key)!]!)
        .filter((id) => id >= 0)
        .sort((a, b) => matchWeight[b]! - matchWeight[a]!)
        .slice(0, MAX_KEYS_PER_SEGMENT);
      packed.push(...kept);
      offsets[segment + 1] = packed.length;
    });
    return {
      offsets,
      keys: Int32Array.from(packed),
      quotes: Int32Array.from(texts, countQuotes),
      brackets: Int32Array.from(texts, countBrackets),
    };
  };

  return {
    source: pack(sourceKeys, source),
    target: pack(targetKeys, target),
    matchWeight: Float64Array.from(matchWeight),
    sourceMissCost: Float64Array.from(sourceMissCost),
    targetMissCost: Float64Array.from(targetMissCost),
    sourceFrequency: Int32Array.from(keptSourceFrequency),
    targetFrequency: Int32Array.from(keptTargetFrequency),
  };
}
