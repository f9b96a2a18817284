import { getDocumentProxy } from "unpdf";
import { IngestError } from "./errors.ts";
import type { LayoutLine, LayoutPage } from "./layout.ts";

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/**
 * The text of a PDF as pages of positioned lines (pdf.js through unpdf).
 * Items on one baseline make a line; a gap wider than a fifth of the font
 * size between two items is a space the PDF did not write.
 */
export async function pdfPages(bytes: Uint8Array, file: string, onPage?: (done: number, total: number) => void): Promise<LayoutPage[]> {
  let document;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw new IngestError(`${file} is an encrypted PDF; remove the password and import it again`);
    throw new IngestError(`${file} cannot be read as a PDF (${(error as Error).message.split("\n")[0]})`);
  }
  try {
    const pages: LayoutPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push({ lines: linesOf(content.items.filter((item) => "str" in item) as TextItem[]) });
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    if (pages.every((page) => page.lines.length === 0)) throw new IngestError(`${file} has no text layer (a scan?); run it through OCR first`);
    return pages;
  } finally {
    await document.loadingTask.destroy();
  }
}

function linesOf(items: TextItem[]): LayoutLine[] {
  const rows: { y: number; size: number; parts: { x: number; end: number; text: string }[] }[] = [];
  for (const item of items) {
    if (item.str === "") continue;
    const [scaleX, , , scaleY, x, y] = item.transform as [number, number, number, number, number, number];
    const size = Math.abs(scaleY) || Math.abs(scaleX);
    const row = rows.find((candidate) => Math.abs(candidate.y - y) < size * 0.4);
    const part = { x, end: x + item.width, text: item.str };
    if (row) {
      row.parts.push(part);
      row.size = Math.max(row.size, size);
    } else rows.push({ y, size, parts: [part] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((row) => {
      const parts = row.parts.sort((a, b) => a.x - b.x);
      let text = "";
      let end = parts[0]!.x;
      for (const part of parts) {
        if (text !== "" && !/\s$/.test(text) && !/^\s/.test(part.text) && part.x - end > row.size * 0.2) text += " ";
        text += part.text;
        end = part.end;
      }
      const line = text.replace(/\s+/g, " ").trim();
      return { text: line, x: parts[0]!.x, y: row.y, width: end - parts[0]!.x, fontSize: row.size, startsParagraph: null };
    })
    .filter((line) => line.text !== "");
}
