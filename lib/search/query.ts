/**
 * A search query as a reader types it, parsed into clauses that every
 * engine can run and the highlighter can mark:
 *
 * - a word matches every form of it: санкции finds санкций and санкциями,
 *   relation finds relations (Snowball stems);
 * - a word joined by punctuation (Russian-Japanese, U.S.) or written in
 *   Chinese characters or kana (引き分け) matches as a phrase of its parts;
 * - "a quoted phrase" («…», “…”, „…“, 「…」 too) matches those exact word
 *   forms in that order, still ignoring case, diacritics and punctuation;
 * - a word ending in * matches every word that begins with it, and so does
 *   the last word while the reader is still typing.
 *
 * Every clause must match (AND).
 */
import { stemOf, tokenize, type SearchToken } from "./text.ts";

export interface QueryWord {
  /** The folded form (lib/search/text.ts). */
  form: string;
  stem: string;
}

export type QueryClause =
  /** One word or a run of words that must stand together, each matched by stem. */
  | { kind: "stems"; words: QueryWord[] }
  /** A quoted phrase: these exact forms, in this order. */
  | { kind: "exact"; words: QueryWord[] }
  /** Every word beginning with `prefix`. */
  | { kind: "prefix"; prefix: string };

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The query's words in their order, quotes and stars removed: what the glossary is looked up by. */
  text: string;
}

export const MAX_QUERY_LENGTH = 200;
/** A prefix shorter than this matches too much to be useful; it is searched as a whole word. */
export const MIN_PREFIX_LENGTH = 2;

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', "“": "”", "„": "“", "«": "»", "「": "」", "『": "』", "”": "”" };

interface Chunk {
  text: string;
  quoted: boolean;
  /** The chunk ends at the end of the input with no space after it: the reader may still be typing it. */
  open: boolean;
}

/** Splits the input into quoted phrases and space-separated chunks; an unclosed quote runs to the end. */
function chunks(input: string): Chunk[] {
  const result: Chunk[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/u.test(char)) {
      i += 1;
      continue;
    }
    const closing = QUOTE_PAIRS[char];
    if (closing !== undefined) {
      const end = input.indexOf(closing, i + 1);
      const stop = end === -1 ? input.length : end;
      result.push({ text: input.slice(i + 1, stop), quoted: true, open: false });
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!) && QUOTE_PAIRS[input[end]!] === undefined) end += 1;
    result.push({ text: input.slice(i, end), quoted: false, open: end === input.length });
    i = end;
  }
  return result;
}

const word = (token: SearchToken): QueryWord => ({ form: token.form, stem: stemOf(token) });

/**
 * Parses a query. With `typing`, the last word, if nothing follows it, is a
 * prefix (what the suggestions ask for while the reader types).
 */
export function parseQuery(input: string, options: { typing?: boolean } = {}): ParsedQuery {
  const clauses: QueryClause[] = [];
  const words: string[] = [];
  for (const chunk of chunks(input.slice(0, MAX_QUERY_LENGTH))) {
    const tokens = tokenize(chunk.text);
    if (tokens.length === 0) continue;
    words.push(...tokens.map((token) => chunk.text.slice(token.start, token.end)));
    if (chunk.quoted) {
      clauses.push({ kind: "exact", words: tokens.map(word) });
      continue;
    }
    const last = tokens.at(-1)!;
    const starred = chunk.text.slice(last.end).startsWith("*");
    const prefix = (starred || (options.typing && chunk.open && last.end === chunk.text.length)) && last.script !== "cjk";
    if (prefix && last.form.length >= MIN_PREFIX_LENGTH) {
      if (tokens.length > 1) clauses.push({ kind: "stems", words: tokens.slice(0, -1).map(word) });
      clauses.push({ kind: "prefix", prefix: last.form });
    } else {
      clauses.push({ kind: "stems", words: tokens.map(word) });
    }
  }
  return { clauses: dedupe(clauses), text: words.join(" ") };
}

function dedupe(clauses: QueryClause[]): QueryClause[] {
  const seen = new Set<string>();
  return clauses.filter((clause) => {
    const key = JSON.stringify(clause);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0;
}
