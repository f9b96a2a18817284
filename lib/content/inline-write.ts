import { InlineSyntaxError, parseInline, type InlineText } from "./inline.ts";

/**
 * The inverse of parseInline: writes plain text with its stand-off marks and
 * page breaks back in the edition files' inline markup, so that
 * parseInline(serializeInline(x)) equals x. The form written is the canonical
 * one: a page mark between words is "word {page 72} word", a literal
 * asterisk "\*". Text the markup cannot express (a literal "[label](ref:key)"
 * that is no citation, a "{page" that is no page mark, marks that overlap
 * in ways the syntax cannot nest) is refused with InlineSyntaxError.
 */
export function serializeInline(inline: InlineText): string {
  const { text, marks, pageBreaks } = inline;
  const opening = new Map<number, string[]>();
  const closing = new Map<number, string[]>();
  const atomic = new Map<number, { end: number; source: string }>();
  const push = (map: Map<number, string[]>, offset: number, value: string) => map.set(offset, [...(map.get(offset) ?? []), value]);

  for (const mark of marks) {
    if (mark.start < 0 || mark.end > text.length || mark.end <= mark.start) throw new InlineSyntaxError(`a ${mark.type} mark [${mark.start}, ${mark.end}) lies outside the text`, mark.start + 1);
    if (mark.type === "em") {
      push(opening, mark.start, "*");
      push(closing, mark.end, "*");
    } else if (mark.type === "cite") {
      const label = text.slice(mark.start, mark.end);
      if (!/^\[[^\]\n]+\]$/.test(label)) throw new InlineSyntaxError(`a citation's text must be "[label]", not "${label}"`, mark.start + 1);
      atomic.set(mark.start, { end: mark.end, source: `${label}(ref:${mark.ref})` });
    } else {
      if (text[mark.start - 1] !== "<" || text[mark.end] !== ">" || text.slice(mark.start, mark.end) !== mark.href) {
        throw new InlineSyntaxError(`a URL mark must cover the address between < and > and equal its href`, mark.start + 1);
      }
      // The URL is written as the text already has it, "<…>"; only its place is checked here.
    }
  }
  const breaksAt = new Map<number, (number | null)[]>();
  for (const pageBreak of pageBreaks) breaksAt.set(pageBreak.offset, [...(breaksAt.get(pageBreak.offset) ?? []), pageBreak.page]);

  let source = "";
  for (let offset = 0; offset <= text.length; ) {
    for (const marker of closing.get(offset) ?? []) source += marker;
    for (const page of breaksAt.get(offset) ?? []) {
      // Between words the mark stands with a space on each side; the text keeps one of them.
      const spaced = text[offset - 1] === " " && offset < text.length;
      source += `{page${page === null ? "" : ` ${page}`}}${spaced ? " " : ""}`;
    }
    for (const marker of opening.get(offset) ?? []) source += marker;
    if (offset === text.length) break;
    const citation = atomic.get(offset);
    if (citation) {
      source += citation.source;
      offset = citation.end;
      continue;
    }
    const char = text[offset]!;
    source += char === "*" ? "\\*" : char;
    offset += 1;
  }

  // Some texts cannot be written in this markup at all; reading the result back is the one sure test.
  const reread = parseInlineOrNull(source);
  if (!reread || !sameInline(reread, inline)) throw new InlineSyntaxError(`the text cannot be written in the edition format as it stands: ${JSON.stringify(source.slice(0, 60))}`, 1);
  return source;
}

function parseInlineOrNull(source: string): InlineText | null {
  try {
    return parseInline(source);
  } catch (error) {
    if (error instanceof InlineSyntaxError) return null;
    throw error;
  }
}

function sameInline(a: InlineText, b: InlineText): boolean {
  // Marks read back from JSON may list their keys in another order: compare them field by field.
  const order = (inline: InlineText) => ({
    text: inline.text,
    marks: inline.marks
      .map((mark) => [mark.type, mark.start, mark.end, "ref" in mark ? mark.ref : null, "href" in mark ? mark.href : null])
      .sort((x, y) => (x[1] as number) - (y[1] as number) || (y[2] as number) - (x[2] as number) || String(x[0]).localeCompare(String(y[0]))),
    pageBreaks: inline.pageBreaks.map((pageBreak) => [pageBreak.offset, pageBreak.page]),
  });
  return JSON.stringify(order(a)) === JSON.stringify(order(b));
}
