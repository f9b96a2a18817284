/**
 * Where in an edition a citation points: the printed page where it is known,
 * the paragraph number otherwise.
 */
import type { PageSpan } from "../reader/pages.ts";

export interface Pinpoint {
  /** A CSL locator label. */
  label: "page" | "paragraph";
  locator: string;
}

export function pinpoint(paragraph: number, pages: PageSpan | null): Pinpoint {
  if (!pages) return { label: "paragraph", locator: String(paragraph) };
  return { label: "page", locator: pages.first === pages.last ? String(pages.first) : `${pages.first}–${pages.last}` };
}
