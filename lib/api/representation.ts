/** How the catalog's data is shown to API clients: the shapes of lib/api/schemas.ts, with links. */
import type { z } from "zod";
import type { CatalogEdition, CatalogWork, GlossaryEntryRow, LocatedParagraph } from "../db/catalog.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../export/formats.ts";
import { editionFacts, showParagraph } from "../export/json.ts";
import type { editionSchema, glossaryEntrySchema, locatedParagraphSchema, workSchema } from "./schemas.ts";

export const API_BASE = "/api/v1";

const segment = encodeURIComponent;

/** Addresses of the API's resources. */
export const apiPaths = {
  works: () => `${API_BASE}/works`,
  work: (slug: string) => `${API_BASE}/works/${segment(slug)}`,
  editions: (slug: string) => `${apiPaths.work(slug)}/editions`,
  edition: (slug: string, language: string) => `${apiPaths.editions(slug)}/${segment(language)}`,
  paragraphs: (slug: string, language: string) => `${apiPaths.edition(slug, language)}/paragraphs`,
  paragraph: (slug: string, language: string, number: number) => `${apiPaths.paragraphs(slug, language)}/${number}`,
  units: (slug: string) => `${apiPaths.work(slug)}/units`,
  unit: (slug: string, number: number) => `${apiPaths.units(slug)}/${number}`,
  glossary: (slug: string) => `${apiPaths.work(slug)}/glossary`,
  glossaryEntry: (slug: string, key: string) => `${apiPaths.glossary(slug)}/${segment(key)}`,
  export: (slug: string, format: ExportFormat) => `${apiPaths.work(slug)}/export.${EXPORT_FORMATS[format].extension}`,
  /** The work in the reader, in the default interface language. */
  reader: (slug: string) => `/en/works/${segment(slug)}`,
};

export function showEdition({ paragraphs, ...edition }: CatalogEdition): z.output<typeof editionSchema> {
  return editionFacts(edition, paragraphs);
}

export function showWork(work: CatalogWork): z.output<typeof workSchema> {
  return {
    slug: work.slug,
    title: work.title,
    updatedAt: work.updatedAt.toISOString(),
    units: work.units,
    editions: work.editions.map(showEdition),
    links: {
      self: apiPaths.work(work.slug),
      editions: apiPaths.editions(work.slug),
      units: apiPaths.units(work.slug),
      glossary: apiPaths.glossary(work.slug),
      reader: apiPaths.reader(work.slug),
      exports: {
        tei: apiPaths.export(work.slug, "tei"),
        tmx: apiPaths.export(work.slug, "tmx"),
        csv: apiPaths.export(work.slug, "csv"),
        json: apiPaths.export(work.slug, "json"),
      },
    },
  };
}

export function showLocatedParagraph(slug: string, paragraph: LocatedParagraph): z.output<typeof locatedParagraphSchema> {
  return {
    ...showParagraph(paragraph.language, paragraph),
    language: paragraph.language,
    unit: paragraph.unit,
    links: {
      self: apiPaths.paragraph(slug, paragraph.language, paragraph.ordinal),
      unit: apiPaths.unit(slug, paragraph.unit),
      edition: apiPaths.edition(slug, paragraph.language),
    },
  };
}

export function showGlossaryEntry(slug: string, entry: GlossaryEntryRow): z.output<typeof glossaryEntrySchema> {
  return { key: entry.key, category: entry.category, entry: entry.data, occurrences: entry.occurrences, links: { self: apiPaths.glossaryEntry(slug, entry.key) } };
}
