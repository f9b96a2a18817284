/** Decks of flashcards: every entry, one category, or the terms of one section of a work (the paragraphs under one heading). */
import { GLOSSARY_CATEGORIES, type GlossaryCategory } from "./schema.ts";

/** A deck: every entry, one category, or the entries that occur in one section of a work (the paragraphs under one heading). */
export type Deck = { kind: "all" } | { kind: "category"; category: GlossaryCategory } | { kind: "section"; work: string; section: number };

export const ALL_ENTRIES: Deck = { kind: "all" };

/** A deck as a URL parameter value: all, category:person, section:streltsov-2018:3. */
export function deckParameter(deck: Deck): string {
  if (deck.kind === "all") return "all";
  if (deck.kind === "category") return `category:${deck.category}`;
  return `section:${deck.work}:${deck.section}`;
}

/** Reads a deck parameter; null when it names no deck. */
export function parseDeck(value: string): Deck | null {
  if (value === "all") return ALL_ENTRIES;
  const category = /^category:(.+)$/.exec(value)?.[1];
  if (category !== undefined) {
    return (GLOSSARY_CATEGORIES as readonly string[]).includes(category) ? { kind: "category", category: category as GlossaryCategory } : null;
  }
  const section = /^section:([a-z0-9]+(?:-[a-z0-9]+)*):(\d{1,4})$/.exec(value);
  return section ? { kind: "section", work: section[1]!, section: Number(section[2]) } : null;
}
