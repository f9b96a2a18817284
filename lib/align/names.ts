import { cyrillicToLatin } from "@/lib/translit";
import { stem } from "./words.ts";

/**
 * Spelling variants that romanizations of one name differ by: the scholarly
 * (Čajkovskij), library (Chaĭkovskiĭ) and journalistic (Tchaikovsky) systems,
 * English conventions, and Polivanov vs Hepburn for Japanese names
 * (Синдзо/Shinzo, Кисида/Kishida). Both sides are folded alike, so collisions
 * only cost precision, which the rarity weighting of anchors absorbs.
 */
const FOLDS: Array<[RegExp, string]> = [
  [/shch|sch/g, "s"],
  [/tch|ch|ts|tz/g, "t"],
  [/dzh|dz|zh|z/g, "j"],
  [/sh/g, "s"],
  [/kh/g, "h"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ck/g, "k"],
  [/x/g, "ks"],
  [/[qc]/g, "k"],
  [/w/g, "v"],
  [/y/g, "i"],
  [/(^|[aeiou])i(?=[aeou])/g, "$1"],
  [/(.)\1+/g, "$1"],
];

/** Names are compared on this many folded letters, so "Kishida" meets the stem of "Кисиды". */
const KEY_LENGTH = 5;
const MIN_KEY_LENGTH = 3;

function nameKey(latin: string): string | null {
  let folded = latin.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded.length >= MIN_KEY_LENGTH ? folded.slice(0, KEY_LENGTH) : null;
}

const CAPITALIZED_LATIN = /^\p{Lu}[\p{Script=Latin}'’-]{2,}$/u;
const CAPITALIZED_CYRILLIC = /^\p{Lu}[\p{Script=Cyrillic}-]{2,}$/u;
const SYSTEMS = ["journalistic", "loc", "iso9"] as const;

/** The key of a capitalized Latin-script word that may be a name ("Abe's" → "abe"), or null. */
export function latinNameKey(word: string): string | null {
  if (!CAPITALIZED_LATIN.test(word)) return null;
  return nameKey(word.replace(/['’]s$/u, ""));
}

const cyrillicKeys = new Map<string, string[]>();

/**
 * The keys of a capitalized Cyrillic word under each romanization, of the word
 * and of its stem ("Путина" → "putin"); empty when it is no candidate.
 */
export function cyrillicNameKeys(word: string): string[] {
  if (!CAPITALIZED_CYRILLIC.test(word)) return [];
  let keys = cyrillicKeys.get(word);
  if (!keys) {
    // The stem meets "Ivan" in "Ивана"; the whole word meets "Shinzo" in "Синдзо", whose stem loses the final vowel.
    const forms = [stem(word, "ru"), word.toLowerCase()];
    keys = [...new Set(forms.flatMap((form) => SYSTEMS.map((system) => nameKey(cyrillicToLatin(form, system)))).filter((key) => key !== null))];
    cyrillicKeys.set(word, keys);
  }
  return keys;
}
