/**
 * Who may use the alignment editor: whoever knows EDITOR_TOKEN. Without the
 * variable the editor does not exist. Signing in with the token gives a
 * session cookie that holds a random session id and its HMAC under the
 * token, never the token itself; changing EDITOR_TOKEN ends every session.
 * Nothing here depends on Next.js.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "editor_session";
/** Seconds a session lasts; the cookie is kept as long. */
export const SESSION_MAX_AGE = 12 * 60 * 60;
/** How long a refused sign-in waits before it answers, so that guessing is slow. */
export const SIGN_IN_DELAY_MS = 1000;

export interface EditorSession {
  id: string;
  /** Seconds since the epoch. */
  issuedAt: number;
}

/** The editor's token, or null when the editor is switched off (EDITOR_TOKEN unset or blank). */
export function editorToken(env: Record<string, string | undefined> = process.env): string | null {
  const token = env.EDITOR_TOKEN;
  return token && token.trim() !== "" ? token : null;
}

/** Whether a token someone typed is the editor's. Compares equal-length digests in constant time. */
export function tokenMatches(given: string, token: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** An HMAC under the token, base64url: the session's signature and the CSRF token are both one. */
export function tokenHmac(token: string, purpose: string, ...parts: string[]): string {
  return createHmac("sha256", token).update([purpose, ...parts].join("\0")).digest("base64url");
}

/** Compares two strings of public length in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

const signature = (token: string, id: string, issuedAt: number) => tokenHmac(token, "editor-session", id, String(issuedAt));

/** A new session's cookie value: `<id>.<issued at>.<HMAC of both under the token>`. */
export function createSession(token: string, now: number = Date.now(), id: string = randomBytes(18).toString("base64url")): string {
  const issuedAt = Math.floor(now / 1000);
  return `${id}.${issuedAt}.${signature(token, id, issuedAt)}`;
}

const SESSION_VALUE = /^([A-Za-z0-9_-]{24})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** The session a cookie value proves, or null when it is malformed, forged, signed with another token or expired. */
export function readSession(value: string | undefined | null, token: string, now: number = Date.now()): EditorSession | null {
  const match = value ? SESSION_VALUE.exec(value) : null;
  if (!match) return null;
  const [, id = "", issued = "", mac = ""] = match;
  const issuedAt = Number(issued);
  if (!sameSecret(mac, signature(token, id, issuedAt))) return null;
  const age = Math.floor(now / 1000) - issuedAt;
  // A minute's grace for clocks of several instances that disagree a little.
  if (age < -60 || age >= SESSION_MAX_AGE) return null;
  return { id, issuedAt };
}

/**
 * The paths the session cookie is scoped to: the work's editor page and its
 * actions in every interface language, so that switching the language keeps
 * the session and the reader's pages never carry the cookie.
 */
export function sessionCookiePaths(slug: string, locales: readonly string[]): string[] {
  return locales.map((locale) => `/${locale}/works/${slug}/align`);
}

/** Whether the request reached the site over HTTPS (directly, or through a proxy that says so): the cookie is then Secure. */
export function isHttps(headers: Headers, url: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : url.startsWith("https:");
}

/** Set-Cookie values that store a session at each path. */
export function sessionCookies(value: string, paths: string[], secure: boolean): string[] {
  return paths.map((path) => [`${SESSION_COOKIE}=${value}`, `Path=${path}`, `Max-Age=${SESSION_MAX_AGE}`, "HttpOnly", "SameSite=Strict", ...(secure ? ["Secure"] : [])].join("; "));
}

/** Set-Cookie values that remove the session at each path (signing out). */
export function clearedSessionCookies(paths: string[], secure: boolean): string[] {
  return paths.map((path) =>
    [`${SESSION_COOKIE}=`, `Path=${path}`, "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT", "HttpOnly", "SameSite=Strict", ...(secure ? ["Secure"] : [])].join("; "),
  );
}
