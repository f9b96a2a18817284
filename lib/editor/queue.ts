/**
 * The order in which the alignment editor lists units. The queue puts first
 * what most needs an editor: units readers reported, then units not yet
 * reviewed, the aligner's least confident first (a unit made by hand, with
 * no confidence, after every scored one), then the rest; the text order
 * lists them as they stand in the work, for edits that need the neighbours.
 */

export interface QueueUnit {
  /** The unit's public number (#u12). */
  number: number;
  /** The aligner's confidence in [0, 1]; null where the unit was made by hand. */
  confidence: number | null;
  reviewed: boolean;
  openReports: number;
}

export const EDITOR_ORDERS = ["queue", "text"] as const;
export type EditorOrder = (typeof EDITOR_ORDERS)[number];

/** Units a page of the editor lists. */
export const EDITOR_PAGE_SIZE = 50;

function queueRank(unit: QueueUnit): [number, number, number, number] {
  return [unit.openReports > 0 ? 0 : 1, unit.reviewed ? 1 : 0, unit.confidence ?? 2, unit.number];
}

export function orderUnits<Unit extends QueueUnit>(units: Unit[], order: EditorOrder): Unit[] {
  if (order === "text") return [...units].sort((a, b) => a.number - b.number);
  return [...units].sort((a, b) => {
    const [x, y] = [queueRank(a), queueRank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
  });
}

export function pageCount(units: number): number {
  return Math.max(1, Math.ceil(units / EDITOR_PAGE_SIZE));
}

/** The page (from 1) on which an ordered list shows a unit; 1 when it is not listed. */
export function pageOf(ordered: QueueUnit[], number: number): number {
  const index = ordered.findIndex((unit) => unit.number === number);
  return index < 0 ? 1 : Math.floor(index / EDITOR_PAGE_SIZE) + 1;
}

/**
 * The opening of a paragraph for the editor's list: up to `max` characters,
 * cut at a space where the text has spaces near there (Japanese has none).
 */
export function openingWords(text: string, max = 90): { opening: string; cut: boolean } {
  const characters = [...text];
  if (characters.length <= max) return { opening: text, cut: false };
  const head = characters.slice(0, max).join("");
  const space = head.search(/\s\S*$/);
  const opening = space > max * 0.6 ? head.slice(0, space) : head;
  return { opening: opening.replace(/[\s,;:–—-]+$/u, ""), cut: true };
}
