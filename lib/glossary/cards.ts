/**
 * Flashcards made from glossary entries: which form of an entry stands on each
 * side of a card (the learner picks the direction: English → Russian, romaji →
 * kanji, kanji → Polivanov, …). Type-only imports of the schema, so that the
 * browser's code does not carry the validator.
 */
import { termLanguage } from "./language.ts";
import type { GlossaryEntry } from "./schema.ts";

export const CARD_FACES = ["en", "ru", "hepburn", "kanji", "kana", "polivanov"] as const;

export type CardFace = (typeof CARD_FACES)[number];

export interface CardDirection {
  front: CardFace;
  back: CardFace;
}

export const DEFAULT_DIRECTION: CardDirection = { front: "en", back: "ru" };

export function isCardFace(value: string): value is CardFace {
  return (CARD_FACES as readonly string[]).includes(value);
}

/** The form of an entry on a face, or undefined when the entry has none (a Russian political term has no kanji). */
export function faceText(entry: GlossaryEntry, face: CardFace): string | undefined {
  if (face === "en") return entry.en[0];
  return entry[face];
}

/** The language tag of a face's text: romanised Japanese is ja-Latn, Polivanov ja-Cyrl. */
export function faceLanguage(entry: Pick<GlossaryEntry, "category">, face: CardFace): string {
  switch (face) {
    case "en":
      return termLanguage(entry.category, "en") ?? "en";
    case "ru":
      return termLanguage(entry.category, "ru") ?? "ru";
    case "hepburn":
      return "ja-Latn";
    case "polivanov":
      return "ja-Cyrl";
    default:
      return "ja";
  }
}

/** Whether an entry can make a card in this direction: it has a form on both faces. */
export function hasFaces(entry: GlossaryEntry, direction: CardDirection): boolean {
  return faceText(entry, direction.front) !== undefined && faceText(entry, direction.back) !== undefined;
}

/** A card's identity: the same entry studied in two directions is two cards with their own schedules. */
export function cardId(work: string, key: string, direction: CardDirection): string {
  return `${work}/${key}/${direction.front}>${direction.back}`;
}
