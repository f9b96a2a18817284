/**
 * Turns a paragraph's plain text and its stand-off annotations (emphasis,
 * citations, URLs, glossary terms, sentences, …) into a tree that a renderer
 * can walk. Annotations of a higher layer enclose those of lower layers; a
 * lower annotation that crosses a higher one's boundary is split in two, so
 * the tree is always well nested. Point annotations (page breaks) sit
 * between characters.
 */

export interface RangeAnnotation<Data> {
  start: number;
  end: number;
  /** Lower layers are outermost: 0 encloses 1, which encloses 2, … */
  layer: number;
  data: Data;
}

export interface PointAnnotation<Point> {
  offset: number;
  data: Point;
}

export type InlineNode<Data, Point> =
  | { type: "text"; text: string; start: number }
  | { type: "point"; data: Point }
  | { type: "range"; data: Data; start: number; end: number; children: InlineNode<Data, Point>[] };

export function buildInlineTree<Data, Point>(
  text: string,
  ranges: RangeAnnotation<Data>[],
  points: PointAnnotation<Point>[] = [],
): InlineNode<Data, Point>[] {
  const valid = ranges
    .filter((range) => range.start < range.end && range.start >= 0 && range.end <= text.length)
    .sort((a, b) => a.layer - b.layer || a.start - b.start || b.end - a.end);
  const sortedPoints = [...points].sort((a, b) => a.offset - b.offset);
  let nextPoint = 0;

  const leaf = (start: number, end: number, nodes: InlineNode<Data, Point>[], isLast: boolean) => {
    let cursor = start;
    while (nextPoint < sortedPoints.length && (sortedPoints[nextPoint]!.offset < end || (isLast && sortedPoints[nextPoint]!.offset <= end))) {
      const point = sortedPoints[nextPoint]!;
      const at = Math.max(point.offset, cursor);
      if (at > cursor) nodes.push({ type: "text", text: text.slice(cursor, at), start: cursor });
      nodes.push({ type: "point", data: point.data });
      cursor = at;
      nextPoint += 1;
    }
    if (end > cursor) nodes.push({ type: "text", text: text.slice(cursor, end), start: cursor });
  };

  const build = (start: number, end: number, candidates: RangeAnnotation<Data>[], isLast: boolean): InlineNode<Data, Point>[] => {
    const nodes: InlineNode<Data, Point>[] = [];
    const inside = candidates.filter((range) => range.start < end && range.end > start);
    if (inside.length === 0) {
      leaf(start, end, nodes, isLast);
      return nodes;
    }
    const layer = inside[0]!.layer;
    const outer: RangeAnnotation<Data>[] = [];
    let reached = start;
    // Ranges of one layer must not overlap: a later overlapping one is clipped.
    for (const range of inside.filter((candidate) => candidate.layer === layer)) {
      const clippedStart = Math.max(range.start, reached);
      const clippedEnd = Math.min(range.end, end);
      if (clippedStart >= clippedEnd) continue;
      outer.push({ ...range, start: clippedStart, end: clippedEnd });
      reached = clippedEnd;
    }
    const lower = inside.filter((candidate) => candidate.layer !== layer);
    let cursor = start;
    for (const [index, range] of outer.entries()) {
      if (range.start > cursor) nodes.push(...build(cursor, range.start, lower, false));
      const lastHere = isLast && index === outer.length - 1 && range.end === end;
      nodes.push({ type: "range", data: range.data, start: range.start, end: range.end, children: build(range.start, range.end, lower, lastHere) });
      cursor = range.end;
    }
    if (end > cursor || (isLast && nextPoint < sortedPoints.length)) nodes.push(...build(cursor, end, lower, isLast));
    return nodes;
  };

  return build(0, text.length, valid, true);
}
