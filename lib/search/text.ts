/**
 * How search sees text: words with their offsets, folded so that case,
 * diacritics (ō = o, ё = е), apostrophes and kana script do not matter.
 * The index, the query and the highlighter all go through these functions,
 * so whatever matches in the database is also what gets marked on the page.
 */
import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as russianStemmer } from "@orama/stemmers/russian";

export type Script = "latin" | "cyrillic" | "cjk" | "other";

export interface SearchToken {
  /** UTF-16 offsets into the text that was tokenised. */
  start: number;
  end: number;
  /** The folded word: lower case, no diacritics or apostrophes, katakana as hiragana. */
  form: string;
  script: Script;
}

// A word: letters, digits and marks, with apostrophes inside it (Japan’s, Jun'ichirō).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
// Chinese characters and kana carry no spaces between words: each is a token of its own, and a
// Japanese query becomes a phrase of them.
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆][\u3099\u309A]?/u;
const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆][\u3099\u309A]?)/u;
const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const APOSTROPHES = /['’ʼ]/g;
const ASCII = /^[\x00-\x7F]*$/;
const COMBINING_MARK = /\p{M}/gu;
const KATAKANA = /[\u30A1-\u30F6]/;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

/**
 * Lower case without diacritics: ō = o, é = e, ё = е. The breve of й stays (й is a
 * letter of its own in Russian), and so do the voicing marks of kana (が is not か).
 * Compatibility forms are folded too (ｆｕｌｌ-width letters, ligatures).
 */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  const decomposed = text.normalize("NFKD").toLowerCase();
  const stripped = decomposed.replace(COMBINING_MARK, (mark: string, offset: number) => {
    const breveOfShortI = mark === "\u0306" && decomposed[offset - 1] === "и";
    const kanaVoicing = mark === "\u3099" || mark === "\u309A";
    return breveOfShortI || kanaVoicing ? mark : "";
  });
  const composed = stripped.normalize("NFC");
  return KATAKANA.test(composed) ? katakanaToHiragana(composed) : composed;
}

function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

function scriptOf(form: string): Script {
  const letter = form.match(LETTER)?.[0];
  if (letter === undefined) return "other";
  if (CJK_CHARACTER.test(letter)) return "cjk";
  if (CYRILLIC.test(letter)) return "cyrillic";
  if (LATIN.test(letter)) return "latin";
  return "other";
}

/** The words of a text with their offsets; quotes, dashes and other punctuation separate words and are not kept. */
export function tokenize(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.matchAll(WORD)) {
    let offset = match.index;
    // Split a run into its Chinese and kana characters and the words between them.
    for (const part of CJK_ANY.test(match[0]) ? match[0].split(CJK_SPLIT) : [match[0]]) {
      if (part !== "") {
        const form = foldText(part).replace(APOSTROPHES, "");
        if (form !== "") tokens.push({ start: offset, end: offset + part.length, form, script: scriptOf(form) });
      }
      offset += part.length;
    }
  }
  return tokens;
}

const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/**
 * The Snowball stem of a folded word. The stemmer follows the word's script,
 * not the edition's language, so the Latin-script references of the Russian
 * edition stem as English and a query needs no language: санкций → санкц,
 * relations → relat. Words of other scripts are their own stem.
 */
export function stemOf(token: Pick<SearchToken, "form" | "script">): string {
  if (token.script !== "latin" && token.script !== "cyrillic") return token.form;
  const key = `${token.script === "latin" ? "l" : "c"}${token.form}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    stem = token.script === "latin" ? englishStemmer(token.form) : russianStemmer(token.form);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(key, stem);
  }
  return stem;
}
