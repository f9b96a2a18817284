import { parseEditionFile } from "./edition-file.ts";
import { InlineSyntaxError, type InlineText } from "./inline.ts";
import { serializeInline } from "./inline-write.ts";
import type { ParagraphKind } from "./paragraph.ts";

/** A paragraph to write: what the database keeps of it. */
export interface ParagraphToWrite extends InlineText {
  id: number;
  kind: ParagraphKind;
  refKey: string | null;
}

/**
 * Writes an edition file (content/README.md describes the format): a header
 * line per paragraph, its text on one line, a blank line between paragraphs.
 * Given the file as it was, a paragraph that has not changed keeps its lines
 * exactly as they were written (wrapping included), so an export touches only
 * what changed.
 */
export function writeEditionFile(paragraphs: ParagraphToWrite[], previous?: string): string {
  const kept = previous === undefined ? new Map<number, string>() : unchangedBlocks(previous, paragraphs);
  return paragraphs
    .map((paragraph) => kept.get(paragraph.id) ?? `${header(paragraph)}\n${serializeParagraph(paragraph)}`)
    .join("\n\n")
    .concat("\n");
}

function serializeParagraph(paragraph: ParagraphToWrite): string {
  try {
    return serializeInline(paragraph);
  } catch (error) {
    if (!(error instanceof InlineSyntaxError)) throw error;
    throw new InlineSyntaxError(`paragraph ${paragraph.id}: ${error.message}`, error.column);
  }
}

function header(paragraph: ParagraphToWrite): string {
  return `[${paragraph.id} ${paragraph.kind}${paragraph.refKey ? ` ${paragraph.refKey}` : ""}]`;
}

/** The raw blocks of the previous file whose paragraphs read exactly as the ones to write. */
function unchangedBlocks(previous: string, paragraphs: ParagraphToWrite[]): Map<number, string> {
  const { paragraphs: parsed, issues } = parseEditionFile(previous, "previous");
  const kept = new Map<number, string>();
  if (issues.length > 0) return kept;
  const lines = previous.replace(/^\uFEFF/, "").split(/\r?\n/);
  const wanted = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  for (const old of parsed) {
    const next = wanted.get(old.id);
    if (!next || next.kind !== old.kind || next.refKey !== old.refKey || !sameText(next, old)) continue;
    let end = old.line - 1;
    while (end < lines.length && lines[end]!.trim() !== "") end += 1;
    kept.set(old.id, lines.slice(old.line - 1, end).join("\n"));
  }
  return kept;
}

function sameText(a: InlineText, b: InlineText): boolean {
  const canonical = (inline: InlineText) =>
    JSON.stringify([
      inline.text,
      inline.marks.map((mark) => [mark.type, mark.start, mark.end, "ref" in mark ? mark.ref : null, "href" in mark ? mark.href : null]),
      inline.pageBreaks.map((pageBreak) => [pageBreak.offset, pageBreak.page]),
    ]);
  return canonical(a) === canonical(b);
}

/** Writes alignment.tsv: one unit per line, the paragraph ids of each edition or "-". */
export function writeAlignmentFile(languages: string[], units: Record<string, number[]>[]): string {
  const rows = units.map((unit, index) => [String(index + 1), ...languages.map((language) => (unit[language]?.length ? unit[language]!.join(",") : "-"))].join("\t"));
  return `${["unit", ...languages].join("\t")}\n${rows.map((row) => `${row}\n`).join("")}`;
}
