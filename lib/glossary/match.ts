import { stemmer } from "@orama/stemmers/russian";
import type { GlossaryEntry } from "./schema.ts";
import { foldEnglish, foldRussian, separatorKey, tokenize, type Token } from "./text.ts";

export type MatchLanguage = "en" | "ru";

/** One occurrence of an entry: UTF-16 offsets into the plain text searched. */
export interface GlossaryMatch {
  entryId: string;
  start: number;
  end: number;
}

/** A form of an entry as a sequence of words and what must stand between them. */
interface CompiledForm {
  entryId: string;
  words: string[];
  /** Russian only: the Snowball stem of each word. */
  stems: string[];
  separators: string[];
}

/** The entries' forms indexed by their first word (English) or its first letters (Russian). */
export interface CompiledGlossary {
  en: ReadonlyMap<string, readonly CompiledForm[]>;
  ru: ReadonlyMap<string, readonly CompiledForm[]>;
  /** Stems of the Russian words met so far, shared by every text matched. */
  stemCache: Map<string, string>;
}

/**
 * Precompiles the entries once. English forms are the `en` spellings; Russian
 * forms are the headword `ru` and the `ruForms`, matched word by word by
 * exact word or by Snowball stem (see sameRussianWord), so one form covers the
 * cases of a phrase (мирный договор → мирного договора).
 */
export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const stemCache = new Map<string, string>();
  const en = new Map<string, CompiledForm[]>();
  const ru = new Map<string, CompiledForm[]>();
  for (const entry of entries) {
    for (const form of entry.en) addForm(en, compileForm(entry.id, form, foldEnglish, null), false);
    const russianForms = [...(entry.ru === undefined ? [] : [entry.ru]), ...(entry.ruForms ?? [])];
    for (const form of russianForms) addForm(ru, compileForm(entry.id, form, foldRussian, stemCache), true);
  }
  return { en, ru, stemCache };
}

/**
 * Every occurrence of every entry in a plain text, case-, macron-, stress- and
 * quote-insensitive, at word boundaries. Where matches overlap the longest
 * wins ("South Kuril Islands" over "Kuril Islands"). Sorted by start.
 */
export function findGlossaryMatches(glossary: CompiledGlossary, text: string, language: MatchLanguage): GlossaryMatch[] {
  const tokens = tokenize(text);
  const russian = language === "ru";
  const fold = russian ? foldRussian : foldEnglish;
  const words = tokens.map((token) => fold(token.text));
  const stems = russian ? words.map((word) => stemOf(word, glossary.stemCache)) : [];
  const separators = tokens.map((token, i) => (i === 0 ? "" : separatorKey(text.slice(tokens[i - 1]!.end, token.start))));
  const index = russian ? glossary.ru : glossary.en;
  const inUrl = urlCoverage(text);

  const candidates: { entryId: string; first: number; last: number }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (inUrl(tokens[i]!.start)) continue;
    for (const form of index.get(indexKey(words[i]!, russian)) ?? []) {
      const last = i + form.words.length - 1;
      if (!formMatchesAt(form, i, words, stems, separators, russian)) continue;
      if (dotJoined(text, tokens[i]!.start, tokens[last]!.end)) continue;
      candidates.push({ entryId: form.entryId, first: i, last });
    }
  }

  const length = (candidate: { first: number; last: number }) => tokens[candidate.last]!.end - tokens[candidate.first]!.start;
  candidates.sort((a, b) => length(b) - length(a) || a.first - b.first);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const matches: GlossaryMatch[] = [];
  for (const candidate of candidates) {
    if (taken.slice(candidate.first, candidate.last + 1).some(Boolean)) continue;
    taken.fill(true, candidate.first, candidate.last + 1);
    matches.push({ entryId: candidate.entryId, start: tokens[candidate.first]!.start, end: tokens[candidate.last]!.end });
  }
  return matches.sort((a, b) => a.start - b.start);
}

function formMatchesAt(
  form: CompiledForm,
  at: number,
  words: readonly string[],
  stems: readonly string[],
  separators: readonly string[],
  russian: boolean,
): boolean {
  if (at + form.words.length > words.length) return false;
  return form.words.every((word, k) => {
    const i = at + k;
    if (k > 0 && separators[i] !== form.separators[k]) return false;
    return words[i] === word || (russian && sameRussianWord(words[i]!, stems[i]!, word, form.stems[k]!));
  });
}

// Shorter stems are too ambiguous: Мао and мае ("in May") share the stem ма.
const MIN_STEM_LENGTH = 3;

/**
 * Two forms of one Russian word: each begins with the other's stem. Plain stem
 * equality misses pairs where Snowball strips a nominative further than an
 * oblique case (режим → реж but режиме → режим; Корея → коре, Кореи → кор).
 */
function sameRussianWord(word: string, stem: string, otherWord: string, otherStem: string): boolean {
  if (stem.length < MIN_STEM_LENGTH || otherStem.length < MIN_STEM_LENGTH) return false;
  return word.startsWith(otherStem) && otherWord.startsWith(stem);
}

/** Russian words that can match share their first MIN_STEM_LENGTH letters (or are equal). */
function indexKey(word: string, russian: boolean): string {
  return russian ? word.slice(0, MIN_STEM_LENGTH) : word;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a span is part of a longer dotted word: "U.S" in "U.S.S.R.", "Inosmi" in "Inosmi.ru". */
function dotJoined(text: string, start: number, end: number): boolean {
  const before = text[start - 1] === "." && LETTER_OR_DIGIT.test(text[start - 2] ?? "");
  const after = text[end] === "." && LETTER_OR_DIGIT.test(text[end + 1] ?? "");
  return before || after;
}

const URL = /(?:https?:\/\/|www\.)[^\s<>]+/giu;

/** Whether an offset lies inside a URL, whose words are never glossary terms (tass.ru). */
function urlCoverage(text: string): (offset: number) => boolean {
  const spans = Array.from(text.matchAll(URL), (match) => [match.index, match.index + match[0].length] as const);
  return (offset) => spans.some(([start, end]) => offset >= start && offset < end);
}

function compileForm(entryId: string, form: string, fold: (word: string) => string, stemCache: Map<string, string> | null): CompiledForm {
  const tokens: Token[] = tokenize(form);
  const words = tokens.map((token) => fold(token.text));
  return {
    entryId,
    words,
    stems: stemCache ? words.map((word) => stemOf(word, stemCache)) : [],
    separators: tokens.map((token, i) => (i === 0 ? "" : separatorKey(form.slice(tokens[i - 1]!.end, token.start)))),
  };
}

function addForm(index: Map<string, CompiledForm[]>, form: CompiledForm, russian: boolean): void {
  const first = form.words[0];
  if (first === undefined) return;
  const key = indexKey(first, russian);
  const forms = index.get(key);
  if (forms) forms.push(form);
  else index.set(key, [form]);
}

function stemOf(word: string, cache: Map<string, string>): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    cache.set(word, stem);
  }
  return stem;
}
