import { decideLineEndHyphen, DocumentWords, leadingWord, LINE_END_HYPHEN, LINE_END_SOFT_HYPHEN } from "./hyphenation.ts";
import { endsSentence, startsLowerCase, type CleanParagraph, type LayoutLine, type LayoutPage } from "./layout.ts";

/**
 * Puts lines together into paragraphs: tells where a paragraph begins (from
 * the format, or from indentation, spacing and font size on a PDF page),
 * rejoins words hyphenated at line ends and paragraphs that a page break
 * split, and records where each page begins.
 */

export interface HyphenRepair {
  /** The word as printed across the line end ("отно-|шения"). */
  printed: string;
  /** The word as it now reads. */
  result: string;
  decision: "join" | "keep";
}

export interface Assembly {
  paragraphs: CleanParagraph[];
  hyphens: HyphenRepair[];
  /** Paragraphs that go on across a page break, joined again where extraction had split them. */
  joinedAcrossPages: number;
}

interface Geometry {
  bodySize: number;
  lineSpacing: number;
  /** Left edge of the text on each page. */
  margins: number[];
  maxWidth: number;
  /** Whether the document marks paragraphs by indenting their first line. */
  indents: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
};

function measure(pages: LayoutPage[]): Geometry | null {
  const placed = pages.flatMap((page) => page.lines.filter((line) => line.x !== undefined && line.y !== undefined && line.fontSize !== undefined));
  if (placed.length === 0) return null;
  // The body's font size: the size that carries the most characters.
  const characters = new Map<number, number>();
  for (const line of placed) characters.set(Math.round(line.fontSize! * 2) / 2, (characters.get(Math.round(line.fontSize! * 2) / 2) ?? 0) + line.text.length);
  const bodySize = [...characters].sort((a, b) => b[1] - a[1])[0]![0];
  const isBody = (line: LayoutLine) => Math.abs(line.fontSize! - bodySize) < 0.75;
  const gaps: number[] = [];
  const margins = pages.map((page) => {
    const body = page.lines.filter((line) => line.x !== undefined && isBody(line));
    for (let i = 1; i < body.length; i += 1) {
      const gap = body[i - 1]!.y! - body[i]!.y!;
      if (gap > 0) gaps.push(gap);
    }
    return body.length > 0 ? Math.min(...body.map((line) => line.x!)) : 0;
  });
  const maxWidth = Math.max(...placed.filter(isBody).map((line) => line.width ?? 0));
  const indents = pages.some((page, index) =>
    page.lines.some((line) => line.x !== undefined && isBody(line) && line.x - margins[index]! > 0.6 * bodySize && line.x - margins[index]! < 6 * bodySize),
  );
  return { bodySize, lineSpacing: median(gaps) || bodySize * 1.2, margins, maxWidth, indents };
}

/** Marks heading lines (a larger font than the body's) and tells where PDF paragraphs begin. */
function classify(pages: LayoutPage[]): { pages: LayoutPage[]; geometry: Geometry | null } {
  const geometry = measure(pages);
  if (!geometry) return { pages, geometry };
  const { bodySize, lineSpacing, margins, maxWidth, indents } = geometry;
  return {
    geometry,
    pages: pages.map((page, pageIndex) => ({
      lines: page.lines.map((line, index, lines) => {
        if (line.startsParagraph !== null || line.x === undefined) return line;
        const heading = line.heading ?? (line.fontSize ?? bodySize) > bodySize * 1.15;
        const previous = lines[index - 1];
        if (!previous) return { ...line, heading, startsParagraph: null };
        const previousHeading = previous.heading ?? (previous.fontSize ?? bodySize) > bodySize * 1.15;
        const indent = line.x - margins[pageIndex]!;
        const gap = previous.y! - line.y!;
        const starts =
          heading !== previousHeading ||
          (!heading && indent > 0.6 * bodySize && indent < 6 * bodySize) ||
          gap > 1.5 * lineSpacing ||
          (!indents && endsSentence(previous.text) && (previous.width ?? maxWidth) < 0.85 * maxWidth);
        return { ...line, heading, startsParagraph: starts };
      }),
    })),
  };
}

/** Whether the first line of a page begins a paragraph, by its indentation where the document indents. */
function startsPageParagraph(line: LayoutLine, pageIndex: number, geometry: Geometry | null): boolean | null {
  if (line.startsParagraph !== null) return line.startsParagraph;
  if (!geometry || line.x === undefined || !geometry.indents) return null;
  const indent = line.x - geometry.margins[pageIndex]!;
  return indent > 0.6 * geometry.bodySize && indent < 6 * geometry.bodySize;
}

/** The words of the document, leaving out the halves of words broken at line ends. */
function documentWords(pages: LayoutPage[], extra: Iterable<string>): DocumentWords {
  const words = new DocumentWords(extra);
  let brokenBefore = false;
  for (const page of pages) {
    for (const line of page.lines) {
      let text = line.text;
      if (brokenBefore) text = text.trimStart().slice(leadingWord(text).length);
      brokenBefore = LINE_END_HYPHEN.test(text) || LINE_END_SOFT_HYPHEN.test(text);
      words.add(brokenBefore ? text.replace(/\p{L}+[-‐\u00AD¬]$/u, "") : text);
    }
  }
  return words;
}

/**
 * Assembles paragraphs from the pages (furniture already removed).
 * `pageNumbers[i]` is the printed number of page i; `extraWords` are texts
 * whose words also count as known (the edition being replaced, the glossary).
 */
export function assembleParagraphs(pages: LayoutPage[], pageNumbers: (number | null)[], extraWords: Iterable<string> = []): Assembly {
  const { pages: classified, geometry } = classify(pages);
  const words = documentWords(classified, extraWords);
  const paragraphs: CleanParagraph[] = [];
  const hyphens: HyphenRepair[] = [];
  let joinedAcrossPages = 0;
  let current: CleanParagraph | null = null;

  const append = (line: LayoutLine, pageBreak: number | null | undefined) => {
    const paragraph = current!;
    const text = line.text.trim();
    const soft = LINE_END_SOFT_HYPHEN.exec(paragraph.text);
    const hard = LINE_END_HYPHEN.exec(paragraph.text);
    const right = leadingWord(text);
    if (soft) {
      paragraph.text = paragraph.text.slice(0, -1);
    } else if (hard && right) {
      const decision = decideLineEndHyphen(hard[1]!, right, words);
      if (decision === "join") paragraph.text = paragraph.text.slice(0, -1);
      const fragment = hard[1]!.split(/[-‐]/).at(-1)!;
      hyphens.push({ printed: `${fragment}-|${right}`, result: decision === "join" ? `${fragment}${right}` : `${fragment}-${right}`, decision });
    } else {
      paragraph.text += " ";
    }
    const offset = paragraph.text.length;
    if (pageBreak !== undefined) paragraph.pageBreaks.push({ offset, page: pageBreak });
    paragraph.text += text;
    paragraph.em.push(...shiftSpans(line, offset));
  };

  const open = (line: LayoutLine, pageBreak: number | null | undefined) => {
    if (current) paragraphs.push(current);
    const text = line.text.trim();
    current = { text, em: shiftSpans(line, 0), pageBreaks: pageBreak !== undefined ? [{ offset: 0, page: pageBreak }] : [], heading: line.heading ?? false };
  };

  classified.forEach((page, pageIndex) => {
    page.lines.forEach((line, index) => {
      if (line.text.trim() === "") return;
      // The first page's number is the edition's first page, not a break inside the text.
      const pageBreak = index === 0 && pageIndex > 0 ? (pageNumbers[pageIndex] ?? null) : undefined;
      const paragraph = current as CleanParagraph | null;
      if (!paragraph) return open(line, pageBreak);
      const sameKind = (line.heading ?? false) === paragraph.heading;
      if (index === 0) {
        const starts = startsPageParagraph(line, pageIndex, geometry);
        const broken = LINE_END_HYPHEN.test(paragraph.text) || LINE_END_SOFT_HYPHEN.test(paragraph.text);
        // A paragraph split by the page break: it does not end a sentence, and the next page goes on in lower case.
        const continues = sameKind && (starts === false || (!endsSentence(paragraph.text) && startsLowerCase(line.text)) || (broken && startsLowerCase(line.text)));
        if (continues) joinedAcrossPages += 1;
        return continues ? append(line, pageBreak) : open(line, pageBreak);
      }
      return line.startsParagraph === false && sameKind ? append(line, pageBreak) : open(line, pageBreak);
    });
  });
  if (current) paragraphs.push(current);
  return { paragraphs, hyphens, joinedAcrossPages };
}

function shiftSpans(line: LayoutLine, offset: number) {
  const leading = line.text.length - line.text.trimStart().length;
  return (line.em ?? []).map((span) => ({ start: span.start - leading + offset, end: span.end - leading + offset })).filter((span) => span.end > span.start);
}
