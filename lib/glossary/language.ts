import type { GlossaryCategory } from "./schema.ts";

/**
 * The language tag of a term as it stands in an edition, where it differs
 * from the edition's own: romanised Japanese in English text is ja-Latn,
 * Japanese in Polivanov Cyrillic is ja-Cyrl, a Russian title or outlet in
 * Latin letters is ru-Latn. Names and places are not tagged: they read as
 * words of the text around them.
 */
export function termLanguage(category: GlossaryCategory, editionLanguage: string): string | null {
  if (category === "japanese-term") return editionLanguage === "ru" ? "ja-Cyrl" : editionLanguage === "en" ? "ja-Latn" : null;
  if (category === "source-media" && editionLanguage === "en") return "ru-Latn";
  return null;
}

/**
 * Every form of an entry in every script, folded (lower case, no macrons or
 * stress marks, ё as е), for a filter that finds "хикиваке", "hikiwake" or
 * "引き分け" alike.
 */
export function glossarySearchText(forms: (string | undefined)[]): string {
  return [...new Set(forms.filter((form): form is string => Boolean(form)).map(foldForSearch))].join(" | ");
}

export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, (mark) => (mark === "\u0306" ? mark : ""))
    .normalize("NFC")
    .toLowerCase()
    .replaceAll("ё", "е")
    .replaceAll(":", "")
    .replace(/["'«»“”„‘’]/g, "")
    .trim();
}
