/**
 * The search routes of the API: /api/v1/search (hits with counts, filters
 * and pages) and /api/v1/search/suggestions (what the search box offers
 * while a reader types).
 */
import { z } from "zod";
import { database, type Database } from "../db/client.ts";
import { searchLibrary, suggest, type SearchResults } from "../db/search.ts";
import { MAX_QUERY_LENGTH } from "../search/query.ts";
import { routeHandlers, type Resolution, type Resolver, type RouteHandlers } from "./handler.ts";
import { pageLinks } from "./pagination.ts";
import { languageParameter, pagination, slugParameter, wholeNumber } from "./parameters.ts";
import { invalidParameters } from "./problem.ts";
import { apiPaths } from "./representation.ts";
import { defineRoute } from "./route.ts";
import { component, pageLinksSchema } from "./schemas.ts";

const JSON_TYPE = "application/json";
const SEARCH_PATH = "/api/v1/search";
const SUGGESTIONS_PATH = "/api/v1/search/suggestions";

const queryParameter = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
  .meta({
    description:
      'What to search for. Words match in all their forms (санкции finds санкций); "a quoted phrase" matches those exact words in that order; a word ending in * matches every word that begins with it; glossary terms match in any script (hikiwake, хикиваке, 引き分け).',
    examples: ["санкции"],
  });

const range = z.object({ start: z.int().min(0), end: z.int().min(0) });

const glossaryFormsSchema = z.object({
  en: z.array(z.string()).optional(),
  hepburn: z.string().optional(),
  kanji: z.string().optional(),
  kana: z.string().optional(),
  polivanov: z.string().optional(),
  ru: z.string().optional(),
  romanized: z.string().optional(),
  journalistic: z.string().optional(),
});

export const searchGlossaryMatchSchema = component(
  "SearchGlossaryMatch",
  "A glossary entry that the query names, with its forms in every script; its occurrences are among the hits.",
  z.object({ key: z.string(), category: z.string(), forms: glossaryFormsSchema, glossEn: z.string().nullable(), glossRu: z.string().nullable() }),
);

export const searchHitSchema = component(
  "SearchHit",
  "An alignment unit in which the query matches: every edition's paragraphs, the matching ones with the ranges to highlight.",
  z.object({
    work: z.string().meta({ description: "The work's slug." }),
    unit: z.int().min(1).meta({ description: "The unit's number, as in the reader's #u12." }),
    section: z.int().min(0).meta({ description: "0 for the front matter, n for the part opened by the n-th heading." }),
    reader: z.string().meta({ description: "The unit in the reader." }),
    paragraphs: z.record(
      z.string(),
      z.array(
        z.object({
          number: z.int().min(1),
          kind: z.string(),
          text: z.string(),
          matched: z.boolean().meta({ description: "Whether the query matches in this paragraph; the others are shown beside it as its counterparts." }),
          highlights: z.array(range).meta({ description: "UTF-16 offsets into text of what matched." }),
        }),
      ),
    ),
  }),
);

export const searchResultsSchema = component(
  "SearchResults",
  "A page of search hits with the counts per edition and per work.",
  z.object({
    query: z.string(),
    data: z.array(searchHitSchema),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0).meta({ description: "How many alignment units match under every filter." }),
    totalPages: z.int().min(0),
    languages: z
      .array(z.object({ language: z.string(), units: z.int().min(0) }))
      .meta({ description: "Per edition language, the matching units in which that edition matches (what lang would keep), under every filter but lang." }),
    works: z
      .array(z.object({ slug: z.string(), title: z.string(), units: z.int().min(0) }))
      .meta({ description: "Matching units per work, most first, under every filter but work and section: the first 50 works, and the selected one." }),
    worksWithHits: z.int().min(0).meta({ description: "How many works have hits, under every filter but work and section." }),
    sections: z.array(z.object({ number: z.int().min(0), headings: z.record(z.string(), z.string()) })).meta({ description: "The selected work's sections, by heading in each language." }),
    glossary: z.array(searchGlossaryMatchSchema),
    links: pageLinksSchema,
  }),
);

export const searchSuggestionsSchema = component(
  "SearchSuggestions",
  "Queries to offer while a reader types: glossary entries first, then completions of the last word.",
  z.object({
    data: z.array(z.object({ query: z.string(), kind: z.enum(["glossary", "word"]), glossary: searchGlossaryMatchSchema.optional() })),
  }),
);

export const searchRoute = defineRoute({
  operationId: "search",
  path: SEARCH_PATH,
  tag: "search",
  summary: "Search the texts and the glossary",
  description:
    "Searches every edition's paragraphs, headings and references, and the glossary, language-aware (Russian and English stemming; case, macrons and quotes ignored). Hits are alignment units, grouped by work (most hits first) and in reading order.",
  query: {
    q: queryParameter,
    work: slugParameter.optional(),
    lang: languageParameter.optional().meta({ description: "Only paragraphs of the editions in this language, such as ru." }),
    section: wholeNumber(0, 100_000, { description: "Only this section of the work (needs work): 0 the front matter, n the part opened by the n-th heading." }).optional(),
    ...pagination,
  },
  paginated: true,
  response: { description: "A page of hits.", content: { [JSON_TYPE]: searchResultsSchema } },
  example: `${SEARCH_PATH}?q=${encodeURIComponent("санкции")}`,
});

export const suggestionsRoute = defineRoute({
  operationId: "suggestSearch",
  path: SUGGESTIONS_PATH,
  tag: "search",
  summary: "Suggest queries while typing",
  description: "Glossary entries whose forms, in any script, begin with the text, and completions of its last word from the library.",
  query: { q: queryParameter },
  response: { description: "Up to eight suggestions.", content: { [JSON_TYPE]: searchSuggestionsSchema } },
  example: `${SUGGESTIONS_PATH}?q=hiki`,
});

/** Search answers change whenever any work does. */
async function libraryStamp(db: Database): Promise<string> {
  const works = await db.work.aggregate({ _max: { updatedAt: true }, _count: true });
  return `${works._count}:${works._max.updatedAt?.toISOString() ?? "empty"}`;
}

function showResults(results: SearchResults) {
  return results.results.flatMap((work) =>
    work.hits.map((hit) => ({
      work: work.slug,
      unit: hit.unit,
      section: hit.section,
      reader: `${apiPaths.reader(work.slug)}#u${hit.unit}`,
      paragraphs: Object.fromEntries(
        Object.entries(hit.paragraphs).map(([language, paragraphs]) => [
          language,
          paragraphs.map((paragraph) => ({ number: paragraph.ordinal, kind: paragraph.kind, text: paragraph.text, matched: paragraph.matched, highlights: paragraph.ranges })),
        ]),
      ),
    })),
  );
}

type SearchQuery = z.output<typeof searchRoute.queryParameters>;

const resolveSearch: Resolver<Record<string, never>, SearchQuery> = async ({ db, query, instance }): Promise<Resolution> => {
  if (query.section !== undefined && query.work === undefined) {
    return invalidParameters(instance, [{ name: "section", in: "query", reason: "needs work: sections are numbered within a work" }]);
  }
  return {
    stamp: await libraryStamp(db),
    render: async () => {
      const results = await searchLibrary(db, query);
      const links = pageLinks(SEARCH_PATH, query, query.page, query.pageSize, results.total);
      return {
        json: {
          query: query.q,
          data: showResults(results),
          page: results.page,
          pageSize: results.pageSize,
          total: results.total,
          totalPages: results.pages,
          languages: results.languages,
          works: results.works,
          worksWithHits: results.worksWithHits,
          sections: results.sections,
          glossary: results.glossary,
          links,
        },
        links: { first: links.first, last: links.last, next: links.next, prev: links.prev },
      };
    },
  };
};

const resolveSuggestions: Resolver<Record<string, never>, z.output<typeof suggestionsRoute.queryParameters>> = async ({ db, query }) => ({
  stamp: await libraryStamp(db),
  render: async () => ({ json: { data: await suggest(db, query.q) } }),
});

export const SEARCH_ROUTES = [searchRoute, suggestionsRoute];

/** Next.js gives a route without path parameters no params; the handler reads them all the same. */
function withoutPathParameters(handlers: RouteHandlers): RouteHandlers {
  const GET = (request: Request) => handlers.GET(request, { params: Promise.resolve({}) });
  return { GET, HEAD: GET, OPTIONS: handlers.OPTIONS };
}

export function serveSearch(): RouteHandlers {
  return withoutPathParameters(routeHandlers(searchRoute, resolveSearch as Resolver<unknown, unknown>, database));
}

export function serveSuggestions(): RouteHandlers {
  return withoutPathParameters(routeHandlers(suggestionsRoute, resolveSuggestions as Resolver<unknown, unknown>, database));
}
