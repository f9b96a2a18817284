/**
 * A route of the API described once, in zod: its address, parameters and
 * answer. The same definition validates requests (lib/api/handler.ts) and
 * writes the route's part of the OpenAPI document (lib/api/openapi.ts).
 */
import { z } from "zod";

export interface RouteResponse {
  description: string;
  /** The answer's schema per media type; JSON ones should be registered components (schemas.ts). */
  content: Record<string, z.ZodType>;
}

export interface RouteDefinition<Path extends z.ZodObject = z.ZodObject, Query extends z.ZodObject = z.ZodObject> {
  /** Unique name of the operation in the OpenAPI document, and its anchor on the reference page. */
  operationId: string;
  /** The address with {name} for each path parameter, as in the app/api folder ([name]). */
  path: string;
  /** Groups routes on the reference page. */
  tag: string;
  summary: string;
  description: string;
  pathParameters: Path;
  queryParameters: Query;
  response: RouteResponse;
  /** Answers a page of a list with a Link header (next, prev, first, last). */
  paginated: boolean;
  /** A file to save (Content-Disposition: attachment). */
  download: boolean;
  /** An address that works as is, for the reference page and the tests. */
  example: string;
}

type Options<PathShape extends z.ZodRawShape, QueryShape extends z.ZodRawShape> = Omit<
  RouteDefinition,
  "pathParameters" | "queryParameters" | "paginated" | "download"
> & { params?: PathShape; query?: QueryShape; paginated?: boolean; download?: boolean };

/**
 * Defines a route from the shapes of its path and query parameters. Both are
 * strict: a query parameter the route does not take is refused by name.
 */
export function defineRoute<PathShape extends z.ZodRawShape = {}, QueryShape extends z.ZodRawShape = {}>({
  params,
  query,
  paginated = false,
  download = false,
  ...route
}: Options<PathShape, QueryShape>): RouteDefinition<z.ZodObject<PathShape, z.core.$strict>, z.ZodObject<QueryShape, z.core.$strict>> {
  const pathParameters = z.strictObject(params ?? ({} as PathShape));
  const named = new Set(Object.keys(pathParameters.shape));
  const templated = new Set([...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  if (named.size !== templated.size || [...named].some((name) => !templated.has(name))) {
    throw new Error(`route ${route.operationId}: the path ${route.path} and its parameters (${[...named].join(", ")}) disagree`);
  }
  return { ...route, pathParameters, queryParameters: z.strictObject(query ?? ({} as QueryShape)), paginated, download };
}
