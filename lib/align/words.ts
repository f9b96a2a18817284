import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import type { Language } from "@/lib/text/language";

/** Words with their inner hyphens and apostrophes ("российско-японские", "Abe's", "COVID-19"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Stress marks (as in glossary headwords: Абэ́) are not letters and would split words. */
const STRESS_MARKS = /[\u0300\u0301]/gu;

export function words(text: string): string[] {
  return text.replace(STRESS_MARKS, "").match(WORD) ?? [];
}

const stems: Record<Language, Map<string, string>> = { en: new Map(), ru: new Map() };

/** The Snowball stem of a word, lower-cased; memoized since texts repeat their words. */
export function stem(word: string, language: Language): string {
  const lower = word.toLowerCase();
  const cache = stems[language];
  let result = cache.get(lower);
  if (result === undefined) {
    result = language === "ru" ? stemRussian(lower.replaceAll("ё", "е")) : stemEnglish(lower);
    cache.set(lower, result);
  }
  return result;
}
