import { describe, expect, it } from "vitest";
import {
  clearedSessionCookies,
  createSession,
  editorToken,
  isHttps,
  readSession,
  SESSION_MAX_AGE,
  sessionCookiePaths,
  sessionCookies,
  tokenMatches,
} from "@/lib/editor/session";

const token = "correct horse battery staple";
const now = Date.UTC(2026, 10, 28, 12, 0, 0);

describe("the editor token", () => {
  it("switches the editor on only when EDITOR_TOKEN is set and not blank", () => {
    expect(editorToken({})).toBeNull();
    expect(editorToken({ EDITOR_TOKEN: "" })).toBeNull();
    expect(editorToken({ EDITOR_TOKEN: "   " })).toBeNull();
    expect(editorToken({ EDITOR_TOKEN: token })).toBe(token);
  });

  it("matches exactly the token, whatever the length of the guess", () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token} `, token)).toBe(false);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches("", token)).toBe(false);
    expect(tokenMatches("x".repeat(10_000), token)).toBe(false);
  });
});

describe("the session cookie", () => {
  it("holds a session id and its HMAC, never the token", () => {
    const value = createSession(token, now);
    expect(value).not.toContain(token);
    expect(value).toMatch(/^[A-Za-z0-9_-]{24}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(readSession(value, token, now)).toEqual({ id: value.split(".")[0], issuedAt: now / 1000 });
    // Two sign-ins are two sessions.
    expect(createSession(token, now)).not.toBe(value);
  });

  it("is refused when forged, altered, signed with another token, malformed or expired", () => {
    const value = createSession(token, now);
    const [id, issued, mac] = value.split(".") as [string, string, string];
    expect(readSession(value, "another token", now)).toBeNull();
    expect(readSession(`${id}.${Number(issued) + 3600}.${mac}`, token, now)).toBeNull();
    expect(readSession(`${"A".repeat(24)}.${issued}.${mac}`, token, now)).toBeNull();
    expect(readSession(`${id}.${issued}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`, token, now)).toBeNull();
    for (const malformed of [undefined, null, "", "abc", `${value}.x`, `${id}.${issued}`, token]) expect(readSession(malformed, token, now)).toBeNull();
    expect(readSession(value, token, now + (SESSION_MAX_AGE - 1) * 1000)).not.toBeNull();
    expect(readSession(value, token, now + SESSION_MAX_AGE * 1000)).toBeNull();
    // Issued in the future (beyond a minute's clock skew): refused.
    expect(readSession(createSession(token, now + 120_000), token, now)).toBeNull();
  });

  it("is scoped to the work's editor in every interface language, HttpOnly, SameSite=Strict, Secure over HTTPS", () => {
    const paths = sessionCookiePaths("streltsov-2018", ["en", "ru", "ja"]);
    expect(paths).toEqual(["/en/works/streltsov-2018/align", "/ru/works/streltsov-2018/align", "/ja/works/streltsov-2018/align"]);
    const [plain] = sessionCookies("v", paths, false);
    expect(plain).toBe(`editor_session=v; Path=/en/works/streltsov-2018/align; Max-Age=${SESSION_MAX_AGE}; HttpOnly; SameSite=Strict`);
    expect(sessionCookies("v", paths, true).every((cookie) => cookie.endsWith("; Secure"))).toBe(true);
    const cleared = clearedSessionCookies(paths, true);
    expect(cleared).toHaveLength(3);
    expect(cleared[2]).toBe("editor_session=; Path=/ja/works/streltsov-2018/align; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict; Secure");
  });

  it("is Secure when the request came over HTTPS, directly or through a proxy", () => {
    expect(isHttps(new Headers(), "https://reader.example/en")).toBe(true);
    expect(isHttps(new Headers(), "http://127.0.0.1:3000/en")).toBe(false);
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }), "http://127.0.0.1:3000/en")).toBe(true);
    expect(isHttps(new Headers({ "x-forwarded-proto": "http" }), "https://reader.example/en")).toBe(false);
  });
});
