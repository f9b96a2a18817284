/**
 * Lookup keys that let a query in any script find a glossary entry:
 * хикиваке, hikiwake, ひきわけ and 引き分け all reach the entry hikiwake.
 *
 * Each form of an entry (its English spellings, Hepburn, kanji, kana,
 * Polivanov, Russian headword and forms, romanisations) gives three keys,
 * and a query gives the same three; an entry matches when any key is equal:
 *
 * - `l:` the folded words (case, diacritics and apostrophes ignored);
 * - `s:` their Snowball stems (мирного договора = мирный договор);
 * - `p:` a phonetic key: romaji and kana are read as Polivanov Cyrillic, and
 *   the spellings that systems disagree on are folded (э = е, й = и, long
 *   vowels unmarked, no spaces), so hikiwake = хикивакэ = хикиваке and
 *   chihososei = chihō sōsei = тихо: со:сэй.
 */
import { hepburnToPolivanov, kanaToPolivanov } from "../translit/index.ts";
import { stemOf, tokenize, type SearchToken } from "./text.ts";

/** The fields of a glossary entry (lib/glossary/schema.ts) that hold forms of it. */
export interface GlossaryForms {
  en?: readonly string[];
  hepburn?: string;
  kanji?: string;
  kana?: string;
  polivanov?: string;
  ru?: string;
  ruForms?: readonly string[];
  romanized?: string;
  journalistic?: string;
}

/** Every form of an entry, in every script. */
export function entryForms(entry: GlossaryForms): string[] {
  const single = [entry.hepburn, entry.kanji, entry.kana, entry.polivanov, entry.ru, entry.romanized, entry.journalistic];
  return [...(entry.en ?? []), ...single.filter((form): form is string => typeof form === "string"), ...(entry.ruForms ?? [])];
}

const KANA = /^[\p{Script=Hiragana}ー]+$/u;

/** One word's Polivanov reading: romaji and kana are transcribed, Cyrillic is kept, kanji stay as they are. */
function reading(tokens: SearchToken[]): string {
  const parts: string[] = [];
  let kana = "";
  const flushKana = () => {
    if (kana) parts.push(kanaToPolivanov(kana, { longVowels: "none" }));
    kana = "";
  };
  for (const token of tokens) {
    if (token.script === "cjk" && KANA.test(token.form)) {
      kana += token.form;
      continue;
    }
    flushKana();
    parts.push(token.script === "latin" ? hepburnToPolivanov(token.form, { longVowels: "none", conventional: false }) : token.form);
  }
  flushKana();
  return parts.join("");
}

/** Folds the spellings on which Polivanov, running text and the press differ. */
function foldReading(cyrillic: string): string {
  return cyrillic.toLowerCase().replace(/э/g, "е").replace(/й/g, "и").replace(/[ъь:\s]/g, "");
}

function phoneticKey(tokens: SearchToken[]): string {
  return foldReading(reading(tokens));
}

/** The keys of one form or query text; none for text without words. */
export function formKeys(text: string): string[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const keys = [`l:${tokens.map((token) => token.form).join(" ")}`, `s:${tokens.map(stemOf).join(" ")}`];
  const phonetic = phoneticKey(tokens);
  if (phonetic) keys.push(`p:${phonetic}`);
  return [...new Set(keys)];
}

/** Every key of an entry: the keys of all its forms. */
export function entryKeys(entry: GlossaryForms): string[] {
  return [...new Set(entryForms(entry).flatMap(formKeys))];
}

/**
 * Key prefixes for a query still being typed: its folded words and its
 * phonetic reading. A trailing consonant that romaji has not yet made into a
 * syllable (hik) is left out of the reading.
 */
export function prefixKeys(text: string): string[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const last = tokens.at(-1)!;
  const complete = last.script === "latin" ? [...tokens.slice(0, -1), { ...last, form: last.form.replace(/[^aiueo]+$/, "") }] : tokens;
  const phonetic = phoneticKey(complete.filter((token) => token.form !== ""));
  return [...new Set([`l:${tokens.map((token) => token.form).join(" ")}`, ...(phonetic ? [`p:${phonetic}`] : [])])];
}

/** The smallest string greater than every string that starts with `prefix` (for range scans on an index). */
export function prefixUpperBound(prefix: string): string {
  const codePoints = Array.from(prefix);
  const last = codePoints.pop()!;
  return codePoints.join("") + String.fromCodePoint(last.codePointAt(0)! + 1);
}
