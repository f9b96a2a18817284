/**
 * The table of contents of a work: one entry per alignment unit that holds a
 * section heading, with the heading as each edition writes it.
 */
import type { ParagraphKind } from "../content/paragraph.ts";

export interface ContentsEntry {
  /** The unit to link to (#u12). */
  unit: number;
  /** The heading per edition language; an edition without a heading in that unit has none. */
  headings: Record<string, string>;
}

export function tableOfContents(units: readonly { ordinal: number; paragraphs: Record<string, readonly { kind: ParagraphKind; text: string }[]> }[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const unit of units) {
    const headings: Record<string, string> = {};
    for (const [language, paragraphs] of Object.entries(unit.paragraphs)) {
      const heading = paragraphs.find((paragraph) => paragraph.kind === "heading");
      if (heading) headings[language] = heading.text;
    }
    if (Object.keys(headings).length > 0) entries.push({ unit: unit.ordinal, headings });
  }
  return entries;
}
