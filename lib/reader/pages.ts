/**
 * Page numbers of an edition's page breaks, and the pages a paragraph spans:
 * known only where the edition says so. A break written `{page 72}` names its
 * page; an unnumbered `{page}` is one page after the previous break, which is
 * known when that one is, or counted from the edition's first page. Nothing is
 * counted for the project's own translation: its breaks, if any, are not the
 * printed edition's.
 */
import type { EditionStatus } from "../content/work-file.ts";

export interface PagedEdition {
  status: EditionStatus;
  /** The printed edition's first page, when known. */
  firstPage: number | null;
}

export interface PagedParagraph {
  text: string;
  pageBreaks: { offset: number; page: number | null }[];
}

/** The page that begins at each break of the edition, in reading order; null where it is not known. */
export function numberPageBreaks(edition: PagedEdition, paragraphs: readonly PagedParagraph[]): (number | null)[][] {
  let current = edition.status === "project-translation" ? null : edition.firstPage;
  return paragraphs.map((paragraph) =>
    paragraph.pageBreaks.map((pageBreak) => {
      if (edition.status === "project-translation") return null;
      current = pageBreak.page ?? (current === null ? null : current + 1);
      return current;
    }),
  );
}

export interface PageSpan {
  first: number;
  last: number;
}

/**
 * The pages each paragraph is printed on, or null where that is not known.
 * An edition that records no page breaks at all tells nothing about where its
 * pages turn, so its paragraphs get no page even when its first page is known.
 */
export function paragraphPages(edition: PagedEdition, paragraphs: readonly PagedParagraph[]): (PageSpan | null)[] {
  const recordsBreaks = paragraphs.some((paragraph) => paragraph.pageBreaks.length > 0);
  if (!recordsBreaks || edition.status === "project-translation") return paragraphs.map(() => null);
  const numbers = numberPageBreaks(edition, paragraphs);
  let current = edition.firstPage;
  return paragraphs.map((paragraph, index) => {
    const breaks = paragraph.pageBreaks.map((pageBreak, position) => ({ offset: pageBreak.offset, page: numbers[index]![position]! }));
    // A break at the very start opens the paragraph's page; one at the very end opens the next paragraph's.
    const opening = breaks.filter((pageBreak) => pageBreak.offset === 0).at(-1);
    if (opening) current = opening.page;
    const first = current;
    for (const pageBreak of breaks) if (pageBreak.offset > 0) current = pageBreak.page;
    const inside = breaks.filter((pageBreak) => pageBreak.offset > 0 && pageBreak.offset < paragraph.text.length);
    const last = inside.length > 0 ? inside.at(-1)!.page : first;
    return first !== null && last !== null ? { first, last } : null;
  });
}
