/** The languages whose texts the aligner and the sentence splitter know. */
export const LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * Tells Russian from English by script: the language whose script has more
 * letters in the text. Null when the text has no letter of either script.
 */
export function detectLanguage(text: string): Language | null {
  const cyrillic = text.match(CYRILLIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  return cyrillic > latin ? "ru" : "en";
}
