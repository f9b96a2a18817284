/**
 * Where a parsed query matches in a paragraph's original text, by the same
 * tokens and stems as the index, so that the marks show exactly what the
 * engine found.
 */
import type { ParsedQuery, QueryClause } from "./query.ts";
import { stemOf, tokenize, type SearchToken } from "./text.ts";

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Whether `token` has `stem`. A stem begins with its word's first letter (Snowball's English and
 * Russian stemmers change endings only), so only the words that begin as the stem does are stemmed: a page of
 * hits holds thousands of words, and stemming each of them cost the search page a millisecond and kept every
 * new word in the stem cache.
 */
function hasStem(token: SearchToken, stem: string): boolean {
  return token.form[0] === stem[0] && stemOf(token) === stem;
}

function clauseMatches(clause: QueryClause, tokens: SearchToken[]): TextRange[] {
  if (clause.kind === "prefix") {
    return tokens.filter((token) => token.form.startsWith(clause.prefix)).map(({ start, end }) => ({ start, end }));
  }
  const ranges: TextRange[] = [];
  const length = clause.words.length;
  for (let i = 0; i + length <= tokens.length; i += 1) {
    const matches = clause.words.every((word, k) => (clause.kind === "exact" ? tokens[i + k]!.form === word.form : hasStem(tokens[i + k]!, word.stem)));
    if (matches) ranges.push({ start: tokens[i]!.start, end: tokens[i + length - 1]!.end });
  }
  return ranges;
}

/** The ranges of `text` that the query's clauses match, sorted and merged where they touch or overlap. */
export function queryRanges(text: string, query: ParsedQuery): TextRange[] {
  const tokens = tokenize(text);
  return mergeRanges(query.clauses.flatMap((clause) => clauseMatches(clause, tokens)));
}

/** Sorts ranges and joins the overlapping ones. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

/** The text cut into marked and unmarked pieces, for rendering with <mark>. */
export function markPieces(text: string, ranges: readonly TextRange[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  for (const range of mergeRanges(ranges)) {
    const start = Math.max(range.start, offset);
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > offset) pieces.push({ text: text.slice(offset, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    offset = end;
  }
  if (offset < text.length) pieces.push({ text: text.slice(offset), marked: false });
  return pieces;
}
