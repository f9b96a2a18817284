/**
 * The written forms and explanations of an entry in the order the glossary
 * pages and the reader's popover show them, each with the language tag its
 * text needs (so that screen readers and fonts treat хикиваке, hikiwake and
 * 引き分け right). Part of speech, category and cross-references are shown
 * apart, as they are names to translate or links.
 */
import { faceLanguage } from "./cards.ts";
import type { GlossaryEntry } from "./schema.ts";

export const TEXT_FIELDS = [
  "en",
  "hepburn",
  "kanji",
  "kana",
  "ru",
  "ruForms",
  "polivanov",
  "polivanovRunning",
  "romanized",
  "journalistic",
  "glossEn",
  "glossRu",
  "context",
  "contextRu",
  "absentReason",
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

export interface FieldRow {
  field: TextField;
  /** One or more values (English spellings, Russian forms). */
  values: string[];
  lang: string;
}

/**
 * The entry's text fields that have a value. The running-text Polivanov form
 * is derived (lib/glossary/forms.ts), so it is passed in; it is left out where
 * it equals the strict form (no long vowels).
 */
export function entryFieldRows(entry: GlossaryEntry, polivanovRunning?: string): FieldRow[] {
  const values: Record<TextField, string[]> = {
    en: entry.en,
    hepburn: entry.hepburn ? [entry.hepburn] : [],
    kanji: entry.kanji ? [entry.kanji] : [],
    kana: entry.kana ? [entry.kana] : [],
    ru: entry.ru ? [entry.ru] : [],
    ruForms: entry.ruForms ?? [],
    polivanov: entry.polivanov ? [entry.polivanov] : [],
    polivanovRunning: polivanovRunning && polivanovRunning !== entry.polivanov ? [polivanovRunning] : [],
    romanized: entry.romanized ? [entry.romanized] : [],
    journalistic: entry.journalistic ? [entry.journalistic] : [],
    glossEn: [entry.glossEn],
    glossRu: [entry.glossRu],
    context: [entry.context],
    contextRu: entry.contextRu ? [entry.contextRu] : [],
    absentReason: entry.absentReason ? [entry.absentReason] : [],
  };
  const languages: Record<TextField, string> = {
    en: faceLanguage(entry, "en"),
    hepburn: "ja-Latn",
    kanji: "ja",
    kana: "ja",
    ru: faceLanguage(entry, "ru"),
    ruForms: "ru",
    polivanov: "ja-Cyrl",
    polivanovRunning: "ja-Cyrl",
    romanized: "ru-Latn",
    journalistic: "ru-Latn",
    glossEn: "en",
    glossRu: "ru",
    context: "en",
    contextRu: "ru",
    absentReason: "en",
  };
  return TEXT_FIELDS.filter((field) => values[field].length > 0).map((field) => ({ field, values: values[field], lang: languages[field] }));
}
