/**
 * The small inline markup of edition files (see content/README.md):
 * *emphasis*, \* for a literal asterisk, [label](ref:key) citations,
 * <http(s)://…> URLs, and {page} / {page N} page marks.
 * Parsing yields plain text plus stand-off marks, so no markup can ever
 * reach the page as HTML.
 */

export type InlineMark =
  | { type: "em"; start: number; end: number }
  | { type: "cite"; start: number; end: number; ref: string }
  | { type: "url"; start: number; end: number; href: string };

export type PageBreak = {
  /** Offset in the plain text where the new page begins. */
  offset: number;
  /** The number of the page that begins here, or null where it is not known. */
  page: number | null;
};

export interface InlineText {
  text: string;
  marks: InlineMark[];
  pageBreaks: PageBreak[];
}

export class InlineSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = "InlineSyntaxError";
  }
}

const CITATION = /^\[([^\]\n]+)\]\(ref:([a-z0-9][a-z0-9-]*)\)/;
const PAGE_MARK = /^\{page(?: (\d+))?\}/;
const URL = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/i;

export function parseInline(source: string): InlineText {
  let text = "";
  const marks: InlineMark[] = [];
  const pageBreaks: PageBreak[] = [];
  let emphasisStart: number | null = null;
  let emphasisColumn = 0;

  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    const rest = source.slice(i);

    if (char === "\\" && source[i + 1] === "*") {
      text += "*";
      i += 2;
      continue;
    }
    if (char === "*") {
      if (emphasisStart === null) {
        emphasisStart = text.length;
        emphasisColumn = i + 1;
      } else {
        if (emphasisStart === text.length) throw new InlineSyntaxError("empty emphasis '**'", i + 1);
        marks.push({ type: "em", start: emphasisStart, end: text.length });
        emphasisStart = null;
      }
      i += 1;
      continue;
    }
    if (char === "[") {
      const citation = CITATION.exec(rest);
      if (citation) {
        const label = `[${citation[1]}]`;
        marks.push({ type: "cite", start: text.length, end: text.length + label.length, ref: citation[2]! });
        text += label;
        i += citation[0].length;
        continue;
      }
    }
    if (char === "{") {
      const mark = PAGE_MARK.exec(rest);
      if (mark) {
        // "word {page} word" keeps a single space; "wo{page}rd" joins the word.
        const spaced = text.endsWith(" ") && source[i + mark[0].length] === " ";
        pageBreaks.push({ offset: text.length, page: mark[1] ? Number(mark[1]) : null });
        i += mark[0].length + (spaced ? 1 : 0);
        continue;
      }
      if (rest.startsWith("{page")) throw new InlineSyntaxError("malformed page mark: write {page} or {page 72}", i + 1);
    }
    if (char === "<") {
      const url = URL.exec(rest);
      if (url) {
        const target = url[1]!;
        text += "<";
        if (/^https?:\/\//i.test(target)) {
          marks.push({ type: "url", start: text.length, end: text.length + target.length, href: target });
        }
        text += `${target}>`;
        i += url[0].length;
        continue;
      }
    }
    text += char;
    i += 1;
  }

  if (emphasisStart !== null) throw new InlineSyntaxError("emphasis opened with '*' is never closed", emphasisColumn);
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, marks, pageBreaks };
}
