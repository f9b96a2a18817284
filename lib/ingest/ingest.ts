import { docxPages } from "./docx.ts";
import { removePageFurniture, type RemovedLine } from "./furniture.ts";
import { decodeText, detectFormat, type InputFormat } from "./input.ts";
import type { CleanParagraph, LayoutLine, LayoutPage } from "./layout.ts";
import { assembleParagraphs, type HyphenRepair } from "./paragraphs.ts";
import { pdfPages } from "./pdf.ts";
import { findMixedScripts, type MixedScriptToken } from "./scripts.ts";
import { textPages } from "./text-input.ts";

/** A document brought in and cleaned, ready to be aligned and stored as an edition. */
export interface IngestedDocument {
  format: InputFormat;
  paragraphs: CleanParagraph[];
  pages: {
    count: number;
    /** Printed number of each page, where recovered. */
    numbers: (number | null)[];
    recovered: boolean;
    /** The first and last printed page, where known. */
    first: number | null;
    last: number | null;
  };
  /** Running headers, footers and page numbers taken out of the text. */
  removed: RemovedLine[];
  hyphens: HyphenRepair[];
  joinedAcrossPages: number;
  mixedScripts: MixedScriptToken[];
}

export interface IngestOptions {
  /** The file's name, for messages and to tell plain text from Markdown. */
  file: string;
  /** Texts whose words count as known words when rejoining hyphenated ones (the edition being replaced, the glossary). */
  knownTexts?: string[];
  /** Progress of the slow part (reading PDF pages). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads a file of any supported format and cleans what extraction broke. Throws IngestError for input it refuses. */
export async function ingestDocument(bytes: Uint8Array, options: IngestOptions): Promise<IngestedDocument> {
  const format = detectFormat(bytes, options.file);
  if (format === "pdf") return { format, ...cleanPages(await pdfPages(bytes, options.file, options.onProgress), options) };
  if (format === "docx") {
    const { pages, firstPageNumber } = await docxPages(bytes, options.file);
    return { format, ...cleanPages(pages, { ...options, firstPageNumber }) };
  }
  return { format, ...cleanPages(textPages(decodeText(bytes, options.file), format), options) };
}

/**
 * The cleanup proper, on pages of lines from any format: page furniture
 * out (page numbers read off it), paragraphs put together, hyphenated words
 * rejoined, mixed-script words flagged.
 */
export function cleanPages(
  pages: LayoutPage[],
  options: { knownTexts?: string[]; firstPageNumber?: number | null } = {},
): Omit<IngestedDocument, "format"> {
  const normalised = pages.map((page) => ({ lines: page.lines.map(collapseSpaces).filter((line) => line.text !== "") }));
  const furniture = removePageFurniture(normalised);
  let numbers = furniture.pageNumbers;
  let recovered = furniture.numbersRecovered;
  // A DOCX says where its numbering starts; with explicit page breaks that numbers every page.
  if (!recovered && options.firstPageNumber != null) {
    numbers = pages.map((_, index) => options.firstPageNumber! + index);
    recovered = true;
  }
  const assembly = assembleParagraphs(furniture.pages, numbers, options.knownTexts ?? []);
  const paragraphs = assembly.paragraphs.filter((paragraph) => paragraph.text !== "");
  const known = numbers.filter((number): number is number => number !== null);
  return {
    paragraphs,
    pages: { count: pages.length, numbers, recovered, first: known[0] ?? null, last: known.at(-1) ?? null },
    removed: furniture.removed,
    hyphens: assembly.hyphens,
    joinedAcrossPages: assembly.joinedAcrossPages,
    mixedScripts: findMixedScripts(paragraphs.map((paragraph) => paragraph.text)),
  };
}

/** Runs of spaces and tabs become one space, and the line is trimmed; italic stretches follow the text. */
function collapseSpaces(line: LayoutLine): LayoutLine {
  if (!/[ \t]{2}|\t|^[ \t]|[ \t]$/.test(line.text)) return line;
  const map: number[] = [];
  let text = "";
  for (let i = 0; i < line.text.length; i += 1) {
    map.push(text.length);
    const char = line.text[i]!;
    if (char === " " || char === "\t") {
      if (text === "" || text.endsWith(" ")) continue;
      text += " ";
    } else text += char;
  }
  map.push(text.length);
  const trimmed = text.trimEnd();
  const clamp = (offset: number) => Math.min(offset, trimmed.length);
  const em = (line.em ?? []).map((span) => ({ start: clamp(map[span.start]!), end: clamp(map[span.end]!) })).filter((span) => span.end > span.start);
  return { ...line, text: trimmed, em };
}
