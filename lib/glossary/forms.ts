/** Forms of an entry derived for display rather than stored in the glossary file. */
import { hepburnToPolivanov } from "../translit/index.ts";
import { faceLanguage } from "./cards.ts";
import type { GlossaryEntry } from "./schema.ts";

/**
 * The running-text Polivanov form: the strict form without the colons that
 * mark long vowels (тихо: со:сэй → тихо сосэй), as Russian prose writes it.
 */
export function runningPolivanov(entry: Pick<GlossaryEntry, "hepburn">): string | undefined {
  return entry.hepburn === undefined ? undefined : hepburnToPolivanov(entry.hepburn, { longVowels: "none", conventional: false });
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー・ ]+$/u;

/**
 * The entry's name in lists and links: Hepburn with macrons for a Japanese
 * term (chihō sōsei, where the English edition prints chihososei), but the
 * English form of a katakana word that English has adopted (Abenomics, not
 * Abenomikusu); the first English spelling for every other entry.
 */
export function entryHeadword(entry: Pick<GlossaryEntry, "category" | "hepburn" | "kana" | "en">): string {
  if (entry.category === "japanese-term" && entry.hepburn && !(entry.kana && KATAKANA_WORD.test(entry.kana))) return entry.hepburn;
  return entry.en[0]!;
}

/**
 * The name of an entry in a link for a reader of the interface language: the
 * Russian headword for Russian readers, the kanji for Japanese readers, where
 * the entry has them; otherwise the headword.
 */
export function localizedHeadword(entry: Pick<GlossaryEntry, "category" | "hepburn" | "kana" | "kanji" | "en" | "ru">, locale: string): string {
  if (locale === "ru" && entry.ru) return entry.ru;
  if (locale === "ja" && entry.kanji) return entry.kanji;
  return entryHeadword(entry);
}

/** The language tag of the form an entry is named by (one of its headwords). */
export function headwordLanguage(entry: Pick<GlossaryEntry, "category" | "hepburn" | "kanji" | "ru">, name: string): string {
  if (name === entry.ru) return faceLanguage(entry, "ru");
  if (name === entry.kanji) return "ja";
  if (name === entry.hepburn) return "ja-Latn";
  return faceLanguage(entry, "en");
}
