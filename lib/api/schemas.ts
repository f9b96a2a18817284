/**
 * The shapes of the API's answers as zod schemas. Each is registered under a
 * name, and the OpenAPI document describes it once, under
 * components/schemas/<name>, from the same schema.
 */
import { z } from "zod";
import { PARAGRAPH_KINDS } from "../content/paragraph.ts";
import { EDITION_STATUSES } from "../content/work-file.ts";

export interface ComponentMeta {
  id: string;
  description: string;
}

/** The named schemas of the OpenAPI document's components (a registry of its own: ids must be unique in it). */
export const apiComponents = z.registry<ComponentMeta>();

/** Registers a schema as a named component and returns it unchanged. */
export function component<Schema extends z.ZodType>(id: string, description: string, schema: Schema): Schema {
  apiComponents.add(schema, { id, description });
  componentSchemas.push(schema);
  return schema;
}

/** The registered components in the order they were defined. */
export const componentSchemas: z.ZodType[] = [];

/** An API path, relative to the server (`/api/v1/works/streltsov-2018`). */
const path = z.string().startsWith("/");

export const authorSchema = component(
  "Author",
  "An author as printed in the edition.",
  z.object({ family: z.string(), given: z.string().optional() }),
);

export const editionSchema = component(
  "Edition",
  "One edition of a work and its bibliographic facts. A fact that is not known is null; none is ever guessed.",
  z.object({
    language: z.string().meta({ description: "BCP 47 language tag." }),
    status: z.enum(EDITION_STATUSES).meta({
      description: "published: the text as printed. project-translation: the project's own translation, not the published wording.",
    }),
    title: z.string(),
    authors: z.array(authorSchema),
    journal: z.string().nullable(),
    year: z.int().nullable(),
    volume: z.string().nullable(),
    issue: z.string().nullable(),
    pages: z.string().nullable().meta({ description: "Page range as printed, such as 70–85." }),
    firstPage: z.int().nullable(),
    doi: z.string().nullable(),
    url: z.string().nullable(),
    licence: z.string().nullable(),
    note: z.string().nullable(),
    paragraphs: z.int().min(0).meta({ description: "How many paragraphs the edition has." }),
  }),
);

export const markSchema = component(
  "Mark",
  "Inline markup over the paragraph's text, by character offsets (UTF-16 code units, end exclusive).",
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("em").meta({ description: "Emphasis (italics)." }), start: z.int(), end: z.int() }),
    z.object({
      type: z.literal("cite").meta({ description: "An in-text citation of a reference entry." }),
      start: z.int(),
      end: z.int(),
      ref: z.string().meta({ description: "The referenceKey of the cited reference paragraph." }),
    }),
    z.object({ type: z.literal("url").meta({ description: "A web address as printed." }), start: z.int(), end: z.int(), href: z.string() }),
  ]),
);

export const pageBreakSchema = component(
  "PageBreak",
  "A page break of the printed edition inside the paragraph.",
  z.object({
    offset: z.int().min(0).meta({ description: "Offset in the text where the new page begins." }),
    page: z.int().nullable().meta({ description: "The number of the page that begins here; null where it is not known." }),
  }),
);

export const paragraphSchema = component(
  "Paragraph",
  "A paragraph of an edition: plain text with stand-off marks, page breaks, sentences and glossary terms.",
  z.object({
    id: z.string().meta({ description: "The paragraph's permalink id, {language}-{number}, as in the reader's #en-12.", examples: ["en-12"] }),
    number: z.int().min(1),
    kind: z.enum(PARAGRAPH_KINDS),
    section: z.int().min(0).meta({ description: "0 for the front matter, n for the part opened by the n-th heading." }),
    referenceKey: z.string().nullable().meta({ description: "For a reference entry: the key that citations point to." }),
    text: z.string(),
    marks: z.array(markSchema),
    pageBreaks: z.array(pageBreakSchema),
    sentences: z
      .array(z.object({ start: z.int(), end: z.int(), bead: z.int().meta({ description: "Sentences of one unit with the same bead correspond across editions." }) }))
      .meta({ description: "The paragraph's sentences by offsets; empty where the work has not been split into sentences." }),
    terms: z
      .array(
        z.object({
          start: z.int(),
          end: z.int(),
          entry: z.string().meta({ description: "The glossary entry's key." }),
          lang: z.string().nullable().meta({ description: "The term's language tag where it differs from the edition's (ja-Latn, ru-Latn); null otherwise." }),
        }),
      )
      .meta({ description: "Occurrences of glossary entries by offsets." }),
  }),
);

export const locatedParagraphSchema = component(
  "LocatedParagraph",
  "A paragraph with the edition and the alignment unit it belongs to.",
  paragraphSchema.extend({
    language: z.string(),
    unit: z.int().min(1).meta({ description: "The number of the alignment unit that holds the paragraph." }),
    links: z.object({ self: path, unit: path, edition: path }),
  }),
);

export const unitSchema = component(
  "Unit",
  "An alignment unit: the paragraphs of every edition that correspond (1:1, 1:2, 2:1, 1:0, ...).",
  z.object({
    number: z.int().min(1),
    confidence: z.number().min(0).max(1).nullable().meta({ description: "The aligner's confidence; null where the alignment was made by hand." }),
    reviewed: z.boolean().meta({ description: "Whether an editor has checked the unit." }),
    paragraphs: z
      .record(z.string(), z.array(paragraphSchema))
      .meta({ description: "The unit's paragraphs per edition language, in reading order; an empty list where an edition has no counterpart." }),
  }),
);

export const exportLinksSchema = z.object({ tei: path, tmx: path, csv: path, json: path });

export const workSchema = component(
  "Work",
  "A work with its editions' bibliographic facts.",
  z.object({
    slug: z.string(),
    title: z.string(),
    updatedAt: z.iso.datetime().meta({ description: "When the work last changed (import or edit)." }),
    units: z.int().min(0).meta({ description: "How many alignment units the work has." }),
    editions: z.array(editionSchema),
    links: z.object({ self: path, editions: path, units: path, glossary: path, reader: path, exports: exportLinksSchema }),
  }),
);

export const occurrenceSchema = component(
  "GlossaryOccurrence",
  "Where a glossary entry occurs in the text.",
  z.object({
    language: z.string(),
    paragraph: z.int().min(1).meta({ description: "The paragraph's number in its edition." }),
    unit: z.int().min(1),
    start: z.int().min(0),
    end: z.int().min(0),
    text: z.string().meta({ description: "The words at these offsets." }),
  }),
);

export const glossaryEntrySchema = component(
  "GlossaryEntry",
  "A glossary entry of a work with every place it occurs.",
  z.object({
    key: z.string(),
    category: z.string(),
    entry: z.record(z.string(), z.unknown()).meta({
      description: "The entry as written in the work's glossary file: its forms in every script, glosses, context and cross-references.",
    }),
    occurrences: z.array(occurrenceSchema),
    links: z.object({ self: path }),
  }),
);

export const pageLinksSchema = component(
  "PageLinks",
  "Links to pages of the same list; next and prev are null at either end.",
  z.object({ self: path, first: path, last: path, next: path.nullable(), prev: path.nullable() }),
);

/** A page of a list: the items and where they stand in the whole. */
export function pageOf<Item extends z.ZodType>(id: string, description: string, item: Item) {
  return component(
    id,
    description,
    z.object({
      data: z.array(item),
      page: z.int().min(1),
      pageSize: z.int().min(1),
      total: z.int().min(0).meta({ description: "How many items the whole list has." }),
      totalPages: z.int().min(1),
      links: pageLinksSchema,
    }),
  );
}

export const workPageSchema = pageOf("WorkPage", "A page of the works.", workSchema);
export const unitPageSchema = pageOf("UnitPage", "A page of a work's alignment units.", unitSchema);
export const paragraphPageSchema = pageOf("ParagraphPage", "A page of an edition's paragraphs.", locatedParagraphSchema);
export const glossaryPageSchema = pageOf("GlossaryPage", "A page of a work's glossary entries.", glossaryEntrySchema);

export const editionListSchema = component(
  "EditionList",
  "The editions of a work.",
  z.object({ data: z.array(editionSchema.extend({ links: z.object({ self: path, paragraphs: path }) })) }),
);

export const editionDetailSchema = component(
  "EditionDetail",
  "One edition of a work.",
  editionSchema.extend({ work: z.string(), links: z.object({ self: path, paragraphs: path, work: path }) }),
);

export const unitDetailSchema = component(
  "UnitDetail",
  "One alignment unit with links to its neighbours.",
  unitSchema.extend({ work: z.string(), links: z.object({ self: path, next: path.nullable(), prev: path.nullable(), work: path }) }),
);

export const workExportSchema = component(
  "WorkExport",
  "A whole work in one document: its editions and every alignment unit with its paragraphs (the JSON export).",
  z.object({
    format: z.literal("parallel-reader/work").meta({ description: "Names this document format." }),
    version: z.literal(1),
    slug: z.string(),
    title: z.string(),
    updatedAt: z.iso.datetime(),
    editions: z.array(editionSchema),
    units: z.array(unitSchema),
  }),
);

export const problemSchema = component(
  "Problem",
  "An error as RFC 9457 problem details.",
  z.object({
    type: z.string().meta({ description: "URI reference that names the kind of problem; it leads to its explanation in the API reference." }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().meta({ description: "What went wrong with this request, for a person." }),
    instance: z.string().meta({ description: "The request path and query the problem is about." }),
    "invalid-params": z
      .array(z.object({ name: z.string(), in: z.enum(["path", "query"]), reason: z.string() }))
      .optional()
      .meta({ description: "For invalid parameters: each parameter that was refused, by name, and why." }),
  }),
);
