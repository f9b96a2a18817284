/**
 * Words that mix scripts: "Poccия" typed with Latin P and c, "Mocква" with a
 * Latin o. They look right and defeat search and the glossary, so they are
 * reported (never silently changed: "iPhone-совместимый" or a formula may be
 * meant).
 */

export interface MixedScriptToken {
  paragraph: number;
  start: number;
  end: number;
  token: string;
  /** The letters of the minority script, as written, for the report. */
  foreign: string;
  /** The token with its minority letters replaced by their look-alikes, where every one has one. */
  suggestion: string | null;
}

const TOKEN = /[\p{L}\p{M}]+/gu;
const SCRIPTS = [
  { name: "Latin", test: /\p{Script=Latin}/u },
  { name: "Cyrillic", test: /\p{Script=Cyrillic}/u },
  { name: "Greek", test: /\p{Script=Greek}/u },
] as const;

// Latin and Greek letters that look like Cyrillic ones, and back.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", i: "і",
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]));

/** Look-alikes into each script, by the script the word is meant to be in. */
const TABLES: Record<string, Record<string, string>> = { Cyrillic: LATIN_TO_CYRILLIC, Latin: CYRILLIC_TO_LATIN };

function scriptOf(char: string): string | null {
  return SCRIPTS.find((script) => script.test.test(char))?.name ?? null;
}

function dominantScript(text: string): string | null {
  const counts = new Map<string, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Tokens whose letters come from more than one of Latin, Cyrillic and Greek. */
export function findMixedScripts(paragraphs: readonly string[]): MixedScriptToken[] {
  const found: MixedScriptToken[] = [];
  paragraphs.forEach((text, paragraph) => {
    const dominant = dominantScript(text);
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0];
      const counts = new Map<string, number>();
      for (const char of token) {
        const script = scriptOf(char);
        if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
      }
      if (counts.size < 2) continue;
      // The intended script: the paragraph's, where every other letter has a look-alike in it (Poccия in Russian text),
      // else the token's own majority.
      const majority = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      const convertible = (script: string | null) => {
        const table = TABLES[script ?? ""];
        return table !== undefined && [...token].every((char) => scriptOf(char) === null || scriptOf(char) === script || table[char] !== undefined);
      };
      const intended = dominant && counts.has(dominant) && convertible(dominant) ? dominant : majority;
      const foreign = [...token].filter((char) => scriptOf(char) !== null && scriptOf(char) !== intended).join("");
      const suggestion = convertible(intended) ? [...token].map((char) => (scriptOf(char) !== intended && TABLES[intended]![char]) || char).join("") : null;
      found.push({ paragraph, start: match.index, end: match.index + token.length, token, foreign, suggestion });
    }
  });
  return found;
}
