/**
 * An edition as a CSL-JSON item, the input of every citation format. Only
 * facts the content states go in: a field that is not known is left out, so no
 * style can print a guess.
 */
import type { EditionStatus } from "../content/work-file.ts";

export interface CitableEdition {
  language: string;
  status: EditionStatus;
  title: string;
  authors: { family: string; given?: string }[];
  journal: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pageRange: string | null;
  doi: string | null;
  url: string | null;
}

/** The subset of CSL-JSON this project writes. */
export interface CslItem {
  id: string;
  type: "article-journal" | "document";
  language: string;
  title: string;
  author?: { family: string; given?: string }[];
  "container-title"?: string;
  issued?: { "date-parts": [[number]] };
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
}

/**
 * The item for an edition. For the project's own translation this is the
 * printed edition it stands in for (its journal, issue and pages), never the
 * translation: the translation is not a publication one can cite.
 */
export function editionItem(workSlug: string, edition: CitableEdition): CslItem {
  const item: CslItem = {
    id: `${workSlug}-${edition.language}`,
    type: edition.journal ? "article-journal" : "document",
    language: edition.language,
    title: edition.title,
  };
  if (edition.authors.length > 0) item.author = edition.authors.map(({ family, given }) => (given ? { family, given } : { family }));
  if (edition.journal) item["container-title"] = edition.journal;
  if (edition.year !== null) item.issued = { "date-parts": [[edition.year]] };
  if (edition.volume) item.volume = edition.volume;
  if (edition.issue) item.issue = edition.issue;
  if (edition.pageRange) item.page = edition.pageRange;
  if (edition.doi) item.DOI = edition.doi;
  if (edition.url) item.URL = edition.url;
  return item;
}
