/**
 * The glossary list's filters: a category, an index key (A, А or か) and a
 * free-text query that finds an entry by any of its forms in any script
 * (хикиваке, hikiwake, ひきわけ and 引き分け alike) or by its glosses. The same
 * matching runs on the server (the form works without JavaScript) and in
 * the browser (the list filters as one types).
 */
import { indexKeys, katakanaToHiragana, scriptOfKey } from "./index-letters.ts";
import { foldForSearch } from "./language.ts";
import type { GlossaryCategory, GlossaryEntry } from "./schema.ts";

/** Text a query is matched against: the stored searchText (every form, folded) and the glosses, folded alike. */
export function filterText(searchText: string, entry: Pick<GlossaryEntry, "glossEn" | "glossRu">): string {
  return foldQuery([searchText, entry.glossEn, entry.glossRu].join(" | "));
}

/** A query or a text folded for matching: foldForSearch, and katakana read as hiragana. */
export function foldQuery(text: string): string {
  return katakanaToHiragana(foldForSearch(text)).replace(/\s+/g, " ");
}

/**
 * Whether a folded filter text holds every word of the query. Words rather
 * than the whole query, so that "treaty peace" finds "peace treaty" and
 * "ちほう そうせい" finds ちほうそうせい; an empty query matches everything.
 */
export function matchesQuery(foldedText: string, query: string): boolean {
  const words = foldQuery(query).split(" ").filter(Boolean);
  return words.every((word) => foldedText.includes(word));
}

export interface GlossaryFilter {
  category?: GlossaryCategory | undefined;
  /** An index key: a Latin letter, a Cyrillic letter, a gojūon row or the digits key. */
  letter?: string | undefined;
  query?: string | undefined;
}

export interface FilterableEntry {
  category: string;
  entry: GlossaryEntry;
  searchText: string;
}

/** Whether an entry passes the category and index filters (the query is applied separately, so that the page can hide rather than drop). */
export function inCategoryAndIndex(item: FilterableEntry, filter: GlossaryFilter): boolean {
  if (filter.category && item.category !== filter.category) return false;
  if (filter.letter) {
    const script = scriptOfKey(filter.letter);
    if (!script || !indexKeys(item.entry, script).includes(filter.letter)) return false;
  }
  return true;
}

/** Whether an entry passes every filter. */
export function passesFilter(item: FilterableEntry, filter: GlossaryFilter): boolean {
  return inCategoryAndIndex(item, filter) && matchesQuery(filterText(item.searchText, item.entry), filter.query ?? "");
}
