import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFERENCES,
  leadFirst,
  nextLayout,
  parsePreferences,
  parseViewSegment,
  PREFERENCES_COOKIE,
  requestedView,
  resolveView,
  serializePreferences,
  settingsScript,
  viewQuery,
  viewSegment,
} from "@/lib/reader/preferences";

describe("reader preferences", () => {
  it("round-trips every choice through the cookie", () => {
    const preferences = { layout: "interleaved", lead: "ru", theme: "sepia", size: 4, lineHeight: 3, hidden: ["pages", "numbers"] } as const;
    expect(parsePreferences(serializePreferences({ ...preferences, hidden: [...preferences.hidden] }))).toEqual({ ...preferences, hidden: ["numbers", "pages"] });
  });

  it("writes nothing for the defaults and reads nothing as the defaults", () => {
    expect(serializePreferences(DEFAULT_PREFERENCES)).toBe("");
    expect(parsePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences("")).toEqual(DEFAULT_PREFERENCES);
  });

  it("falls back field by field on unknown or malformed values", () => {
    expect(parsePreferences(encodeURIComponent("layout=sideways&lead=<script>&theme=dark&size=9&leading=2&hide=numbers.bogus"))).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: "dark",
      hidden: ["numbers"],
    });
    expect(parsePreferences("%E0%A4%A")).toEqual(DEFAULT_PREFERENCES);
  });
});

describe("the reader's view", () => {
  const editions = ["en", "ru"];

  const view = (query: string, cookie?: string) => resolveView(editions, requestedView(new URLSearchParams(query), cookie));

  it("lets the URL override the cookie, so a shared link opens the same view", () => {
    const cookie = serializePreferences({ ...DEFAULT_PREFERENCES, layout: "single", lead: "en" });
    expect(view("layout=interleaved&lead=ru", cookie)).toEqual({ layout: "interleaved", order: ["ru", "en"] });
    expect(view("", cookie)).toEqual({ layout: "single", order: ["en", "ru"] });
    expect(view("layout=parallel&layout=single")).toEqual({ layout: "parallel", order: ["en", "ru"] });
  });

  it("ignores a layout or lead it does not know", () => {
    expect(view("layout=grid&lead=de")).toEqual({ layout: null, order: ["en", "ru"] });
    expect(leadFirst(["en", "ru", "ja"], "ja")).toEqual(["ja", "en", "ru"]);
  });

  it("cycles the layouts for the l shortcut", () => {
    expect(nextLayout(null)).toBe("interleaved");
    expect(nextLayout("interleaved")).toBe("single");
    expect(nextLayout("single")).toBe("parallel");
  });

  it("puts only what differs from the work's default into a link", () => {
    expect(viewQuery({ layout: null, lead: "en" }, "en")).toBe("");
    expect(viewQuery({ layout: "interleaved", lead: "ru" }, "en")).toBe("?layout=interleaved&lead=ru");
  });
});

describe("views as cached pages", () => {
  it("takes the view from the URL first, then from the cookie, field by field", () => {
    const cookie = serializePreferences({ ...DEFAULT_PREFERENCES, layout: "single", lead: "ru", theme: "dark" });
    expect(requestedView(new URLSearchParams("layout=interleaved"), cookie)).toEqual({ layout: "interleaved", lead: "ru" });
    expect(requestedView(new URLSearchParams("lead=en&layout=sideways"), cookie)).toEqual({ layout: "single", lead: "en" });
    expect(requestedView(new URLSearchParams(""), undefined)).toEqual({ layout: null, lead: null });
  });

  it("names every view by one segment and reads it back; the default view has none", () => {
    for (const layout of [null, "parallel", "interleaved", "single"] as const) {
      for (const lead of [null, "en", "ru"]) {
        const segment = viewSegment({ layout, lead });
        if (layout === null && lead === null) expect(segment).toBeNull();
        else expect(parseViewSegment(segment!)).toEqual({ layout, lead });
      }
    }
  });

  it("refuses segments that name no view, so that no stray address gets a cached page", () => {
    for (const segment of ["", "auto", "auto.auto", "sideways.ru", "single.<x>", "single.ru.en", "single.RU!"]) expect(parseViewSegment(segment)).toBeNull();
  });
});

describe("the settings script", () => {
  /** Runs the script as a page would, against a cookie, and returns the data attributes it set on <html>. */
  function run(cookie: string): Record<string, string> {
    const dataset: Record<string, string> = {};
    new Function("document", settingsScript())({ cookie, documentElement: { dataset } });
    return dataset;
  }

  it("puts on <html> exactly the settings parsePreferences reads from the cookie", () => {
    const cookies = [
      serializePreferences({ ...DEFAULT_PREFERENCES, theme: "sepia", size: 4, lineHeight: 1, hidden: ["terms", "numbers"] }),
      encodeURIComponent("theme=neon&size=9&leading=3&hide=pages.bogus.pages"),
      "%E0%A4%A",
    ];
    for (const value of cookies) {
      const preferences = parsePreferences(value);
      const expected: Record<string, string> = { size: String(preferences.size), leading: String(preferences.lineHeight) };
      if (preferences.theme) expected.theme = preferences.theme;
      if (preferences.hidden.length > 0) expected.hide = preferences.hidden.join(" ");
      // The server renders the default size and leading; the script changes what the cookie changes.
      const rendered = { size: String(DEFAULT_PREFERENCES.size), leading: String(DEFAULT_PREFERENCES.lineHeight) };
      expect({ ...rendered, ...run(`other=1; ${PREFERENCES_COOKIE}=${value}; last=2`) }).toEqual(expected);
    }
  });

  it("leaves the page alone without the cookie", () => {
    expect(run("other=1")).toEqual({});
  });
});
