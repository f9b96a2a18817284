/** Pages of a list: where a page stands in the whole, and the links to its neighbours. */

export interface PageLinks {
  self: string;
  first: string;
  last: string;
  next: string | null;
  prev: string | null;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Links to pages of the list at `base`, keeping the request's other query
 * parameters. Past the end, prev leads back to the last page.
 */
export function pageLinks(base: string, query: Record<string, unknown>, page: number, pageSize: number, total: number): PageLinks {
  const last = pageCount(total, pageSize);
  const at = (target: number) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && name !== "page" && name !== "pageSize") search.set(name, String(value));
    }
    search.set("page", String(target));
    search.set("pageSize", String(pageSize));
    return `${base}?${search}`;
  };
  return {
    self: at(page),
    first: at(1),
    last: at(last),
    next: page < last ? at(page + 1) : null,
    prev: page > 1 ? at(Math.min(page - 1, last)) : null,
  };
}

export function pageOf<Item>(data: Item[], page: number, pageSize: number, total: number, links: PageLinks) {
  return { data, page, pageSize, total, totalPages: pageCount(total, pageSize), links };
}
