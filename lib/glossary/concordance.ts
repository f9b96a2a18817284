/**
 * A glossary entry's concordance: every occurrence in a window of words
 * (keyword in context), grouped by alignment unit so that the editions stand
 * side by side. Where an edition does not use the term in a unit, its
 * sentence aligned with the occurrence is shown instead: how the translation
 * rendered the passage.
 */
import { tokenize } from "./text.ts";

/** Words shown on each side of an occurrence. */
export const CONTEXT_WORDS = 8;

/** Words shown of a counterpart sentence before it is clipped. */
export const COUNTERPART_WORDS = 40;

export interface ConcordanceParagraph {
  language: string;
  /** The paragraph's number in its edition (#en-12). */
  ordinal: number;
  /** The number of its alignment unit (#u12). */
  unit: number;
  section: number;
  text: string;
  sentences: { start: number; end: number; bead: number }[];
  /** This entry's occurrences in the paragraph, by offsets into text. */
  occurrences: { start: number; end: number }[];
}

/** A stretch of text clipped from a paragraph; the flags say whether text was left out before or after it. */
export interface Excerpt {
  text: string;
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface KeywordInContext {
  paragraph: number;
  start: number;
  end: number;
  before: Excerpt;
  term: string;
  after: Excerpt;
}

export interface CounterpartSentence extends Excerpt {
  paragraph: number;
}

export interface ConcordanceCell {
  occurrences: KeywordInContext[];
  /** Only where this edition does not use the term in the unit: its sentences aligned with the occurrences. */
  counterparts: CounterpartSentence[];
}

export interface ConcordanceUnit {
  unit: number;
  section: number;
  /** One cell per edition language, in the order asked for. */
  cells: Record<string, ConcordanceCell>;
}

/** The text before an offset, from the start of the n-th word before it (or the paragraph's start). */
function wordsBefore(text: string, offset: number, count: number): Excerpt {
  const words = tokenize(text.slice(0, offset));
  const first = words.length > count ? words[words.length - count]!.start : 0;
  return { text: text.slice(first, offset), clippedStart: first > 0, clippedEnd: false };
}

/** The text after an offset, to the end of the n-th word after it (or the paragraph's end), keeping the punctuation that closes that word. */
function wordsAfter(text: string, offset: number, count: number): Excerpt {
  const rest = text.slice(offset);
  const words = tokenize(rest);
  if (words.length <= count) return { text: rest, clippedStart: false, clippedEnd: false };
  const end = words[count - 1]!.end;
  return { text: rest.slice(0, end), clippedStart: false, clippedEnd: true };
}

export function keywordInContext(text: string, start: number, end: number, words = CONTEXT_WORDS): Omit<KeywordInContext, "paragraph"> {
  return { start, end, before: wordsBefore(text, start, words), term: text.slice(start, end), after: wordsAfter(text, end, words) };
}

/** A sentence clipped to its first words. */
function clipSentence(text: string, words = COUNTERPART_WORDS): Excerpt {
  const tokens = tokenize(text);
  if (tokens.length <= words) return { text, clippedStart: false, clippedEnd: false };
  return { text: text.slice(0, tokens[words - 1]!.end), clippedStart: false, clippedEnd: true };
}

/**
 * Groups the paragraphs of the units where the entry occurs into rows, one
 * per unit in order, with a cell for each language.
 */
export function buildConcordance(paragraphs: readonly ConcordanceParagraph[], languages: readonly string[]): ConcordanceUnit[] {
  const byUnit = new Map<number, ConcordanceParagraph[]>();
  for (const paragraph of paragraphs) byUnit.set(paragraph.unit, [...(byUnit.get(paragraph.unit) ?? []), paragraph]);

  const rows: ConcordanceUnit[] = [];
  for (const [unit, unitParagraphs] of [...byUnit].sort(([a], [b]) => a - b)) {
    if (!unitParagraphs.some((paragraph) => paragraph.occurrences.length > 0)) continue;
    const ordered = [...unitParagraphs].sort((a, b) => a.ordinal - b.ordinal);
    // Beads of the sentences that hold an occurrence, in any edition.
    const beads = new Set(
      ordered.flatMap((paragraph) =>
        paragraph.sentences
          .filter((sentence) => paragraph.occurrences.some((occurrence) => occurrence.start < sentence.end && occurrence.end > sentence.start))
          .map((sentence) => sentence.bead),
      ),
    );
    const cells: Record<string, ConcordanceCell> = {};
    for (const language of languages) {
      const own = ordered.filter((paragraph) => paragraph.language === language);
      const occurrences = own.flatMap((paragraph) =>
        [...paragraph.occurrences]
          .sort((a, b) => a.start - b.start)
          .map((occurrence) => ({ paragraph: paragraph.ordinal, ...keywordInContext(paragraph.text, occurrence.start, occurrence.end) })),
      );
      const counterparts =
        occurrences.length > 0
          ? []
          : own.flatMap((paragraph) =>
              paragraph.sentences
                .filter((sentence) => beads.has(sentence.bead))
                .map((sentence) => ({ paragraph: paragraph.ordinal, ...clipSentence(paragraph.text.slice(sentence.start, sentence.end).trim()) })),
            );
      cells[language] = { occurrences, counterparts };
    }
    rows.push({ unit, section: ordered[0]!.section, cells });
  }
  return rows;
}
