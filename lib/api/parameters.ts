/**
 * The parameters of the API's routes as zod schemas. Path and query values
 * arrive as strings; each schema decodes one into the value a resolver uses
 * and, turned into JSON Schema, documents it in the OpenAPI document.
 */
import { z } from "zod";
import type { InvalidParameter } from "./problem.ts";

/** Page size when a request does not say. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Far above any real count; keeps numbers exact and offsets small. */
const MAX_NUMBER = 1_000_000;

/** A whole number written in decimal digits, from `min` to `max`. */
export function wholeNumber(min: number, max: number, meta: { description: string; examples?: number[] }) {
  const range = `a whole number from ${min} to ${max}`;
  return z
    .codec(z.string().regex(/^[0-9]+$/, `must be ${range}`), z.int(`must be ${range}`).min(min, `must be ${range}`).max(max, `must be ${range}`), {
      decode: Number,
      encode: String,
    })
    .meta(meta);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugParameter = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(SLUG, "must be a slug: lower-case letters, digits and single hyphens, such as streltsov-2018")
  .meta({ description: "The work's slug, as in its reader address /en/works/{slug}.", examples: ["streltsov-2018"] });

export const languageParameter = z
  .string()
  .max(35, "must be at most 35 characters")
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as en or ru")
  .meta({ description: "The edition's language (BCP 47), such as en or ru.", examples: ["ru"] });

export const paragraphNumberParameter = wholeNumber(1, MAX_NUMBER, {
  description: "The paragraph's number in its edition, as in the reader's permalink #en-12.",
  examples: [12],
});

export const unitNumberParameter = wholeNumber(1, MAX_NUMBER, { description: "The alignment unit's number in the work, as in the reader's #u12.", examples: [12] });

export const glossaryKeyParameter = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(SLUG, "must be a glossary key: lower-case letters, digits and single hyphens")
  .meta({ description: "The glossary entry's key, its id in the work's glossary file.", examples: ["hikiwake"] });

export const pagination = {
  page: wholeNumber(1, MAX_NUMBER, { description: "The page to return, from 1." }).default(1),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE, { description: `How many items a page holds, at most ${MAX_PAGE_SIZE}.` }).default(DEFAULT_PAGE_SIZE),
};

export interface Pagination {
  page: number;
  pageSize: number;
}

type Location = InvalidParameter["in"];

/** Names the parameter of every issue, saying why its value was refused. */
function describeIssues(issues: z.core.$ZodIssue[], location: Location, known: string[]): InvalidParameter[] {
  return issues.flatMap((issue): InvalidParameter[] => {
    if (issue.code === "unrecognized_keys") {
      const accepted = known.length ? `; this route takes ${known.join(", ")}` : "; this route takes no query parameters";
      return issue.keys.map((name) => ({ name, in: location, reason: `is not a parameter of this route${accepted}` }));
    }
    return [{ name: String(issue.path[0] ?? ""), in: location, reason: issue.message }];
  });
}

export type Validation<Value> = { ok: true; value: Value } | { ok: false; problems: InvalidParameter[] };

export function validatePath<Shape extends z.ZodObject>(schema: Shape, values: Record<string, string>): Validation<z.output<Shape>> {
  const result = schema.safeParse(values);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: describeIssues(result.error.issues, "path", Object.keys(schema.shape)) };
}

/** Validates a query string: every parameter at most once, none unknown, each value valid. */
export function validateQuery<Shape extends z.ZodObject>(schema: Shape, search: URLSearchParams): Validation<z.output<Shape>> {
  const values: Record<string, string> = {};
  const repeated: InvalidParameter[] = [];
  for (const name of new Set(search.keys())) {
    const given = search.getAll(name);
    if (given.length > 1) repeated.push({ name, in: "query", reason: "is given more than once" });
    values[name] = given[0]!;
  }
  const result = schema.safeParse(values);
  const problems = [...repeated, ...(result.success ? [] : describeIssues(result.error.issues, "query", Object.keys(schema.shape)))];
  return result.success && problems.length === 0 ? { ok: true, value: result.data } : { ok: false, problems };
}
