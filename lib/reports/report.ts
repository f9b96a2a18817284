/**
 * A reader's misalignment report as it arrives (a form post or JSON): which
 * unit of which work looks wrong, and a short note for the editors. Refusals
 * are RFC 9457 problems, like the API's.
 */
import { z } from "zod";
import { slugParameter, unitNumberParameter } from "../api/parameters.ts";
import { PROBLEM_TYPES } from "../api/problem.ts";

export const NOTE_MAX_LENGTH = 1000;

/** Line breaks as one character (a form sends CRLF for what the textarea counted as one), no surrounding space. */
const normalizeNote = (note: string) => note.replace(/\r\n?/g, "\n").trim();

export const reportSchema = z.object({
  work: slugParameter,
  unit: unitNumberParameter,
  note: z
    .string("must be text")
    .transform(normalizeNote)
    .pipe(z.string().min(1, "must not be empty").max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`)),
  /** The interface language of the page that sent the form, for the answer to a form post. */
  locale: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .catch(undefined),
});

export type ReportInput = z.output<typeof reportSchema>;

export interface InvalidField {
  name: string;
  in: "body";
  reason: string;
}

export interface ReportProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  "invalid-params"?: InvalidField[];
  /** With 429: the seconds the sender should wait (also in the Retry-After header). */
  retryAfter?: number;
}

export type ReportValidation = { ok: true; value: ReportInput } | { ok: false; problem: ReportProblem };

/** Validates the fields of a report; numbers sent as JSON numbers are read like the digits of a form. */
export function parseReport(fields: Record<string, unknown>, instance: string): ReportValidation {
  const values = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === "number" ? String(value) : value]));
  const result = reportSchema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const invalid = result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? ""), in: "body" as const, reason: issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message }));
  return {
    ok: false,
    problem: {
      type: PROBLEM_TYPES.invalidParameters,
      title: "Invalid report",
      status: 400,
      detail: `The report has ${invalid.length === 1 ? "an invalid field" : "invalid fields"}: ${invalid.map((field) => `${field.name} ${field.reason}`).join("; ")}.`,
      instance,
      "invalid-params": invalid,
    },
  };
}

export function unknownWork(instance: string, slug: string): ReportProblem {
  return { type: PROBLEM_TYPES.notFound, title: "Not found", status: 404, detail: `There is no work "${slug}".`, instance };
}

export function unknownUnit(instance: string, slug: string, unit: number, units: number): ReportProblem {
  return {
    type: "about:blank",
    title: "Unprocessable Content",
    status: 422,
    detail: `The work "${slug}" has no unit ${unit}; its units are numbered 1 to ${units}.`,
    instance,
    "invalid-params": [{ name: "unit", in: "body", reason: `must be a unit of the work, 1 to ${units}` }],
  };
}

export function rateLimited(instance: string, retryAfterSeconds: number, limit: { count: number; windowMs: number }): ReportProblem {
  return {
    type: "about:blank",
    title: "Too Many Requests",
    status: 429,
    detail: `At most ${limit.count} reports can be sent in ${limit.windowMs / 60_000} minutes; try again in ${retryAfterSeconds} seconds.`,
    instance,
    retryAfter: retryAfterSeconds,
  };
}

export function crossOrigin(instance: string): ReportProblem {
  return { type: "about:blank", title: "Forbidden", status: 403, detail: "Reports are accepted only from this site's pages.", instance };
}

export function unsupportedBody(instance: string): ReportProblem {
  return {
    type: "about:blank",
    title: "Unsupported Media Type",
    status: 415,
    detail: "Send the report as a form (application/x-www-form-urlencoded or multipart/form-data) or as application/json.",
    instance,
  };
}
