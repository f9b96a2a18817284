/**
 * What each route answers: the resolvers that read the catalog (lib/db) and
 * shape the answer (representation.ts). Route files in app/api/v1 bind them
 * to the request with routeHandlers().
 */
import type { z } from "zod";
import {
  listGlossaryPage,
  listParagraphsPage,
  listUnitsPage,
  listWorksPage,
  readCatalogWork,
  readEdition,
  readGlossaryEntry,
  readParagraph,
  readUnit,
  workStamp,
  worksStamps,
  type WorkStamp,
} from "../db/catalog.ts";
import { database, type Database } from "../db/client.ts";
import { readWorkCached } from "../db/reader.ts";
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from "../export/formats.ts";
import { showUnit } from "../export/json.ts";
import { openApiDocument } from "./openapi.ts";
import { pageLinks, pageOf, type PageLinks } from "./pagination.ts";
import { notFound, type Problem } from "./problem.ts";
import { apiPaths, showEdition, showGlossaryEntry, showLocatedParagraph, showWork } from "./representation.ts";
import { routeHandlers, type Representation, type Resolution, type Resolver, type RouteHandlers } from "./handler.ts";
import {
  API_ROUTES,
  exportRoutes,
  exportWorkRoute,
  getEditionRoute,
  getGlossaryEntryRoute,
  getParagraphRoute,
  getUnitRoute,
  getWorkRoute,
  listEditionsRoute,
  listGlossaryRoute,
  listParagraphsRoute,
  listUnitsRoute,
  listWorksRoute,
  openApiRoute,
} from "./routes.ts";
import type { RouteDefinition } from "./route.ts";

type ResolverOf<Route> = Route extends RouteDefinition<infer Path, infer Query> ? Resolver<z.output<Path>, z.output<Query>> : never;

export interface Endpoint<Route extends RouteDefinition = RouteDefinition> {
  route: Route;
  resolve: ResolverOf<Route>;
}

function endpoint<Route extends RouteDefinition>(route: Route, resolve: ResolverOf<Route>): Endpoint<Route> {
  return { route, resolve };
}

/** The GET, HEAD and OPTIONS handlers of an endpoint, on the process-wide database. */
export function serve(endpoint: Endpoint): RouteHandlers {
  return routeHandlers(endpoint.route, endpoint.resolve as Resolver<unknown, unknown>, database);
}

const noSuchWork = (instance: string, slug: string) => notFound(instance, `No work has the slug "${slug}". The works are listed at ${apiPaths.works()}.`);

/** Finds the work, then resolves with its last change as the stamp. */
async function withWork(
  db: Database,
  slug: string,
  instance: string,
  render: (work: WorkStamp) => Promise<Representation | Problem>,
): Promise<Resolution> {
  const work = await workStamp(db, slug);
  if (!work) return noSuchWork(instance, slug);
  return { stamp: work.updatedAt.toISOString(), render: () => render(work) };
}

/** Tells which editions a work has, for a 404 on a language it lacks. */
async function noSuchEdition(db: Database, work: WorkStamp, language: string, instance: string): Promise<Problem> {
  const languages = (await db.edition.findMany({ where: { workId: work.id }, select: { language: true }, orderBy: { language: "asc" } })).map(
    (edition) => edition.language,
  );
  return notFound(instance, `The work "${work.slug}" has no edition in "${language}"; its editions are ${languages.join(", ")}.`);
}

const paged = <Item>(base: string, query: Record<string, unknown>, page: number, pageSize: number, total: number, data: Item[]) => {
  const links: PageLinks = pageLinks(base, query, page, pageSize, total);
  return { json: pageOf(data, page, pageSize, total, links), links: { first: links.first, last: links.last, prev: links.prev, next: links.next } };
};

export const listWorksEndpoint = endpoint(listWorksRoute, async ({ db, query }) => {
  const stamps = await worksStamps(db);
  return {
    stamp: stamps.map((work) => `${work.slug}@${work.updatedAt.toISOString()}`).join(" "),
    render: async () => {
      const { total, items } = await listWorksPage(db, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
      return paged(apiPaths.works(), query, query.page, query.pageSize, total, items.map(showWork));
    },
  };
});

export const getWorkEndpoint = endpoint(getWorkRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async () => {
    const work = await readCatalogWork(db, path.slug);
    return work ? { json: showWork(work) } : noSuchWork(instance, path.slug);
  }),
);

export const listEditionsEndpoint = endpoint(listEditionsRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async () => {
    const work = await readCatalogWork(db, path.slug);
    if (!work) return noSuchWork(instance, path.slug);
    return {
      json: {
        data: work.editions.map((edition) => ({
          ...showEdition(edition),
          links: { self: apiPaths.edition(work.slug, edition.language), paragraphs: apiPaths.paragraphs(work.slug, edition.language) },
        })),
      },
    };
  }),
);

export const getEditionEndpoint = endpoint(getEditionRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const edition = await readEdition(db, work.id, path.lang);
    if (!edition) return noSuchEdition(db, work, path.lang, instance);
    return {
      json: {
        ...showEdition(edition),
        work: work.slug,
        links: { self: apiPaths.edition(work.slug, edition.language), paragraphs: apiPaths.paragraphs(work.slug, edition.language), work: apiPaths.work(work.slug) },
      },
    };
  }),
);

export const listParagraphsEndpoint = endpoint(listParagraphsRoute, async ({ db, path, query, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    if (!(await readEdition(db, work.id, path.lang))) return noSuchEdition(db, work, path.lang, instance);
    const { total, items } = await listParagraphsPage(db, work.id, path.lang, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return paged(apiPaths.paragraphs(work.slug, path.lang), query, query.page, query.pageSize, total, items.map((paragraph) => showLocatedParagraph(work.slug, paragraph)));
  }),
);

export const getParagraphEndpoint = endpoint(getParagraphRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const paragraph = await readParagraph(db, work.id, path.lang, path.n);
    if (paragraph) return { json: showLocatedParagraph(work.slug, paragraph) };
    const edition = await readEdition(db, work.id, path.lang);
    if (!edition) return noSuchEdition(db, work, path.lang, instance);
    return notFound(instance, `The ${path.lang} edition of "${work.slug}" has no paragraph ${path.n}; its paragraphs are numbered 1 to ${edition.paragraphs}.`);
  }),
);

export const listUnitsEndpoint = endpoint(listUnitsRoute, async ({ db, path, query, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const { total, items } = await listUnitsPage(db, work.id, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return paged(apiPaths.units(work.slug), query, query.page, query.pageSize, total, items.map(showUnit));
  }),
);

export const getUnitEndpoint = endpoint(getUnitRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const [unit, count] = await Promise.all([readUnit(db, work.id, path.n), db.alignmentUnit.count({ where: { workId: work.id } })]);
    if (!unit) return notFound(instance, `The work "${work.slug}" has no alignment unit ${path.n}; its units are numbered 1 to ${count}.`);
    return {
      json: {
        ...showUnit(unit),
        work: work.slug,
        links: {
          self: apiPaths.unit(work.slug, unit.ordinal),
          next: unit.ordinal < count ? apiPaths.unit(work.slug, unit.ordinal + 1) : null,
          prev: unit.ordinal > 1 ? apiPaths.unit(work.slug, unit.ordinal - 1) : null,
          work: apiPaths.work(work.slug),
        },
      },
    };
  }),
);

export const listGlossaryEndpoint = endpoint(listGlossaryRoute, async ({ db, path, query, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const { total, items } = await listGlossaryPage(db, work.id, { category: query.category }, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return paged(apiPaths.glossary(work.slug), query, query.page, query.pageSize, total, items.map((entry) => showGlossaryEntry(work.slug, entry)));
  }),
);

export const getGlossaryEntryEndpoint = endpoint(getGlossaryEntryRoute, async ({ db, path, instance }) =>
  withWork(db, path.slug, instance, async (work) => {
    const entry = await readGlossaryEntry(db, work.id, path.key);
    return entry
      ? { json: showGlossaryEntry(work.slug, entry) }
      : notFound(instance, `The glossary of "${work.slug}" has no entry "${path.key}". Its entries are listed at ${apiPaths.glossary(work.slug)}.`);
  }),
);

async function exportResolution(db: Database, slug: string, format: ExportFormat, instance: string): Promise<Resolution> {
  return withWork(db, slug, instance, async () => {
    const work = await readWorkCached(db, slug);
    if (!work) return noSuchWork(instance, slug);
    const { contentType, render } = EXPORT_FORMATS[format];
    return { text: render(work), contentType, fileName: exportFileName(slug, format) };
  });
}

export const exportWorkEndpoint = endpoint(exportWorkRoute, async ({ db, path, query, instance }) => exportResolution(db, path.slug, query.format, instance));

export const exportEndpoints = {
  tei: endpoint(exportRoutes.tei, async ({ db, path, instance }) => exportResolution(db, path.slug, "tei", instance)),
  tmx: endpoint(exportRoutes.tmx, async ({ db, path, instance }) => exportResolution(db, path.slug, "tmx", instance)),
  csv: endpoint(exportRoutes.csv, async ({ db, path, instance }) => exportResolution(db, path.slug, "csv", instance)),
  json: endpoint(exportRoutes.json, async ({ db, path, instance }) => exportResolution(db, path.slug, "json", instance)),
} satisfies Record<ExportFormat, Endpoint>;

/** The document is made once per process: it depends on the code only. */
let openApi: { json: unknown; stamp: string } | undefined;

export function currentOpenApiDocument(): { json: unknown; stamp: string } {
  if (!openApi) {
    const json = openApiDocument(API_ROUTES);
    openApi = { json, stamp: JSON.stringify(json) };
  }
  return openApi;
}

export const openApiEndpoint = endpoint(openApiRoute, async () => {
  const document = currentOpenApiDocument();
  return { stamp: document.stamp, render: async () => ({ json: document.json }) };
});
