import { describe, expect, it } from "vitest";
import { pagerItems, type PagerItem } from "@/lib/pagination/pager";

/** A pager as text: pages by number, gaps as "…". */
const shown = (items: PagerItem[]) => items.map((item) => ("gapAfter" in item ? "…" : String(item.page))).join(" ");

describe("pagerItems", () => {
  it("links every page of a short list", () => {
    expect(shown(pagerItems(1, 1))).toBe("1");
    expect(shown(pagerItems(3, 7))).toBe("1 2 3 4 5 6 7");
  });

  it("links the first, the last and two either side of the current page, with gaps between", () => {
    expect(shown(pagerItems(1, 80))).toBe("1 2 3 … 80");
    expect(shown(pagerItems(40, 80))).toBe("1 … 38 39 40 41 42 … 80");
    expect(shown(pagerItems(80, 80))).toBe("1 … 78 79 80");
  });

  it("links a single left-out page rather than marking a gap for it", () => {
    expect(shown(pagerItems(5, 80))).toBe("1 2 3 4 5 6 7 … 80");
    expect(shown(pagerItems(76, 80))).toBe("1 … 74 75 76 77 78 79 80");
  });

  it("keeps a page asked for past either end within the list, and has nothing for an empty one", () => {
    expect(shown(pagerItems(99, 10))).toBe("1 … 8 9 10");
    expect(shown(pagerItems(0, 10))).toBe("1 2 3 … 10");
    expect(pagerItems(1, 0)).toEqual([]);
  });

  it("links each page once, in order, always the first and the last, and the current one; a gap stands for two pages or more", () => {
    for (let last = 1; last <= 30; last++) {
      for (let current = 1; current <= last; current++) {
        const items = pagerItems(current, last);
        items.forEach((item, i) => {
          if (!("gapAfter" in item)) return;
          const [before, after] = [items[i - 1], items[i + 1]];
          expect(before && "page" in before && before.page).toBe(item.gapAfter);
          expect(after && "page" in after && after.page - item.gapAfter).toBeGreaterThan(2);
        });
        const pages = items.flatMap((item) => ("page" in item ? [item.page] : []));
        expect(pages).toEqual([...new Set(pages)].sort((a, b) => a - b));
        expect(pages).toContain(1);
        expect(pages).toContain(last);
        expect(pages).toContain(current);
      }
    }
  });
});
