/**
 * Every route of the API. The OpenAPI document lists exactly these; to add a
 * route, define it with defineRoute (its answer's schema registered with
 * component() in schemas.ts or beside it) and append it to API_ROUTES.
 */
import { z } from "zod";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from "../export/formats.ts";
import { glossaryKeyParameter, languageParameter, pagination, paragraphNumberParameter, slugParameter, unitNumberParameter } from "./parameters.ts";
import { defineRoute, type RouteDefinition } from "./route.ts";
import { SEARCH_ROUTES } from "./search.ts";
import {
  editionDetailSchema,
  editionListSchema,
  glossaryEntrySchema,
  glossaryPageSchema,
  locatedParagraphSchema,
  paragraphPageSchema,
  unitDetailSchema,
  unitPageSchema,
  workExportSchema,
  workPageSchema,
  workSchema,
} from "./schemas.ts";

const JSON_TYPE = "application/json";
const EXAMPLE = "/api/v1/works/streltsov-2018";

export const listWorksRoute = defineRoute({
  operationId: "listWorks",
  path: "/api/v1/works",
  tag: "works",
  summary: "List the works",
  description: "The works in the reader, by title, each with its editions' bibliographic facts and its number of alignment units.",
  query: pagination,
  paginated: true,
  response: { description: "A page of works.", content: { [JSON_TYPE]: workPageSchema } },
  example: "/api/v1/works",
});

export const getWorkRoute = defineRoute({
  operationId: "getWork",
  path: "/api/v1/works/{slug}",
  tag: "works",
  summary: "Read a work",
  description: "One work with its editions' bibliographic facts, its number of alignment units and links to its parts and exports.",
  params: { slug: slugParameter },
  response: { description: "The work.", content: { [JSON_TYPE]: workSchema } },
  example: EXAMPLE,
});

export const listEditionsRoute = defineRoute({
  operationId: "listEditions",
  path: "/api/v1/works/{slug}/editions",
  tag: "editions",
  summary: "List a work's editions",
  description: "Every edition of the work with its bibliographic facts. An edition whose status is project-translation is the project's own translation, not the published wording.",
  params: { slug: slugParameter },
  response: { description: "The editions, English first.", content: { [JSON_TYPE]: editionListSchema } },
  example: `${EXAMPLE}/editions`,
});

export const getEditionRoute = defineRoute({
  operationId: "getEdition",
  path: "/api/v1/works/{slug}/editions/{lang}",
  tag: "editions",
  summary: "Read an edition",
  description: "One edition of the work, by language, with its bibliographic facts.",
  params: { slug: slugParameter, lang: languageParameter },
  response: { description: "The edition.", content: { [JSON_TYPE]: editionDetailSchema } },
  example: `${EXAMPLE}/editions/ru`,
});

export const listParagraphsRoute = defineRoute({
  operationId: "listParagraphs",
  path: "/api/v1/works/{slug}/editions/{lang}/paragraphs",
  tag: "editions",
  summary: "List an edition's paragraphs",
  description: "The paragraphs of one edition in reading order, each with the alignment unit it belongs to.",
  params: { slug: slugParameter, lang: languageParameter },
  query: pagination,
  paginated: true,
  response: { description: "A page of paragraphs.", content: { [JSON_TYPE]: paragraphPageSchema } },
  example: `${EXAMPLE}/editions/en/paragraphs?page=2&pageSize=10`,
});

export const getParagraphRoute = defineRoute({
  operationId: "getParagraph",
  path: "/api/v1/works/{slug}/editions/{lang}/paragraphs/{n}",
  tag: "editions",
  summary: "Read a paragraph",
  description: "One paragraph of an edition by its number, the number of the reader's permalink (#en-12).",
  params: { slug: slugParameter, lang: languageParameter, n: paragraphNumberParameter },
  response: { description: "The paragraph.", content: { [JSON_TYPE]: locatedParagraphSchema } },
  example: `${EXAMPLE}/editions/en/paragraphs/12`,
});

export const listUnitsRoute = defineRoute({
  operationId: "listUnits",
  path: "/api/v1/works/{slug}/units",
  tag: "alignment",
  summary: "List the alignment units",
  description: "The work's alignment units in order, each with the corresponding paragraphs of every edition.",
  params: { slug: slugParameter },
  query: pagination,
  paginated: true,
  response: { description: "A page of alignment units.", content: { [JSON_TYPE]: unitPageSchema } },
  example: `${EXAMPLE}/units?page=2`,
});

export const getUnitRoute = defineRoute({
  operationId: "getUnit",
  path: "/api/v1/works/{slug}/units/{n}",
  tag: "alignment",
  summary: "Read an alignment unit",
  description: "One alignment unit by its number (the reader's #u12), with the paragraphs of every edition and links to its neighbours.",
  params: { slug: slugParameter, n: unitNumberParameter },
  response: { description: "The alignment unit.", content: { [JSON_TYPE]: unitDetailSchema } },
  example: `${EXAMPLE}/units/12`,
});

export const listGlossaryRoute = defineRoute({
  operationId: "listGlossary",
  path: "/api/v1/works/{slug}/glossary",
  tag: "glossary",
  summary: "List the glossary",
  description: "The work's glossary entries by key, each with every place it occurs in every edition. The list is empty for a work without a glossary.",
  params: { slug: slugParameter },
  query: {
    category: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a category name such as japanese-term")
      .optional()
      .meta({ description: "Only entries of this category, such as japanese-term or person." }),
    ...pagination,
  },
  paginated: true,
  response: { description: "A page of glossary entries.", content: { [JSON_TYPE]: glossaryPageSchema } },
  example: `${EXAMPLE}/glossary`,
});

export const getGlossaryEntryRoute = defineRoute({
  operationId: "getGlossaryEntry",
  path: "/api/v1/works/{slug}/glossary/{key}",
  tag: "glossary",
  summary: "Read a glossary entry",
  description: "One glossary entry by its key, with every place it occurs.",
  params: { slug: slugParameter, key: glossaryKeyParameter },
  response: { description: "The glossary entry.", content: { [JSON_TYPE]: glossaryEntrySchema } },
  example: `${EXAMPLE}/glossary/hikiwake`,
});

const exportDescriptions: Record<ExportFormat, string> = {
  tei: "TEI P5 XML: a teiHeader with the editions' bibliographic facts, both editions as texts of a group with xml:id per paragraph, and the alignment as a linkGrp.",
  tmx: "TMX 1.4b translation memory: one translation unit per alignment unit, segmented by paragraph.",
  csv: "CSV (RFC 4180, UTF-8 with a byte order mark): one row per alignment unit with each edition's paragraph numbers and text.",
  json: "The whole work as one JSON document: editions and every alignment unit with its paragraphs.",
};

/** The schema of one export format's file. */
function exportContent(format: ExportFormat): z.ZodType {
  return format === "json" ? workExportSchema : z.string().meta({ description: exportDescriptions[format] });
}

export const exportWorkRoute = defineRoute({
  operationId: "exportWork",
  path: "/api/v1/works/{slug}/export",
  tag: "exports",
  summary: "Export a work",
  description: `The whole work as a file to download, in the format the format parameter names. Each format also has its own address, such as export.tei.xml.`,
  params: { slug: slugParameter },
  query: { format: z.enum(EXPORT_FORMAT_NAMES, `must be one of ${EXPORT_FORMAT_NAMES.join(", ")}`).meta({ description: "The file format." }) },
  download: true,
  response: {
    description: "The work in the chosen format.",
    content: Object.fromEntries(EXPORT_FORMAT_NAMES.map((format) => [EXPORT_FORMATS[format].mediaType, exportContent(format)])),
  },
  example: `${EXAMPLE}/export?format=tmx`,
});

function exportFileRoute(format: ExportFormat, operationId: string, summary: string) {
  const { extension, mediaType } = EXPORT_FORMATS[format];
  return defineRoute({
    operationId,
    path: `/api/v1/works/{slug}/export.${extension}`,
    tag: "exports",
    summary,
    description: exportDescriptions[format],
    params: { slug: slugParameter },
    download: true,
    response: { description: `The work as ${extension}.`, content: { [mediaType]: exportContent(format) } },
    example: `${EXAMPLE}/export.${extension}`,
  });
}

export const exportRoutes = {
  tei: exportFileRoute("tei", "exportTei", "Export as TEI P5 XML"),
  tmx: exportFileRoute("tmx", "exportTmx", "Export as TMX"),
  csv: exportFileRoute("csv", "exportCsv", "Export as CSV"),
  json: exportFileRoute("json", "exportJson", "Export as JSON"),
} satisfies Record<ExportFormat, RouteDefinition>;

export const openApiRoute = defineRoute({
  operationId: "getOpenApiDocument",
  path: "/api/v1/openapi.json",
  tag: "meta",
  summary: "This API's OpenAPI document",
  description: "The OpenAPI 3.1 description of every route, generated from the same schemas that validate requests.",
  response: {
    description: "The OpenAPI document.",
    content: { [JSON_TYPE]: z.record(z.string(), z.unknown()).meta({ description: "An OpenAPI 3.1 document." }) },
  },
  example: "/api/v1/openapi.json",
});

/** Every route, in the order of the reference page. */
export const API_ROUTES: RouteDefinition[] = [
  listWorksRoute,
  getWorkRoute,
  listEditionsRoute,
  getEditionRoute,
  listParagraphsRoute,
  getParagraphRoute,
  listUnitsRoute,
  getUnitRoute,
  listGlossaryRoute,
  getGlossaryEntryRoute,
  exportWorkRoute,
  ...Object.values(exportRoutes),
  ...SEARCH_ROUTES,
  openApiRoute,
];
