import { cyrillicToLatin, hepburnToPolivanov, kanaToPolivanov } from "@/lib/translit";
import { stripStressMarks } from "./text.ts";

/** The fields of an entry that are computed from others and checked against them. */
export interface TransliteratedFields {
  category: string;
  hepburn?: string | undefined;
  kana?: string | undefined;
  polivanov?: string | undefined;
  ru?: string | undefined;
  romanized?: string | undefined;
  journalistic?: string | undefined;
  conventional?: true | undefined;
}

export interface FieldProblem {
  field: keyof TransliteratedFields;
  message: string;
}

/** Categories whose Russian headword is a transcription of the Japanese (Синдзо Абэ), not a translation. */
const TRANSCRIBED_CATEGORIES: ReadonlySet<string> = new Set(["japanese-term", "person", "place"]);

/**
 * Checks the computed fields against the functions of lib/translit:
 * - `polivanov` is always the strict systematic form of `hepburn` (long vowels
 *   with a colon, no conventional spellings);
 * - `kana` reads the same as `hepburn`;
 * - a transcribed Russian headword equals the running-text Polivanov form, and
 *   `romanized` (ALA-LC) and `journalistic` equal the romanisations of `ru`,
 *   unless the entry is marked `conventional: true`, which then must matter.
 */
export function transliterationProblems(entry: TransliteratedFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const conventionalDepartures: string[] = [];
  const ru = entry.ru === undefined ? undefined : stripStressMarks(entry.ru);

  if (entry.hepburn !== undefined) {
    const strict = hepburnToPolivanov(entry.hepburn, { longVowels: "colon", conventional: false });
    if (entry.polivanov !== strict) problems.push({ field: "polivanov", message: `must be "${strict}", the Polivanov form of hepburn "${entry.hepburn}"` });
    if (entry.kana !== undefined && !sameReading(entry.kana, strict)) {
      problems.push({ field: "kana", message: `reads "${kanaToPolivanov(entry.kana)}", which does not match hepburn "${entry.hepburn}"` });
    }
    if (ru !== undefined && TRANSCRIBED_CATEGORIES.has(entry.category)) {
      const running = hepburnToPolivanov(entry.hepburn, { longVowels: "none", conventional: false });
      if (ru !== running) {
        if (entry.conventional) conventionalDepartures.push("ru");
        else problems.push({ field: "ru", message: `must be "${running}", the running-text Polivanov form of "${entry.hepburn}", or the entry must be marked conventional: true` });
      }
    }
  }

  for (const [field, system] of [["romanized", "loc"], ["journalistic", "journalistic"]] as const) {
    const value = entry[field];
    if (value === undefined || ru === undefined) continue;
    const computed = cyrillicToLatin(ru, system);
    if (value === computed) continue;
    if (entry.conventional) conventionalDepartures.push(field);
    else problems.push({ field, message: `must be "${computed}", computed from ru, or the entry must be marked conventional: true` });
  }

  if (entry.conventional && conventionalDepartures.length === 0) {
    problems.push({ field: "conventional", message: "every field equals its computed form; remove conventional: true" });
  }
  return problems;
}

/**
 * Whether kana and a strict Polivanov form (from Hepburn) read the same. Word
 * order may differ (names: あべ しんぞう, Shinzō Abe), and й = и because kana
 * cannot show the morpheme boundary of こ|いずみ Коидзуми.
 */
function sameReading(kana: string, polivanov: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/й/g, "и").split(/\s+/).filter(Boolean);
  const fromKana = fold(kanaToPolivanov(kana));
  const fromHepburn = fold(polivanov);
  if (fromKana.join("") === fromHepburn.join("")) return true;
  return fromKana.toSorted().join(" ") === fromHepburn.toSorted().join(" ");
}
