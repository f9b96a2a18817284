import type { NextRequest } from "next/server";
import { primaryDatabase } from "@/lib/db/client";
import { fileReport } from "@/lib/db/reports";
import { isSameOrigin, originHeaders } from "@/lib/editor/csrf";
import { routing } from "@/lib/i18n/routing";
import { REPORT_RATE_LIMIT } from "@/lib/reports/rate-limit";
import { crossOrigin, parseReport, rateLimited, unknownUnit, unknownWork, unsupportedBody, type ReportProblem } from "@/lib/reports/report";
import { senderAddress, senderHash } from "@/lib/reports/sender";

/**
 * POST /api/reports: a reader's note that a unit looks misaligned (work,
 * unit, note, and optionally the page's locale; work, unit and locale may
 * also be given in the query), from the
 * reader's report form (JavaScript sends it with Accept: application/json)
 * or from any client. Answers 201 with the report's id, or a problem:
 * 400 bad fields, 403 sent from another site, 404 no such work, 413 too
 * large, 415 not a form or JSON, 422 no such unit, 429 too many reports
 * from one sender (with Retry-After). A browser posting the form without
 * JavaScript is sent (303) to a page that says how it went.
 */

const INSTANCE = "/api/reports";
/** A report is a slug, a number and 1000 characters: anything much larger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

function problemResponse(problem: ReportProblem): Response {
  const headers = new Headers({ "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  if (problem.retryAfter) headers.set("Retry-After", String(problem.retryAfter));
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}

async function readFields(request: NextRequest): Promise<Record<string, unknown> | "unsupported" | "malformed"> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  try {
    if (type === "application/json") {
      const body: unknown = await request.json();
      return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : "malformed";
    }
    if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
      return Object.fromEntries([...(await request.formData()).entries()].filter(([, value]) => typeof value === "string"));
    }
  } catch {
    return "malformed";
  }
  return "unsupported";
}

export async function POST(request: NextRequest) {
  const headers = originHeaders(request.headers);
  // Browsers send Origin with every POST; other clients may send none and are let through (a report carries no one's authority).
  if ((headers.origin || headers.referer) && !isSameOrigin(headers)) return problemResponse(crossOrigin(INSTANCE));
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return problemResponse({ type: "about:blank", title: "Content Too Large", status: 413, detail: `A report is at most ${MAX_BODY_BYTES} bytes.`, instance: INSTANCE });
  }

  const fields = await readFields(request);
  if (fields === "unsupported") return problemResponse(unsupportedBody(INSTANCE));
  // The reader's form names the work, the unit and its language in its address (fewer elements per unit); the body wins.
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseReport({ ...query, ...(fields === "malformed" ? {} : fields) }, INSTANCE);
  if (!parsed.ok) return problemResponse(parsed.problem);
  const report = parsed.value;

  const sender = senderHash(senderAddress(request.headers.get("x-forwarded-for")));
  const outcome = await fileReport(primaryDatabase(), { work: report.work, unit: report.unit, note: report.note, sender });

  // A form posted without JavaScript: a page in the reader's language says how it went.
  if (request.headers.get("accept")?.includes("text/html") && outcome.status !== "unknown-work") {
    const locale = routing.locales.find((candidate) => candidate === report.locale) ?? routing.defaultLocale;
    const query = new URLSearchParams({ unit: String(report.unit) });
    if (outcome.status === "rate-limited") query.set("retry", String(outcome.retryAfterSeconds));
    if (outcome.status === "unknown-unit") query.set("problem", "unit");
    return new Response(null, { status: 303, headers: { Location: `/${locale}/works/${report.work}/reported?${query}`, "Cache-Control": "no-store" } });
  }

  switch (outcome.status) {
    case "unknown-work":
      return problemResponse(unknownWork(INSTANCE, report.work));
    case "unknown-unit":
      return problemResponse(unknownUnit(INSTANCE, report.work, report.unit, outcome.units));
    case "rate-limited":
      return problemResponse(rateLimited(INSTANCE, outcome.retryAfterSeconds, REPORT_RATE_LIMIT));
    case "filed":
      return Response.json({ id: outcome.id, work: report.work, unit: report.unit }, { status: 201, headers: { "Cache-Control": "no-store" } });
  }
}
