/**
 * The OpenAPI 3.1 document of the API, generated from the route definitions
 * and their zod schemas (JSON Schema 2020-12, OpenAPI 3.1's own dialect).
 */
import { z } from "zod";
import { PROBLEM_MEDIA_TYPE } from "./problem.ts";
import type { RouteDefinition } from "./route.ts";
import { apiComponents, componentSchemas, problemSchema } from "./schemas.ts";

type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = "#/components/schemas/";

export const API_TITLE = "Parallel Reader API";
export const API_VERSION = "1.0.0";

export const TAG_DESCRIPTIONS: Record<string, string> = {
  works: "The works and their editions' bibliographic facts.",
  editions: "Editions of a work and their paragraphs.",
  alignment: "Alignment units: the paragraphs of every edition that correspond.",
  glossary: "Glossary entries of a work with their occurrences.",
  exports: "A whole work as TEI P5 XML, TMX, CSV or JSON.",
  search: "Search across every edition and the glossary.",
  meta: "This description of the API.",
};

/**
 * Converts the components and every other schema the routes use in one pass,
 * so that a component is described once and referenced ($ref) everywhere
 * else. Descriptions and examples given with .meta() are kept.
 */
class SchemaConverter {
  private readonly registry = z.registry<{ id: string } & Record<string, unknown>>();
  private readonly inline = new Map<z.ZodType, string>();
  private readonly descriptions = new Map<string, string>();
  private converted?: Record<string, JsonSchema>;

  constructor() {
    for (const schema of componentSchemas) {
      const meta = apiComponents.get(schema)!;
      this.registry.add(schema, { ...z.globalRegistry.get(schema), ...meta });
      this.descriptions.set(meta.id, meta.description);
    }
  }

  /** Notes a schema to convert; call before components(). */
  use(schema: z.ZodType): void {
    if (apiComponents.has(schema) || this.inline.has(schema)) return;
    const id = `inline-${this.inline.size + 1}`;
    this.inline.set(schema, id);
    this.registry.add(schema, { ...z.globalRegistry.get(schema), id });
  }

  private all(): Record<string, JsonSchema> {
    this.converted ??= Object.fromEntries(
      Object.entries(z.toJSONSchema(this.registry, { io: "output", uri: (id) => `${COMPONENT_REF}${id}`, unrepresentable: "any" }).schemas).map(([id, schema]) => {
        const { $schema: _dialect, $id: _id, ...json } = schema as JsonSchema;
        // The conversion takes descriptions from .meta(); a component's own comes from its registration.
        const description = this.descriptions.get(id);
        return [id, description && !json.description ? { description, ...json } : json];
      }),
    );
    return this.converted;
  }

  /** A schema object for a used schema: a $ref for a component, the schema itself otherwise. */
  schema(schema: z.ZodType): JsonSchema {
    const component = apiComponents.get(schema);
    if (component) return { $ref: `${COMPONENT_REF}${component.id}` };
    const id = this.inline.get(schema);
    if (!id) throw new Error("schema() before use()");
    return this.all()[id]!;
  }

  /** The components, and any other schema that one of them refers to. */
  components(document: unknown): Record<string, JsonSchema> {
    const all = this.all();
    const text = JSON.stringify(document);
    return Object.fromEntries(Object.entries(all).filter(([id]) => !id.startsWith("inline-") || text.includes(`"${COMPONENT_REF}${id}"`)));
  }
}

function parameters(route: RouteDefinition, schemas: SchemaConverter): JsonSchema[] {
  const described = (location: "path" | "query", shape: Record<string, z.ZodType>) =>
    Object.entries(shape).map(([name, schema]) => {
      const { description, examples, ...json } = schemas.schema(schema) as JsonSchema & { description?: string; examples?: unknown[] };
      return {
        name,
        in: location,
        required: location === "path" || !schema.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: json,
        ...(examples?.length ? { example: examples[0] } : {}),
      };
    });
  return [...described("path", route.pathParameters.shape), ...described("query", route.queryParameters.shape)];
}

const problemResponse = (description: string) => ({ description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `${COMPONENT_REF}${apiComponents.get(problemSchema)!.id}` } } } });

function operation(route: RouteDefinition, schemas: SchemaConverter): JsonSchema {
  const headers: Record<string, JsonSchema> = {
    ETag: { $ref: "#/components/headers/ETag" },
    "Cache-Control": { $ref: "#/components/headers/CacheControl" },
    "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
  };
  if (route.paginated) headers.Link = { $ref: "#/components/headers/Link" };
  if (route.download) headers["Content-Disposition"] = { $ref: "#/components/headers/ContentDisposition" };
  const hasParameters = Object.keys(route.pathParameters.shape).length + Object.keys(route.queryParameters.shape).length > 0;
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: route.description,
    parameters: [...parameters(route, schemas), { $ref: "#/components/parameters/IfNoneMatch" }],
    responses: {
      "200": {
        description: route.response.description,
        headers,
        content: Object.fromEntries(Object.entries(route.response.content).map(([mediaType, schema]) => [mediaType, { schema: schemas.schema(schema) }])),
      },
      "304": { $ref: "#/components/responses/NotModified" },
      ...(hasParameters ? { "400": problemResponse("A parameter is invalid: the problem names each one and says why.") } : {}),
      ...(Object.keys(route.pathParameters.shape).length ? { "404": problemResponse("No such work, or nothing at this number or key in it.") } : {}),
      "500": problemResponse("The server failed; the answer gives no details."),
    },
    "x-example": route.example,
  };
}

/** The OpenAPI 3.1 document describing these routes. */
export function openApiDocument(routes: readonly RouteDefinition[]): JsonSchema {
  const schemas = new SchemaConverter();
  for (const route of routes) {
    for (const schema of [...Object.values(route.pathParameters.shape), ...Object.values(route.queryParameters.shape), ...Object.values(route.response.content)]) {
      schemas.use(schema as z.ZodType);
    }
  }
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    if (paths[route.path]) throw new Error(`two routes are defined for ${route.path}`);
    paths[route.path] = { get: operation(route, schemas) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: API_TITLE,
      version: API_VERSION,
      summary: "Read-only access to aligned parallel texts: works, editions, alignment units, paragraphs, glossaries and exports.",
      description:
        "Every answer is JSON (or a file for the exports). Errors are RFC 9457 problem details (application/problem+json). " +
        "Answers carry an ETag and may be revalidated with If-None-Match; CORS is open to every origin for GET and HEAD. " +
        "Lists are paginated with page and pageSize (at most 100) and say their total.",
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: schemas.components(paths),
      parameters: {
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "An ETag from an earlier answer: if the data has not changed, the answer is 304 Not Modified without a body.",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "Identifies this answer; it changes when the work changes.", schema: { type: "string" } },
        CacheControl: { description: "public, max-age=60, must-revalidate", schema: { type: "string" } },
        AllowOrigin: { description: "Always *: any web page may read the API.", schema: { type: "string", const: "*" } },
        Link: { description: "RFC 8288 links to the first, last, previous and next pages.", schema: { type: "string" } },
        ContentDisposition: { description: "attachment, with the file's name.", schema: { type: "string" } },
      },
      responses: {
        NotModified: { description: "Not modified: the ETag in If-None-Match is current.", headers: { ETag: { $ref: "#/components/headers/ETag" } } },
      },
    },
  };
}
