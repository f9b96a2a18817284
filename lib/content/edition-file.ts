import type { ContentIssue } from "./errors.ts";
import { InlineSyntaxError, parseInline, type InlineText } from "./inline.ts";
import { isParagraphKind, PARAGRAPH_KINDS, type ParagraphKind } from "./paragraph.ts";

/** A paragraph as read from an edition file. */
export interface SourceParagraph extends InlineText {
  /** The paragraph id from its header; ids run 1, 2, 3, … in file order. */
  id: number;
  kind: ParagraphKind;
  refKey: string | null;
  /** 0 for the front matter, n for the part opened by the n-th heading. */
  section: number;
  /** Line of the header in the file, for error messages. */
  line: number;
  /** The paragraph's text as written in the file, markup included. */
  source: string;
}

const HEADER = /^\[(\d+) ([a-z]+)(?: ([a-z0-9][a-z0-9-]*))?\]$/;

/**
 * Reads an edition file (content/README.md describes the format). Returns the
 * paragraphs and every problem found; the caller decides whether to throw.
 */
export function parseEditionFile(source: string, file: string): { paragraphs: SourceParagraph[]; issues: ContentIssue[] } {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const paragraphs: SourceParagraph[] = [];
  const issues: ContentIssue[] = [];
  const refKeys = new Map<string, number>();
  let section = 0;

  for (let start = 0; start < lines.length; ) {
    if (lines[start]!.trim() === "") {
      start += 1;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== "") end += 1;

    const lineNumber = start + 1;
    const header = HEADER.exec(lines[start]!.trim());
    const body = lines.slice(start + 1, end).map((line) => line.trim());
    start = end;

    if (!header) {
      issues.push({ file, line: lineNumber, message: `expected a paragraph header such as "[12 body]", found "${truncate(lines[lineNumber - 1]!)}"` });
      continue;
    }
    const [, idText, kindText, refKey] = header;
    const id = Number(idText);
    const expectedId = (paragraphs.at(-1)?.id ?? 0) + 1;
    if (id !== expectedId) issues.push({ file, line: lineNumber, message: `paragraph id ${id} should be ${expectedId}: ids run 1, 2, 3, … in file order` });
    if (!isParagraphKind(kindText!)) {
      issues.push({ file, line: lineNumber, message: `unknown paragraph kind "${kindText}"; use one of ${PARAGRAPH_KINDS.join(", ")}` });
      continue;
    }
    if (refKey && kindText !== "reference") issues.push({ file, line: lineNumber, message: `only a reference paragraph carries a key ("${refKey}")` });
    if (refKey) {
      const first = refKeys.get(refKey);
      if (first) issues.push({ file, line: lineNumber, message: `reference key "${refKey}" is already used at line ${first}` });
      else refKeys.set(refKey, lineNumber);
    }
    if (body.length === 0) {
      issues.push({ file, line: lineNumber, message: `paragraph ${id} has no text` });
      continue;
    }

    const text = body.join(" ");
    let inline: InlineText;
    try {
      inline = parseInline(text);
    } catch (error) {
      if (!(error instanceof InlineSyntaxError)) throw error;
      issues.push({ file, line: lineOfColumn(body, error.column) + lineNumber, message: error.message });
      continue;
    }
    if (kindText === "heading") section += 1;
    paragraphs.push({ id, kind: kindText, refKey: refKey ?? null, section, line: lineNumber, source: text, ...inline });
  }

  for (const paragraph of paragraphs) {
    for (const mark of paragraph.marks) {
      if (mark.type === "cite" && !refKeys.has(mark.ref)) {
        issues.push({ file, line: paragraph.line, message: `citation ${paragraph.text.slice(mark.start, mark.end)} points to "${mark.ref}", which no reference paragraph has as its key` });
      }
    }
  }
  return { paragraphs, issues };
}

/** Which line of a paragraph's body (1-based, after the header) holds a column of the joined text. */
function lineOfColumn(body: string[], column: number): number {
  let offset = 0;
  for (const [index, line] of body.entries()) {
    offset += line.length + 1;
    if (column <= offset) return index + 1;
  }
  return body.length;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
