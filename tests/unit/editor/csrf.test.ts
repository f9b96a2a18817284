import { describe, expect, it } from "vitest";
import { csrfMatches, csrfToken, isSameOrigin, originHeaders, type OriginHeaders } from "@/lib/editor/csrf";
import { createSession, readSession } from "@/lib/editor/session";

const token = "editor-token-for-tests";
const session = readSession(createSession(token), token)!;
const other = readSession(createSession(token), token)!;

describe("the CSRF token", () => {
  it("is bound to the session and to the editor token", () => {
    const csrf = csrfToken(session, token);
    expect(csrf).not.toContain(token);
    expect(csrf).not.toContain(session.id);
    expect(csrfMatches(csrf, session, token)).toBe(true);
    expect(csrfMatches(csrf, other, token)).toBe(false);
    expect(csrfMatches(csrf, session, "another token")).toBe(false);
    expect(csrfMatches(csrfToken(session, token), session, token)).toBe(true);
  });

  it("refuses a missing, empty, shortened or non-text token", () => {
    const csrf = csrfToken(session, token);
    for (const given of [undefined, null, "", csrf.slice(1), `${csrf}x`, 42, [csrf]]) expect(csrfMatches(given, session, token)).toBe(false);
  });
});

const request = (headers: Partial<OriginHeaders>): OriginHeaders => ({ origin: null, referer: null, host: "127.0.0.1:3100", forwardedHost: null, forwardedProto: "http", ...headers });

describe("the origin check", () => {
  it("lets through a post from a page of this site, by Origin or else by Referer", () => {
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3100" }))).toBe(true);
    expect(isSameOrigin(request({ referer: "http://127.0.0.1:3100/en/works/x/align?order=text" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "HTTP://127.0.0.1:3100" }))).toBe(true);
  });

  it("refuses another site, another port or scheme, an opaque origin and a request that names none", () => {
    expect(isSameOrigin(request({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3101" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "https://127.0.0.1:3100" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3100.evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "not a url" }))).toBe(false);
    expect(isSameOrigin(request({ referer: "javascript:alert(1)" }))).toBe(false);
    expect(isSameOrigin(request({}))).toBe(false);
    // Origin wins over a Referer that would pass.
    expect(isSameOrigin(request({ origin: "https://evil.example", referer: "http://127.0.0.1:3100/en" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3100", host: null }))).toBe(false);
  });

  it("compares with the host a proxy forwarded, when there is one", () => {
    const proxied = { host: "127.0.0.1:3000", forwardedHost: "reader.example", forwardedProto: "https" };
    expect(isSameOrigin(request({ ...proxied, origin: "https://reader.example" }))).toBe(true);
    expect(isSameOrigin(request({ ...proxied, origin: "http://reader.example" }))).toBe(false);
    expect(isSameOrigin(request({ ...proxied, origin: "http://127.0.0.1:3000" }))).toBe(false);
  });

  it("reads the headers of a request", () => {
    const headers = new Headers({ origin: "http://a", referer: "http://a/b", host: "a", "x-forwarded-host": "b", "x-forwarded-proto": "https" });
    expect(originHeaders(headers)).toEqual({ origin: "http://a", referer: "http://a/b", host: "a", forwardedHost: "b", forwardedProto: "https" });
  });
});
