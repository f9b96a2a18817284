import { setTimeout as sleep } from "node:timers/promises";
import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import { hasLocale } from "next-intl";
import { editAlignment, undoChange } from "@/lib/db/alignment-editor";
import { primaryDatabase } from "@/lib/db/client";
import { resolveReport } from "@/lib/db/reports";
import { CSRF_FIELD, csrfMatches, isSameOrigin, originHeaders } from "@/lib/editor/csrf";
import { isEditorAction, parseEditorForm, parseSignIn, type EditorRequest } from "@/lib/editor/forms";
import { EditorError } from "@/lib/editor/operations";
import {
  clearedSessionCookies,
  createSession,
  editorToken,
  isHttps,
  readSession,
  SESSION_COOKIE,
  sessionCookiePaths,
  sessionCookies,
  SIGN_IN_DELAY_MS,
  tokenMatches,
} from "@/lib/editor/session";
import { routing } from "@/lib/i18n/routing";

/**
 * The alignment editor's actions, one POST each (sign-in, sign-out, merge,
 * split, move, review, undo, resolve), sent by the editor page's plain forms.
 * Each answers 404 while EDITOR_TOKEN is unset, 403 to a request from another
 * site, without a valid session or without the session's CSRF token, and
 * otherwise redirects (303) to the editor page, which shows the outcome.
 */

type Context = RouteContext<"/[locale]/works/[slug]/align/[action]">;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function problem(status: number, title: string, detail: string, instance: string, extra: { body?: Record<string, unknown>; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, instance, ...extra.body }), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...extra.headers },
  });
}

function seeOther(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** The posted fields, or null when the body is not a form. */
async function formFields(request: NextRequest): Promise<Record<string, string> | null> {
  try {
    const form = await request.formData();
    return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return null;
  }
}

/**
 * The cached pages show the new alignment at the next visit: the reader's, and the list of works (its counts of
 * units). Next.js tags a cached page with its route's pattern and only its own address, and each view of a work is
 * cached at an address of its own (/…/works/x/view/interleaved.ru): the patterns' tags reach every view of every
 * work and every page of the list, in every language.
 */
function revalidateReader(): void {
  revalidatePath("/[locale]/works/[slug]", "layout");
  revalidatePath("/[locale]/library/[page]", "page");
}

/** Whether the database gave up waiting (another process held SQLite's write lock too long, or a transaction could not start): worth another try. */
function isBusy(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : null;
  return code === "P1008" || code === "P2028" || code === "P2034";
}

const notFound = (instance: string) => problem(404, "Not Found", "There is nothing here.", instance);

export async function GET(request: NextRequest) {
  const instance = new URL(request.url).pathname;
  if (!editorToken()) return notFound(instance);
  return problem(405, "Method Not Allowed", "The editor's actions are form posts.", instance, { headers: { Allow: "POST" } });
}

export async function POST(request: NextRequest, { params }: Context) {
  const token = editorToken();
  const { locale, slug, action } = await params;
  const instance = new URL(request.url).pathname;
  if (!token || !hasLocale(routing.locales, locale) || !SLUG.test(slug) || !isEditorAction(action)) return notFound(instance);
  if (!isSameOrigin(originHeaders(request.headers))) return problem(403, "Forbidden", "The editor accepts forms only from its own pages (the Origin header names another site, or none).", instance);

  const fields = await formFields(request);
  if (!fields) return problem(400, "Bad Request", "The body must be a form (application/x-www-form-urlencoded or multipart/form-data).", instance);
  const editorPath = `/${locale}/works/${slug}/align`;
  const paths = sessionCookiePaths(slug, routing.locales);
  const secure = isHttps(request.headers, request.url);

  if (action === "sign-in") {
    const given = parseSignIn(fields);
    if (given !== null && tokenMatches(given, token)) return seeOther(editorPath, sessionCookies(createSession(token), paths, secure));
    await sleep(SIGN_IN_DELAY_MS);
    return seeOther(`${editorPath}?signin=failed`);
  }

  const session = readSession(request.cookies.get(SESSION_COOKIE)?.value, token);
  if (!session) return problem(403, "Forbidden", "Sign in to the editor first: the request has no valid editor session.", instance);
  if (!csrfMatches(fields[CSRF_FIELD], session, token)) return problem(403, "Forbidden", "The form's CSRF token is missing or is not this session's; reload the editor page.", instance);

  const parsed = parseEditorForm(action, fields);
  if (!parsed.ok) {
    const invalid = parsed.invalid;
    return problem(400, "Bad Request", `The form has invalid fields: ${invalid.map((field) => `${field.name} ${field.reason}`).join("; ")}.`, instance, { body: { "invalid-params": invalid } });
  }
  if (parsed.request.action === "sign-out") return seeOther(`${editorPath}?signedout=1`, clearedSessionCookies(paths, secure));
  return perform(parsed.request, slug, editorPath, instance);
}

async function perform(request: Exclude<EditorRequest, { action: "sign-out" }>, slug: string, editorPath: string, instance: string): Promise<Response> {
  const db = primaryDatabase();
  const back = (outcome: Record<string, string>, unit?: number) => {
    const query = new URLSearchParams({ order: request.order, ...(unit ? { unit: String(unit) } : {}), ...outcome });
    return seeOther(`${editorPath}?${query}${unit ? `#u${unit}` : ""}`);
  };

  if (request.action === "resolve") {
    const unit = await resolveReport(db, slug, request.report);
    return unit === null ? back({ error: "gone" }) : back({ done: "resolve" }, unit);
  }

  const work = await db.work.findUnique({ where: { slug }, select: { updatedAt: true } });
  if (!work) return notFound(instance);
  if (String(work.updatedAt.getTime()) !== request.version) return back({ error: "stale" });

  if (request.action === "undo") {
    const entry = await db.alignmentChange.findFirst({ where: { id: request.change, work: { slug } }, select: { before: true, undoneAt: true } });
    if (!entry || entry.undoneAt) return back({ error: "gone" });
    try {
      await undoChange(db, slug, request.change);
    } catch (error) {
      if (isBusy(error)) return back({ error: "busy" });
      if (!(error instanceof EditorError)) throw error;
      return back({ error: "undo-blocked", change: String(request.change) });
    }
    revalidateReader();
    return back({ done: "undo", change: String(request.change) }, (entry.before as { start: number }).start);
  }

  const operation = request.operation;
  try {
    await editAlignment(db, slug, operation);
  } catch (error) {
    if (isBusy(error)) return back({ error: "busy" }, operation.unit);
    if (!(error instanceof EditorError)) throw error;
    return back({ error: "refused" }, operation.unit);
  }
  revalidateReader();
  const done = operation.action === "review" && !operation.reviewed ? "unreview" : operation.action;
  const focus = operation.action === "move" && operation.direction === "previous" ? operation.unit - 1 : operation.unit;
  return back({ done }, focus);
}
