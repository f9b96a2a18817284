import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";
import { workExportSchema } from "@/lib/api/schemas";
import { jsonDocument } from "@/lib/export/json";
import { responseValidator } from "../api/response-validator";
import { workFromContent } from "./work-fixture";

describe("the JSON export", () => {
  const work = workFromContent("content/streltsov-2018");
  const document = JSON.parse(jsonDocument(work));

  it("matches the WorkExport schema of the OpenAPI document and its zod schema", () => {
    const check = responseValidator(openApiDocument(API_ROUTES));
    expect(check("/api/v1/works/{slug}/export.json", "200", "application/json", document)).toEqual([]);
    expect(workExportSchema.safeParse(document).success).toBe(true);
  });

  it("holds the whole work: facts, every unit and every paragraph", () => {
    expect(document).toMatchObject({ format: "parallel-reader/work", version: 1, slug: "streltsov-2018", updatedAt: "2026-11-28T12:00:00.000Z" });
    expect(document.editions[1]).toMatchObject({ language: "ru", status: "project-translation", pages: "70–85", volume: null, paragraphs: 63 });
    expect(document.units).toHaveLength(work.units.length);
    for (const [index, unit] of work.units.entries()) {
      for (const language of ["en", "ru"]) {
        expect(document.units[index].paragraphs[language].map((paragraph: { text: string }) => paragraph.text)).toEqual(
          unit.paragraphs[language]!.map((paragraph) => paragraph.text),
        );
      }
    }
  });
});
