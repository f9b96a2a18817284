/**
 * The parallel text in the compact shape the reader's client component
 * renders from. The page carries the text twice (once as HTML, once in the
 * React payload that hydrates it), so the payload holds only the text and what
 * the first paint needs: marks and page breaks. Sentences and glossary terms,
 * which grow with the aligner's and the glossary's data, travel separately as
 * annotations that the reader fetches after the page is shown.
 */
import type { InlineMark } from "../content/inline.ts";
import type { ParagraphKind } from "../content/paragraph.ts";
import { numberPageBreaks, type PagedEdition } from "./pages.ts";

/** A paragraph: number, text and, only when present, kind (body by default) and stand-off annotations. */
export interface PayloadParagraph {
  /** The paragraph's number in its edition (#en-12). */
  n: number;
  t: string;
  k?: Exclude<ParagraphKind, "body">;
  /** Marks: [start, end, "e"] emphasis, [start, end, "c", target paragraph or 0] citation, [start, end, "u", href] URL. */
  m?: PayloadMark[];
  /** Page breaks: [offset, page number or 0 where it is not known]. */
  b?: [number, number][];
}

/** A paragraph's annotations, keyed by its anchor ("en-12") in TextAnnotations. */
export interface ParagraphAnnotations {
  /** Sentences, flattened: start, end, bead, start, end, bead, … */
  s?: number[];
  /** Glossary terms: [start, end, entry key, language tag or "" where the column's own language applies]. */
  g?: [number, number, string, string][];
}

export type TextAnnotations = Record<string, ParagraphAnnotations>;

/** The keys of the glossary entries that a text's terms open, each once. */
export function glossaryEntriesOf(annotations: TextAnnotations): Set<string> {
  return new Set(Object.values(annotations).flatMap((paragraph) => (paragraph.g ?? []).map((term) => term[2])));
}

export type PayloadMark = [number, number, "e"] | [number, number, "c", number] | [number, number, "u", string];

/** A unit: its number and, per edition in the payload's order, its paragraphs. */
export type PayloadUnit = [number, PayloadParagraph[][]];

export interface TextPayload {
  /** Edition languages in the work's order; units list paragraphs in this order. */
  editions: string[];
  units: PayloadUnit[];
}

export interface PayloadSourceParagraph {
  ordinal: number;
  kind: ParagraphKind;
  refKey: string | null;
  text: string;
  marks: InlineMark[];
  pageBreaks: { offset: number; page: number | null }[];
  sentences: { start: number; end: number; bead: number }[];
  terms: { start: number; end: number; entry: string; lang?: string | null }[];
}

export interface PayloadSource {
  editions: (PagedEdition & { language: string })[];
  units: { ordinal: number; paragraphs: Record<string, PayloadSourceParagraph[]> }[];
}

/** Builds the payload: citations resolved to the reference paragraph of the same edition, page numbers counted. */
export function buildTextPayload(source: PayloadSource): TextPayload {
  const editions = source.editions.map((edition) => edition.language);
  const pageNumbers = new Map<string, Map<number, (number | null)[]>>();
  const references = new Map<string, Map<string, number>>();
  for (const edition of source.editions) {
    const paragraphs = source.units.flatMap((unit) => unit.paragraphs[edition.language] ?? []);
    const numbers = numberPageBreaks(edition, paragraphs);
    pageNumbers.set(edition.language, new Map(paragraphs.map((paragraph, index) => [paragraph.ordinal, numbers[index]!])));
    references.set(edition.language, new Map(paragraphs.filter((paragraph) => paragraph.refKey).map((paragraph) => [paragraph.refKey!, paragraph.ordinal])));
  }

  const compact = (language: string, paragraph: PayloadSourceParagraph): PayloadParagraph => {
    const out: PayloadParagraph = { n: paragraph.ordinal, t: paragraph.text };
    if (paragraph.kind !== "body") out.k = paragraph.kind;
    if (paragraph.marks.length > 0) {
      out.m = paragraph.marks.map((mark): PayloadMark => {
        if (mark.type === "em") return [mark.start, mark.end, "e"];
        if (mark.type === "url") return [mark.start, mark.end, "u", mark.href];
        return [mark.start, mark.end, "c", references.get(language)?.get(mark.ref) ?? 0];
      });
    }
    if (paragraph.pageBreaks.length > 0) {
      const pages = pageNumbers.get(language)!.get(paragraph.ordinal)!;
      out.b = paragraph.pageBreaks.map((pageBreak, index) => [pageBreak.offset, pages[index] ?? 0]);
    }
    return out;
  };

  return {
    editions,
    units: source.units.map((unit) => [unit.ordinal, editions.map((language) => (unit.paragraphs[language] ?? []).map((paragraph) => compact(language, paragraph)))]),
  };
}

/** The sentences and glossary terms of every paragraph that has any; terms inside links are dropped (a button cannot sit in a link). */
export function buildAnnotations(source: PayloadSource): TextAnnotations {
  const annotations: TextAnnotations = {};
  for (const unit of source.units) {
    for (const [language, paragraphs] of Object.entries(unit.paragraphs)) {
      for (const paragraph of paragraphs) {
        const out: ParagraphAnnotations = {};
        if (paragraph.sentences.length > 0) out.s = paragraph.sentences.flatMap((sentence) => [sentence.start, sentence.end, sentence.bead]);
        const links = paragraph.marks.filter((mark) => mark.type !== "em");
        const terms = paragraph.terms.filter((term) => !links.some((link) => term.start < link.end && term.end > link.start));
        if (terms.length > 0) out.g = terms.map((term) => [term.start, term.end, term.entry, term.lang && term.lang !== language ? term.lang : ""]);
        if (out.s || out.g) annotations[`${language}-${paragraph.ordinal}`] = out;
      }
    }
  }
  return annotations;
}
