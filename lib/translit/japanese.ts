import { toHiragana } from "wanakana";
import { CONVENTIONAL_SPELLINGS, MORPHEME_BOUNDARIES } from "./polivanov-spellings.ts";

/** How long vowels are written: о: (colon), о̄ (macron) or not at all (running text). */
export type LongVowelNotation = "macron" | "colon" | "none";

export interface PolivanovOptions {
  longVowels?: LongVowelNotation;
}

export interface HepburnToPolivanovOptions extends PolivanovOptions {
  /** Use the conventional Russian spelling where one exists (Токио); default true. */
  conventional?: boolean;
}

type Vowel = "a" | "i" | "u" | "e" | "o";

const MACRON_OR_CIRCUMFLEX = /[\u0302\u0304]/g;

/** ō → o, Ō → O, ū → u, also ô/û and the other vowels; other diacritics stay. */
export function stripMacrons(text: string): string {
  return text.normalize("NFD").replace(MACRON_OR_CIRCUMFLEX, "").normalize("NFC");
}

// Hepburn writes ō for おう (and おお); the kana reading of ō as おう is right for
// most words and gives the same Polivanov form either way.
const LONG_VOWEL_ROMAJI: Readonly<Record<string, string>> = {
  ā: "aa", ī: "ii", ū: "uu", ē: "ee", ō: "ou",
  â: "aa", î: "ii", û: "uu", ê: "ee", ô: "ou",
};

/** A romaji word; an apostrophe counts only inside it (Jun'ichirō). */
const ROMAJI_WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu;

/** Hepburn romaji → hiragana. Accepts macrons, circumflexes and unmarked romaji; non-letters pass through. */
export function hepburnToKana(romaji: string): string {
  return romaji.normalize("NFC").replace(ROMAJI_WORD, (word) => {
    const plain = word
      .toLowerCase()
      .replace(/[āīūēōâîûêô]/g, (vowel) => LONG_VOWEL_ROMAJI[vowel]!)
      .replace(/’/g, "'")
      // Traditional Hepburn writes ん as m before b, m, p (shimbun) and っち as tch (matcha).
      .replace(/m(?=[bmp])/g, "n")
      .replace(/tch/g, "cch");
    return toHiragana(plain);
  });
}

interface Syllable {
  cyrillic: string;
  vowel: Vowel;
}

const syllable = (cyrillic: string, vowel: Vowel): Syllable => ({ cyrillic, vowel });

/** The Polivanov table: one kana (or kana + small kana) → Cyrillic and its vowel. */
const SYLLABLES: ReadonlyMap<string, Syllable> = new Map(
  (
    [
      ["あ", "а", "a"], ["い", "и", "i"], ["う", "у", "u"], ["え", "э", "e"], ["お", "о", "o"],
      ["ぁ", "а", "a"], ["ぃ", "и", "i"], ["ぅ", "у", "u"], ["ぇ", "э", "e"], ["ぉ", "о", "o"],
      ["か", "ка", "a"], ["き", "ки", "i"], ["く", "ку", "u"], ["け", "кэ", "e"], ["こ", "ко", "o"],
      ["さ", "са", "a"], ["し", "си", "i"], ["す", "су", "u"], ["せ", "сэ", "e"], ["そ", "со", "o"],
      ["た", "та", "a"], ["ち", "ти", "i"], ["つ", "цу", "u"], ["て", "тэ", "e"], ["と", "то", "o"],
      ["な", "на", "a"], ["に", "ни", "i"], ["ぬ", "ну", "u"], ["ね", "нэ", "e"], ["の", "но", "o"],
      ["は", "ха", "a"], ["ひ", "хи", "i"], ["ふ", "фу", "u"], ["へ", "хэ", "e"], ["ほ", "хо", "o"],
      ["ま", "ма", "a"], ["み", "ми", "i"], ["む", "му", "u"], ["め", "мэ", "e"], ["も", "мо", "o"],
      ["や", "я", "a"], ["ゆ", "ю", "u"], ["よ", "ё", "o"],
      ["ゃ", "я", "a"], ["ゅ", "ю", "u"], ["ょ", "ё", "o"],
      ["ら", "ра", "a"], ["り", "ри", "i"], ["る", "ру", "u"], ["れ", "рэ", "e"], ["ろ", "ро", "o"],
      ["わ", "ва", "a"], ["ゐ", "ви", "i"], ["ゑ", "вэ", "e"], ["を", "о", "o"],
      ["が", "га", "a"], ["ぎ", "ги", "i"], ["ぐ", "гу", "u"], ["げ", "гэ", "e"], ["ご", "го", "o"],
      ["ざ", "дза", "a"], ["じ", "дзи", "i"], ["ず", "дзу", "u"], ["ぜ", "дзэ", "e"], ["ぞ", "дзо", "o"],
      ["だ", "да", "a"], ["ぢ", "дзи", "i"], ["づ", "дзу", "u"], ["で", "дэ", "e"], ["ど", "до", "o"],
      ["ば", "ба", "a"], ["び", "би", "i"], ["ぶ", "бу", "u"], ["べ", "бэ", "e"], ["ぼ", "бо", "o"],
      ["ぱ", "па", "a"], ["ぴ", "пи", "i"], ["ぷ", "пу", "u"], ["ぺ", "пэ", "e"], ["ぽ", "по", "o"],
      ["ゔ", "ву", "u"],
      ["きゃ", "кя", "a"], ["きゅ", "кю", "u"], ["きょ", "кё", "o"],
      ["しゃ", "ся", "a"], ["しゅ", "сю", "u"], ["しょ", "сё", "o"], ["しぇ", "сэ", "e"],
      ["ちゃ", "тя", "a"], ["ちゅ", "тю", "u"], ["ちょ", "тё", "o"], ["ちぇ", "тэ", "e"],
      ["にゃ", "ня", "a"], ["にゅ", "ню", "u"], ["にょ", "нё", "o"],
      ["ひゃ", "хя", "a"], ["ひゅ", "хю", "u"], ["ひょ", "хё", "o"],
      ["みゃ", "мя", "a"], ["みゅ", "мю", "u"], ["みょ", "мё", "o"],
      ["りゃ", "ря", "a"], ["りゅ", "рю", "u"], ["りょ", "рё", "o"],
      ["ぎゃ", "гя", "a"], ["ぎゅ", "гю", "u"], ["ぎょ", "гё", "o"],
      ["じゃ", "дзя", "a"], ["じゅ", "дзю", "u"], ["じょ", "дзё", "o"], ["じぇ", "дзэ", "e"],
      ["ぢゃ", "дзя", "a"], ["ぢゅ", "дзю", "u"], ["ぢょ", "дзё", "o"],
      ["びゃ", "бя", "a"], ["びゅ", "бю", "u"], ["びょ", "бё", "o"],
      ["ぴゃ", "пя", "a"], ["ぴゅ", "пю", "u"], ["ぴょ", "пё", "o"],
      ["ふぁ", "фа", "a"], ["ふぃ", "фи", "i"], ["ふぇ", "фэ", "e"], ["ふぉ", "фо", "o"],
      ["てぃ", "ти", "i"], ["でぃ", "ди", "i"], ["とぅ", "ту", "u"], ["どぅ", "ду", "u"],
      ["うぃ", "уи", "i"], ["うぇ", "уэ", "e"], ["うぉ", "уо", "o"],
      ["ゔぁ", "ва", "a"], ["ゔぃ", "ви", "i"], ["ゔぇ", "вэ", "e"], ["ゔぉ", "во", "o"],
    ] as const
  ).map(([kana, cyrillic, vowel]) => [kana, syllable(cyrillic, vowel)]),
);

const PLAIN_VOWELS: ReadonlyMap<string, Vowel> = new Map([["あ", "a"], ["い", "i"], ["う", "u"], ["え", "e"], ["お", "o"]]);

/** Vowel pairs read as one long vowel: おう, おお, うう, ああ, ええ (いい stays ии, えい stays эй). */
const LENGTHENING: ReadonlySet<string> = new Set(["ou", "oo", "uu", "aa", "ee"]);

const CHOONPU = "ー";
const SOKUON = "っ";
const SYLLABIC_N = "ん";
const LONG_MARK: Readonly<Record<LongVowelNotation, string>> = { colon: ":", macron: "\u0304", none: "" };

type Mora =
  | { type: "syllable"; kana: string; syllable: Syllable }
  | { type: "n" }
  | { type: "sokuon" }
  | { type: "choonpu" }
  | { type: "other"; text: string };

/** Katakana → hiragana by code point; ー, ・ and everything else are kept. */
function toHiraganaScript(kana: string): string {
  return kana.replace(/[\u30A1-\u30F6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

function splitMorae(kana: string): Mora[] {
  const chars = Array.from(toHiraganaScript(kana.normalize("NFC")));
  const morae: Mora[] = [];
  for (let i = 0; i < chars.length; ) {
    const pair = chars[i]! + (chars[i + 1] ?? "");
    const double = SYLLABLES.get(pair);
    if (double) {
      morae.push({ type: "syllable", kana: pair, syllable: double });
      i += 2;
      continue;
    }
    const char = chars[i]!;
    const single = SYLLABLES.get(char);
    if (single) morae.push({ type: "syllable", kana: char, syllable: single });
    else if (char === SYLLABIC_N) morae.push({ type: "n" });
    else if (char === SOKUON) morae.push({ type: "sokuon" });
    else if (char === CHOONPU) morae.push({ type: "choonpu" });
    else morae.push({ type: "other", text: char });
    i += 1;
  }
  return morae;
}

/**
 * Kana (hiragana or katakana) → Polivanov Cyrillic, lower case. Long vowels are
 * marked per `longVowels` (default "colon"); い after a, u, o, e is й (ай, уй,
 * ой, эй); ん is нъ before a vowel or я/ю/ё and м before б, п, м; っ doubles the
 * next consonant.
 */
export function kanaToPolivanov(kana: string, opts: PolivanovOptions = {}): string {
  const longMark = LONG_MARK[opts.longVowels ?? "colon"];
  const morae = splitMorae(kana);
  const rendered: string[] = morae.map((mora) => (mora.type === "syllable" ? mora.syllable.cyrillic : mora.type === "other" ? mora.text : ""));

  for (const [i, mora] of morae.entries()) {
    const previous = i > 0 ? morae[i - 1] : undefined;
    const next = morae[i + 1];
    if (mora.type === "syllable" && previous?.type === "syllable") {
      const vowel = PLAIN_VOWELS.get(mora.kana);
      const before = previous.syllable.vowel;
      if (vowel && LENGTHENING.has(before + vowel)) rendered[i] = longMark;
      else if (vowel === "i" && before !== "i") rendered[i] = "й";
    } else if (mora.type === "choonpu" && previous?.type === "syllable") {
      rendered[i] = longMark;
    } else if (mora.type === "n") {
      const following = next?.type === "syllable" ? next.syllable.cyrillic : "";
      rendered[i] = /^[аиуэояюё]/.test(following) ? "нъ" : /^[бпм]/.test(following) ? "м" : "н";
    } else if (mora.type === "sokuon") {
      const following = next?.type === "syllable" ? next.syllable.cyrillic : "";
      rendered[i] = /^[бвгдзкмнпрстфхц]/.test(following) ? following.charAt(0) : "";
    }
  }
  return rendered.join("");
}

/**
 * Hepburn romaji → Polivanov Cyrillic, word by word, keeping each word's
 * initial capital. Conventional spellings (polivanov-spellings.ts) replace the
 * computed form unless `conventional` is false.
 */
export function hepburnToPolivanov(romaji: string, opts: HepburnToPolivanovOptions = {}): string {
  const useConventional = opts.conventional ?? true;
  return romaji.normalize("NFC").replace(ROMAJI_WORD, (word) => {
    const key = stripMacrons(word).toLowerCase();
    const conventional = useConventional ? CONVENTIONAL_SPELLINGS.get(key) : undefined;
    const cyrillic = conventional ?? morphemes(word, key).map((part) => kanaToPolivanov(hepburnToKana(part), opts)).join("");
    return /^\p{Lu}/u.test(word) ? cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1) : cyrillic;
  });
}

/** Splits a word at its recorded morpheme boundaries; macron stripping keeps the character count. */
function morphemes(word: string, key: string): string[] {
  const boundaries = MORPHEME_BOUNDARIES.get(key);
  if (!boundaries) return [word];
  const parts: string[] = [];
  let offset = 0;
  for (const part of boundaries.split("|")) {
    parts.push(word.slice(offset, offset + part.length));
    offset += part.length;
  }
  return parts;
}
