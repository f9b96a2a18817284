/**
 * The glossary's three alphabetical indexes: A–Z over the English and Hepburn
 * forms, А–Я over the Russian forms, and あ–ん over the kana reading by
 * gojūon row (あ か さ た な は ま や ら わ), the way a Japanese dictionary's
 * thumb index groups words.
 */
import { foldForSearch } from "./language.ts";
import type { GlossaryEntry } from "./schema.ts";

export type IndexScript = "latin" | "cyrillic" | "kana";

export const LATIN_LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"] as const;

/** Ё files under Е, as in Russian dictionaries; Ъ, Ы and Ь begin no word. */
export const CYRILLIC_LETTERS = [..."АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"] as const;

/** The gojūon rows, each named by its first kana. */
export const KANA_ROWS = ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"] as const;

/** Forms that begin with a digit (1956 Declaration) file under this key. */
export const DIGITS_KEY = "0–9";

// Every hiragana of each row, voiced and small ones included (が under か, ぱ under は, ゃ under や, ゔ under あ).
const ROW_MEMBERS: Record<(typeof KANA_ROWS)[number], string> = {
  あ: "ぁあぃいぅうぇえぉおゔ",
  か: "かがきぎくぐけげこごゕゖ",
  さ: "さざしじすずせぜそぞ",
  た: "ただちぢっつづてでとど",
  な: "なにぬねの",
  は: "はばぱひびぴふぶぷへべぺほぼぽ",
  ま: "まみむめも",
  や: "ゃやゅゆょよ",
  ら: "らりるれろ",
  わ: "ゎわゐゑをん",
};

const ROW_OF = new Map<string, string>(Object.entries(ROW_MEMBERS).flatMap(([row, members]) => [...members].map((kana) => [kana, row])));

/** Katakana read as hiragana (アベノミクス = あべのみくす), for indexing and matching. */
export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
}

/** The gojūon row of a kana word, or null when it does not begin with kana. */
export function kanaRow(kana: string): string | null {
  const first = katakanaToHiragana(kana.trim()).charAt(0);
  return ROW_OF.get(first) ?? null;
}

/** The index key of a Latin or Cyrillic form: its first letter, upper case, without diacritics; null when it begins with neither. */
export function initialOf(form: string, script: "latin" | "cyrillic"): string | null {
  const folded = foldForSearch(form).replace(/^[^\p{L}\p{N}]+/u, "");
  const first = folded.charAt(0);
  if (/\p{N}/u.test(first)) return DIGITS_KEY;
  const letter = first.toLocaleUpperCase(script === "cyrillic" ? "ru" : "en");
  if (script === "latin") return /^[A-Z]$/.test(letter) ? letter : null;
  return (CYRILLIC_LETTERS as readonly string[]).includes(letter) ? letter : null;
}

/** The forms an index files an entry under: a family name used alone (Abe, Абэ) gives the entry a second place, as in a printed index. */
function formsFor(entry: GlossaryEntry, script: IndexScript): string[] {
  if (script === "latin") return [...entry.en, ...(entry.hepburn ? [entry.hepburn] : [])];
  if (script === "cyrillic") return [...(entry.ru ? [entry.ru] : []), ...(entry.ruForms ?? [])];
  return entry.kana ? [entry.kana] : [];
}

/** Every key of one index under which the entry is filed, in the order of its forms. */
export function indexKeys(entry: GlossaryEntry, script: IndexScript): string[] {
  const keys = formsFor(entry, script).map((form) => (script === "kana" ? kanaRow(form) : initialOf(form, script)));
  return [...new Set(keys.filter((key): key is string => key !== null))];
}

/** The form the entry is filed under for a key, to sort by within that key (Abe under A, Shinzo Abe under S). */
export function formUnder(entry: GlossaryEntry, script: IndexScript, key: string): string | undefined {
  return formsFor(entry, script).find((form) => (script === "kana" ? kanaRow(form) : initialOf(form, script)) === key);
}

/** The script of an index key: a Latin letter or the digits key, a Cyrillic letter, or a gojūon row. */
export function scriptOfKey(key: string): IndexScript | null {
  if (key === DIGITS_KEY || (LATIN_LETTERS as readonly string[]).includes(key)) return "latin";
  if ((CYRILLIC_LETTERS as readonly string[]).includes(key)) return "cyrillic";
  if ((KANA_ROWS as readonly string[]).includes(key)) return "kana";
  return null;
}

/** The keys of an index in order, digits first where any form begins with one. */
export function indexKeysOf(script: IndexScript): readonly string[] {
  if (script === "latin") return [DIGITS_KEY, ...LATIN_LETTERS];
  if (script === "cyrillic") return [DIGITS_KEY, ...CYRILLIC_LETTERS];
  return KANA_ROWS;
}

/** How many entries each key of an index holds. */
export function indexCounts(entries: readonly GlossaryEntry[], script: IndexScript): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const key of indexKeys(entry, script)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
