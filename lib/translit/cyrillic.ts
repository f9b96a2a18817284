/**
 * Romanisation of Russian Cyrillic in three systems:
 * - "iso9": ISO 9:1995 / GOST 7.79-2000, system B (ASCII only);
 * - "loc": ALA-LC (Library of Congress), with its diacritics and ligature ties;
 * - "journalistic": the simplified popular style of English-language press and
 *   of the article's own references (Rossiyskaya Gazeta, Inozemtsev).
 */
export type CyrillicSystem = "iso9" | "loc" | "journalistic";

type LetterTable = Readonly<Record<string, string>>;

const COMMON: LetterTable = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", ч: "ch", ш: "sh",
};

const ISO9: LetterTable = {
  ...COMMON,
  ё: "yo", й: "j", х: "x", ц: "cz", щ: "shh", ъ: "``", ы: "y`", ь: "`", э: "e`", ю: "yu", я: "ya",
};

// U+0361 (combining double inverted breve) ties the two letters that render one Cyrillic letter.
const LOC: LetterTable = {
  ...COMMON,
  ё: "ë", й: "ĭ", х: "kh", ц: "t\u0361s", щ: "shch", ъ: "ʺ", ы: "y", ь: "ʹ", э: "ė", ю: "i\u0361u", я: "i\u0361a",
};

const JOURNALISTIC: LetterTable = {
  ...COMMON,
  ё: "yo", й: "y", х: "kh", ц: "ts", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

const TABLES: Readonly<Record<CyrillicSystem, LetterTable>> = { iso9: ISO9, loc: LOC, journalistic: JOURNALISTIC };

const VOWELS = new Set("аеёиоуыэюя");
const COMBINING_MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const UPPERCASE = /\p{Lu}/u;

/** Russian Cyrillic → Latin. Other characters pass through; case follows the source (Shch, SHCH). */
export function cyrillicToLatin(text: string, system: CyrillicSystem): string {
  const chars = Array.from(text.normalize("NFC"));
  const table = TABLES[system];
  let out = "";
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) {
      out += char;
      continue;
    }
    const previous = neighbourLetter(chars, i, -1);
    const next = neighbourLetter(chars, i, 1);
    const romanised = contextual(lower, latin, system, previous?.toLowerCase(), next?.toLowerCase(), table);
    out += char === lower ? romanised : upperCased(romanised, previous, next);
  }
  return out;
}

/** The rules where a letter's rendering depends on its neighbours. */
function contextual(
  letter: string,
  latin: string,
  system: CyrillicSystem,
  previous: string | undefined,
  next: string | undefined,
  table: LetterTable,
): string {
  // GOST 7.79-2000 B: ц is c before the Latin letters i, e, y, j, and cz elsewhere.
  if (system === "iso9" && letter === "ц" && next !== undefined && /^[eijy]/.test(table[next] ?? "")) return "c";
  if (system === "journalistic") {
    if (letter === "е" && (previous === undefined || VOWELS.has(previous) || previous === "ъ" || previous === "ь")) return "ye";
    // Word-final -ый is written -y (Mirny), not -yy.
    if (letter === "й" && previous === "ы" && next === undefined) return "";
  }
  return latin;
}

/** An uppercase letter whose rendering has several letters is all caps inside an all-caps word, else title case. */
function upperCased(romanised: string, previous: string | undefined, next: string | undefined): string {
  const allCaps = next !== undefined ? UPPERCASE.test(next) : previous !== undefined && UPPERCASE.test(previous);
  if (allCaps) return romanised.toUpperCase();
  return romanised.charAt(0).toUpperCase() + romanised.slice(1);
}

/** The nearest letter before (-1) or after (+1) position i within the same word, skipping stress marks. */
function neighbourLetter(chars: readonly string[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const char = chars[j]!;
    if (COMBINING_MARK.test(char)) continue;
    return LETTER.test(char) ? char : undefined;
  }
  return undefined;
}
