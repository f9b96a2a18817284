/** The numbered links of a pager over many pages. */

/** A page to link, or a gap after a page, before one that is not its neighbour. */
export type PagerItem = { page: number } | { gapAfter: number };

/**
 * The pages a pager links: the first and the last, and those within `around`
 * of the current one, in order, with a gap wherever pages are left out (a
 * single left-out page is linked instead, as its gap would take as much room).
 */
export function pagerItems(current: number, last: number, around = 2): PagerItem[] {
  if (last < 1) return [];
  const at = Math.min(Math.max(current, 1), last);
  const pages = [...new Set([1, ...Array.from({ length: 2 * around + 1 }, (_, i) => at - around + i), last])].filter((page) => page >= 1 && page <= last).sort((a, b) => a - b);
  const items: PagerItem[] = [];
  for (const [i, page] of pages.entries()) {
    const before = pages[i - 1];
    if (before !== undefined && page - before === 2) items.push({ page: page - 1 });
    else if (before !== undefined && page - before > 2) items.push({ gapAfter: before });
    items.push({ page });
  }
  return items;
}
