/**
 * Turns a route definition and a resolver into Web-standard request
 * handlers (GET, HEAD, OPTIONS) for an app/api route file: it validates the
 * parameters, answers problems as application/problem+json, serves 304 for a
 * current ETag, and sets the caching and CORS headers. Nothing here depends
 * on Next.js.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Database } from "../db/client.ts";
import { validatePath, validateQuery } from "./parameters.ts";
import { internalError, invalidParameters, isProblem, notFound, PROBLEM_MEDIA_TYPE, type Problem } from "./problem.ts";
import type { RouteDefinition } from "./route.ts";

/** Shared caches may keep an answer a minute, then must ask again (cheaply, with the ETag). */
export const CACHE_CONTROL = "public, max-age=60, must-revalidate";

/** Bumped when an answer changes for the same data (a new field, a fixed export), so that cached copies are not revalidated. */
const REPRESENTATION_REVISION = "1";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition",
} as const;

export type Representation =
  | { json: unknown; links?: Record<string, string | null> }
  | { text: string; contentType: string; fileName?: string };

/**
 * What a resolver found: a problem (no such work), or a stamp that changes
 * whenever the answer would (the work's updatedAt) and the way to make the answer.
 */
export type Resolution = Problem | { stamp: string; render: () => Promise<Representation | Problem> };

export interface ResolverInput<Path, Query> {
  path: Path;
  query: Query;
  db: Database;
  /** The request's path and query, for links and problem instances. */
  instance: string;
}

export type Resolver<Path, Query> = (input: ResolverInput<Path, Query>) => Promise<Resolution>;

/** The parameters that Next.js passes to a route handler. */
export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined> | undefined>;
}

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": `${PROBLEM_MEDIA_TYPE}; charset=utf-8`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...CORS_HEADERS },
  });
}

export function entityTag(parts: string[]): string {
  return `"${createHash("sha256").update([REPRESENTATION_REVISION, ...parts].join("\0")).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match names this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => opaque(candidate) === opaque(tag));
}

function linkHeader(links: Record<string, string | null>): string | undefined {
  const values = Object.entries(links)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([rel, target]) => `<${target}>; rel="${rel}"`);
  return values.length ? values.join(", ") : undefined;
}

/** The query as validated, in a fixed order, so that equivalent requests share an ETag. */
function canonicalQuery(query: unknown): string {
  const entries = Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}

async function answer<Path extends z.ZodObject, Query extends z.ZodObject>(
  route: RouteDefinition<Path, Query>,
  resolve: Resolver<z.output<Path>, z.output<Query>>,
  request: Request,
  context: RouteContext,
  db: Database,
): Promise<Response> {
  const url = new URL(request.url);
  const instance = `${url.pathname}${url.search}`;
  // Next.js gives no params at all to a route without dynamic segments.
  const rawParams = (await context?.params) ?? {};
  const pathValues = Object.fromEntries(Object.entries(rawParams).map(([name, value]) => [name, Array.isArray(value) ? value.join("/") : (value ?? "")]));
  const path = validatePath(route.pathParameters, pathValues);
  const query = validateQuery(route.queryParameters, url.searchParams);
  if (!path.ok || !query.ok) return problemResponse(invalidParameters(instance, [...(path.ok ? [] : path.problems), ...(query.ok ? [] : query.problems)]));

  const resolution = await resolve({ path: path.value, query: query.value, db, instance });
  if (isProblem(resolution)) return problemResponse(resolution);

  const tag = entityTag([resolution.stamp, route.operationId, JSON.stringify(pathValues), canonicalQuery(query.value)]);
  const cacheHeaders = { ETag: tag, "Cache-Control": CACHE_CONTROL, ...CORS_HEADERS };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) return new Response(null, { status: 304, headers: cacheHeaders });

  const representation = await resolution.render();
  if (isProblem(representation)) return problemResponse(representation);
  const headers: Record<string, string> = { ...cacheHeaders, "X-Content-Type-Options": "nosniff" };
  if ("json" in representation) {
    const link = representation.links && linkHeader(representation.links);
    if (link) headers.Link = link;
    return new Response(JSON.stringify(representation.json), { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  }
  if (representation.fileName) headers["Content-Disposition"] = `attachment; filename="${representation.fileName}"`;
  return new Response(representation.text, { status: 200, headers: { ...headers, "Content-Type": representation.contentType } });
}

/** The answer to a CORS preflight: GET and HEAD from any origin, with any request header. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}

/** Runs a handler so that an unexpected failure is logged here and answered as a bare 500 problem. */
export async function guarded(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const url = new URL(request.url);
    console.error(`API: ${request.method} ${url.pathname}${url.search} failed`, error);
    return problemResponse(internalError(`${url.pathname}${url.search}`));
  }
}

export interface RouteHandlers {
  GET: (request: Request, context: RouteContext) => Promise<Response>;
  HEAD: (request: Request, context: RouteContext) => Promise<Response>;
  OPTIONS: () => Response;
}

/** The handlers of one route; `db` gives the database (the process-wide one in the app, a temporary one in tests). */
export function routeHandlers<Path extends z.ZodObject, Query extends z.ZodObject>(
  route: RouteDefinition<Path, Query>,
  resolve: Resolver<z.output<Path>, z.output<Query>>,
  db: () => Database,
): RouteHandlers {
  const GET = (request: Request, context: RouteContext) => guarded(request, () => answer(route, resolve, request, context, db()));
  return { GET, HEAD: GET, OPTIONS: preflight };
}

/** An answer to an address under the API where no route is. */
export function unknownRoute(request: Request): Response {
  const url = new URL(request.url);
  return problemResponse(notFound(`${url.pathname}${url.search}`, `No API route is at ${url.pathname}. The routes are described at /api/v1/openapi.json.`));
}
