import mammoth from "mammoth";
import { IngestError } from "./errors.ts";
import type { LayoutLine, LayoutPage, Span } from "./layout.ts";
import { readZipEntry } from "./zip.ts";

/**
 * The text of a DOCX as pages of lines (mammoth converts it to simple HTML).
 * Paragraphs and headings come from the document's structure, italics from
 * its runs, line breaks inside a paragraph become lines, and explicit page
 * breaks become pages. Word computes page numbers only when it lays the
 * document out; the number of the first page is read from the section's
 * page numbering (w:pgNumType w:start) when the document sets it.
 */
export async function docxPages(bytes: Uint8Array, file: string): Promise<{ pages: LayoutPage[]; firstPageNumber: number | null }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const documentXml = readZipEntry(bytes, "word/document.xml");
  if (!documentXml) {
    if (readZipEntry(bytes, "EncryptionInfo") || buffer.includes("EncryptedPackage", 0, "utf16le")) throw new IngestError(`${file} is an encrypted Word document; remove the password and import it again`);
    throw new IngestError(`${file} is not a Word document (no word/document.xml in the archive)`);
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: ["br[type='page'] => hr"], ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new IngestError(`${file} cannot be read as a Word document (${(error as Error).message.split("\n")[0]})`);
  }
  const start = /<w:pgNumType\b[^>]*\bw:start="(\d+)"/.exec(documentXml.toString("utf8"));
  const pages = htmlPages(html);
  if (pages.every((page) => page.lines.length === 0)) throw new IngestError(`${file} has no text`);
  return { pages, firstPageNumber: start ? Number(start[1]) : null };
}

const BLOCK = /^(p|h[1-6]|li|td|th|blockquote|caption)$/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? entity;
  });
}

/** mammoth's HTML (well formed, a handful of tags) as pages of lines. */
export function htmlPages(html: string): LayoutPage[] {
  const pages: LayoutPage[] = [{ lines: [] }];
  let line = null as (LayoutLine & { em: Span[] }) | null;
  let emphasis = 0;
  let emphasisStart = 0;
  let heading = false;
  let nextStarts = true;
  let noteDepth = 0;

  const flush = () => {
    if (line && line.text.trim() !== "") pages.at(-1)!.lines.push(line);
    line = null;
  };
  const current = () => (line ??= { text: "", em: [], startsParagraph: nextStarts, heading });

  for (const match of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, rawTag, , text] = match;
    if (text !== undefined) {
      if (noteDepth > 0) continue;
      const target = current();
      if (emphasis > 0 && target.text.length < emphasisStart) emphasisStart = target.text.length;
      target.text += decodeEntities(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    // Footnote and endnote references and the notes list: not part of the running text.
    if (tag === "sup" || (tag === "ol" && /class="?(?:foot|end)note/.test(match[0]))) {
      noteDepth += closing ? -1 : 1;
      continue;
    }
    if (tag === "em") {
      if (!closing) {
        emphasis += 1;
        emphasisStart = current().text.length;
      } else if (emphasis > 0) {
        emphasis -= 1;
        if (line && line.text.length > emphasisStart) line.em.push({ start: emphasisStart, end: line.text.length });
      }
    } else if (tag === "br") {
      flush();
      nextStarts = false;
    } else if (tag === "hr") {
      flush();
      pages.push({ lines: [] });
      nextStarts = false;
    } else if (BLOCK.test(tag)) {
      flush();
      heading = !closing && /^h[1-6]$/.test(tag);
      nextStarts = true;
    }
  }
  flush();
  return pages;
}
