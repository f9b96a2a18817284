/**
 * The text of a document as extraction leaves it: pages of lines. Every
 * format (PDF, DOCX, plain text, Markdown) is brought to this shape, and the
 * cleanup (running headers and footers, page numbers, hyphenation, paragraphs
 * split by a page break) works on it alone.
 */

/** A stretch of a line or paragraph, as UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface LayoutLine {
  text: string;
  /** Italic stretches of the line. */
  em?: Span[];
  /**
   * Whether the line begins a paragraph: known for DOCX and plain text (a new
   * paragraph, or a line break inside one), null where the page geometry must
   * tell (PDF).
   */
  startsParagraph: boolean | null;
  /** A heading line: a DOCX heading style, a Markdown #, a larger PDF font. */
  heading?: boolean;
  /** PDF geometry in points; y grows upwards from the foot of the page. */
  x?: number;
  y?: number;
  width?: number;
  fontSize?: number;
}

export interface LayoutPage {
  lines: LayoutLine[];
}

/** A paragraph put together from lines, before the edition's kinds are assigned. */
export interface CleanParagraph {
  text: string;
  em: Span[];
  /** Where pages begin inside the paragraph; page null where its number is not known. */
  pageBreaks: { offset: number; page: number | null }[];
  heading: boolean;
}

const SENTENCE_END = /[.!?…:»"”)\]]$/u;

/** Whether a text ends a sentence (or a heading, a list item, a quotation). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Whether a text starts with a lower-case letter (after opening punctuation). */
export function startsLowerCase(text: string): boolean {
  const letter = /\p{L}/u.exec(text.trimStart().replace(/^[«"“„'(\[]+/u, ""));
  return letter !== null && letter.index === 0 && letter[0] !== letter[0].toUpperCase();
}
