import { endsSentence, type LayoutLine, type LayoutPage, type Span } from "./layout.ts";

/**
 * Plain text and Markdown as pages of lines. A form feed (what pdftotext
 * writes between pages) starts a page; a blank line starts a paragraph.
 * A text without blank lines is either one paragraph per line or hard
 * wrapped; a wrapped text marks its paragraphs by indenting or by a short
 * last line.
 */
export function textPages(text: string, format: "text" | "markdown"): LayoutPage[] {
  const pages = text.replace(/\r\n?/g, "\n").split("\f");
  const allLines = pages.flatMap((page) => page.split("\n"));
  const hasBlankLines = pages.some((page) => /\S[ \t]*\n[ \t]*\n[ \t]*\S/.test(page));
  const lengths = allLines.filter((line) => line.trim() !== "").map((line) => line.trimEnd().length);
  const longest = Math.max(0, ...lengths);
  const wrapped = !hasBlankLines && format === "text" && lengths.length >= 5 && longest <= 100;

  return pages.map((page, pageIndex) => {
    const lines: LayoutLine[] = [];
    // A later page that opens with a blank line opens a paragraph; otherwise the page-break rule tells.
    let blankBefore: boolean | null = pageIndex === 0 || /^[ \t]*\n[ \t]*\n/.test(page) ? true : null;
    for (const raw of page.split("\n")) {
      if (raw.trim() === "") {
        if (lines.length > 0) blankBefore = true;
        continue;
      }
      const previous = lines.at(-1);
      let startsParagraph: boolean | null;
      if (format === "markdown") startsParagraph = blankBefore;
      else if (hasBlankLines) startsParagraph = blankBefore || /^(\t| {2,})/.test(raw);
      else if (wrapped) startsParagraph = /^(\t| {2,})/.test(raw) || (previous ? endsSentence(previous.text) && previous.text.length < 0.8 * longest : blankBefore);
      else startsParagraph = true;
      blankBefore = false;
      lines.push(format === "markdown" ? markdownLine(raw, startsParagraph) : { text: raw.trim(), startsParagraph });
    }
    return { lines };
  });
}

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const STRUCTURE = /^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)/;

function markdownLine(raw: string, startsParagraph: boolean | null): LayoutLine {
  const heading = HEADING.exec(raw);
  if (heading) return { ...markdownInline(heading[1]!), startsParagraph: true, heading: true };
  return { ...markdownInline(raw.replace(STRUCTURE, "").trim()), startsParagraph };
}

/** Markdown's inline syntax down to text and italics: *em* and _em_ are kept, **strong**, `code` and link targets are dropped. */
export function markdownInline(source: string): { text: string; em: Span[] } {
  let text = "";
  const em: Span[] = [];
  let open: { marker: string; start: number } | null = null;
  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    const rest = source.slice(i);
    if (char === "\\" && i + 1 < source.length && /[\\`*_{}[\]()#+\-.!]/.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const link = /^\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/.exec(rest);
    if (link) {
      text += link[1];
      i += link[0].length;
      continue;
    }
    if (rest.startsWith("**") || rest.startsWith("__")) {
      i += 2;
      continue;
    }
    if (char === "`") {
      i += 1;
      continue;
    }
    // An underscore inside a word (snake_case) is a letter, not emphasis.
    const intraword = char === "_" && /\w/.test(source[i - 1] ?? "") && /\w/.test(source[i + 1] ?? "");
    if ((char === "*" || char === "_") && !intraword) {
      if (open && open.marker === char) {
        if (text.length > open.start) em.push({ start: open.start, end: text.length });
        open = null;
        i += 1;
        continue;
      }
      if (!open && /\S/.test(source[i + 1] ?? "")) {
        open = { marker: char, start: text.length };
        i += 1;
        continue;
      }
    }
    text += char;
    i += 1;
  }
  return { text, em };
}
