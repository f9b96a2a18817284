/**
 * Protection of the editor's form posts against cross-site requests: the
 * request must come from a page of this site (its Origin, or failing that its
 * Referer, names the host it was sent to), and it must carry the CSRF token
 * of the session, an HMAC of the session id under the editor's token that
 * only the editor page prints into its forms.
 */
import { sameSecret, tokenHmac, type EditorSession } from "./session.ts";

/** The form field that carries the CSRF token. */
export const CSRF_FIELD = "csrf";

/** The CSRF token of a session. */
export function csrfToken(session: EditorSession, token: string): string {
  return tokenHmac(token, "editor-csrf", session.id);
}

/** Whether a posted CSRF token is the session's. */
export function csrfMatches(given: unknown, session: EditorSession, token: string): boolean {
  return typeof given === "string" && sameSecret(given, csrfToken(session, token));
}

/** The request headers the origin check reads (lower-case names, as Headers.get returns them). */
export interface OriginHeaders {
  origin: string | null;
  referer: string | null;
  host: string | null;
  /** Set by a reverse proxy (and by Next.js itself from Host when there is none). */
  forwardedHost: string | null;
  forwardedProto: string | null;
}

/** The headers of a request that the origin check reads. */
export function originHeaders(headers: Headers): OriginHeaders {
  return {
    origin: headers.get("origin"),
    referer: headers.get("referer"),
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
    forwardedProto: headers.get("x-forwarded-proto"),
  };
}

function originOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a request was sent by a page of this site. Browsers send Origin with
 * every POST (a cross-site form cannot forge it); a request with neither
 * Origin nor Referer, or with the opaque origin "null", is refused.
 */
export function isSameOrigin(headers: OriginHeaders): boolean {
  const host = (headers.forwardedHost ?? headers.host)?.split(",")[0]?.trim().toLowerCase();
  if (!host) return false;
  const source = headers.origin ?? headers.referer;
  if (!source || source === "null") return false;
  const url = originOf(source);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return false;
  const protocol = headers.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return url.host.toLowerCase() === host && (!protocol || url.protocol === `${protocol}:`);
}
