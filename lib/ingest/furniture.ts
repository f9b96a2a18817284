import type { LayoutLine, LayoutPage } from "./layout.ts";

/**
 * Page furniture: running headers and footers and page numbers, which
 * extraction leaves among the text. They are recognised by repetition at the
 * top or foot of the pages; the page numbers they carry are read off, so that
 * the edition's page breaks get their numbers.
 */

/** Lines examined at each edge of a page. */
const EDGE = 2;

const BARE_NUMBER = /^[\s\-–—.]*(\d{1,4})[\s\-–—.]*$/;
const NUMBER = /\d{1,4}/g;

export interface RemovedLine {
  /** Index of the page, from 0. */
  page: number;
  text: string;
  reason: "running-header" | "page-number";
}

export interface PageFurniture {
  pages: LayoutPage[];
  /** The printed number of each page, null where it cannot be told. */
  pageNumbers: (number | null)[];
  /** Whether the numbers were read off the pages (as opposed to unknown). */
  numbersRecovered: boolean;
  removed: RemovedLine[];
}

interface EdgeLine {
  page: number;
  index: number;
  zone: "top" | "bottom";
  line: LayoutLine;
}

/** A line with its digits blanked out: a running header that carries the page number repeats in this form. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

function edgeLines(pages: LayoutPage[]): EdgeLine[] {
  return pages.flatMap((page, pageIndex) => {
    const count = page.lines.length;
    return page.lines.flatMap((line, index) => {
      if (index >= EDGE && index < count - EDGE) return [];
      // On a short page a line may be near both edges: it counts for the nearer one.
      const zone = index < EDGE && (count > 2 * EDGE || index < count / 2) ? "top" : "bottom";
      return [{ page: pageIndex, index, zone, line } satisfies EdgeLine];
    });
  });
}

/**
 * Finds and removes running headers, footers and bare page numbers, and
 * reads the page numbers: the numbering is the offset between a page's
 * position and the numbers printed at its edges that most pages agree on.
 */
export function removePageFurniture(pages: LayoutPage[]): PageFurniture {
  const edges = edgeLines(pages);
  const minimumRepeats = Math.max(2, Math.ceil(pages.length / 3));

  // A running header: the same shape at the same edge on many pages (odd and even pages may differ).
  const pagesOfShape = new Map<string, Set<number>>();
  for (const edge of edges) {
    // Bare numbers are told by their value, below.
    if (shape(edge.line.text) === "#") continue;
    const key = `${edge.zone} ${shape(edge.line.text)}`;
    const seen = pagesOfShape.get(key) ?? new Set<number>();
    seen.add(edge.page);
    pagesOfShape.set(key, seen);
  }
  const isRunning = (edge: EdgeLine) => (pagesOfShape.get(`${edge.zone} ${shape(edge.line.text)}`)?.size ?? 0) >= minimumRepeats;
  const isBareNumber = (edge: EdgeLine) => BARE_NUMBER.test(edge.line.text);
  const furniture = edges.filter((edge) => isRunning(edge) || isBareNumber(edge));

  // Page numbers: the offset (printed number − page position) that the most pages support.
  const votes = new Map<number, Set<number>>();
  for (const edge of furniture) {
    for (const match of edge.line.text.matchAll(NUMBER)) {
      const offset = Number(match[0]) - edge.page;
      const pagesVoting = votes.get(offset) ?? new Set<number>();
      pagesVoting.add(edge.page);
      votes.set(offset, pagesVoting);
    }
  }
  let best: { offset: number; pages: number } | null = null;
  for (const [offset, voters] of votes) {
    if (!best || voters.size > best.pages || (voters.size === best.pages && offset < best.offset)) best = { offset, pages: voters.size };
  }
  // Enough agreement: two pages at least (one for a one-page text), and a third of the pages; the first page is page 1 or later.
  const numbersRecovered = best !== null && best.pages >= Math.min(2, pages.length) && best.pages * 3 >= pages.length && best.offset >= 1;
  const pageNumbers = pages.map((_, index) => (numbersRecovered ? index + best!.offset : null));

  // A bare number is furniture when it is the page's number, or sits at the very edge of the page.
  const removedKeys = new Set<string>();
  const removed: RemovedLine[] = [];
  for (const edge of furniture) {
    const lines = pages[edge.page]!.lines;
    const outermost = edge.index === 0 || edge.index === lines.length - 1;
    const running = isRunning(edge);
    const number = BARE_NUMBER.exec(edge.line.text)?.[1];
    const pageNumber = number !== undefined && (pageNumbers[edge.page] === Number(number) || (!numbersRecovered && outermost));
    if (!running && !pageNumber) continue;
    removedKeys.add(`${edge.page} ${edge.index}`);
    removed.push({ page: edge.page, text: edge.line.text, reason: running ? "running-header" : "page-number" });
  }
  return {
    pages: pages.map((page, pageIndex) => ({ lines: page.lines.filter((_, index) => !removedKeys.has(`${pageIndex} ${index}`)) })),
    pageNumbers,
    numbersRecovered,
    removed: removed.sort((a, b) => a.page - b.page),
  };
}
