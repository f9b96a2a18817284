import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { defineRoute } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { component } from "@/lib/api/schemas";

const API_FOLDER = path.join("app", "api", "v1");
const document = openApiDocument(API_ROUTES) as { paths: Record<string, { get: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } };

/** The addresses of the route files under app/api/v1, written as OpenAPI paths ([slug] → {slug}); the catch-all is left out. */
function routeFiles(folder = API_FOLDER): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name.startsWith("[...") ? [] : routeFiles(full);
    return name === "route.ts" ? [`/${path.relative("app", folder).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}")}`] : [];
  });
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes exactly the routes that exist", () => {
    expect(Object.keys(document.paths).sort()).toEqual(routeFiles().sort());
  });

  it("gives every operation a unique id, a 200 with a schema, and a problem for bad parameters", () => {
    const ids = Object.values(document.paths).map((item) => item.get.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [route, item] of Object.entries(document.paths)) {
      const responses = item.get.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
      expect(Object.values(responses["200"]!.content!).every((media) => media.schema), route).toBe(true);
      if (route.includes("{")) {
        expect(responses["400"]!.content!["application/problem+json"], route).toBeDefined();
        expect(responses["404"], route).toBeDefined();
      }
    }
  });

  it("documents each parameter with its constraints", () => {
    const units = document.paths["/api/v1/works/{slug}/units"]!.get.parameters as { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
    expect(units.find((parameter) => parameter.name === "pageSize")).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } });
    expect(units.find((parameter) => parameter.name === "slug")).toMatchObject({ in: "path", required: true, schema: { type: "string" } });
    const format = (document.paths["/api/v1/works/{slug}/export"]!.get.parameters as { name: string; required: boolean; schema: unknown }[]).find((parameter) => parameter.name === "format");
    expect(format).toMatchObject({ required: true, schema: { enum: ["tei", "tmx", "csv", "json"] } });
  });

  it("takes a new route and its schemas the same way (as the search route will)", () => {
    const hitSchema = component("TestSearchHit", "A hit.", z.object({ text: z.string() }));
    const searchRoute = defineRoute({
      operationId: "testSearch",
      path: "/api/v1/test-search",
      tag: "search",
      summary: "Search",
      description: "Searches.",
      query: { q: z.string().min(1, "must not be empty").meta({ description: "What to look for." }) },
      response: { description: "Hits.", content: { "application/json": z.object({ data: z.array(hitSchema) }) } },
      example: "/api/v1/test-search?q=treaty",
    });
    const extended = openApiDocument([...API_ROUTES, searchRoute]) as typeof document;
    const operation = extended.paths["/api/v1/test-search"]!.get;
    expect(operation.parameters).toContainEqual({ name: "q", in: "query", required: true, description: "What to look for.", schema: { type: "string", minLength: 1 } });
    expect(JSON.stringify(operation.responses)).toContain("#/components/schemas/TestSearchHit");
    expect(extended.components.schemas.TestSearchHit).toMatchObject({ type: "object", description: "A hit." });
  });

  it("refuses a route whose path and parameters disagree", () => {
    expect(() =>
      defineRoute({ operationId: "broken", path: "/api/v1/works/{slug}", tag: "works", summary: "", description: "", response: { description: "", content: {} }, example: "" }),
    ).toThrow(/disagree/);
  });
});
