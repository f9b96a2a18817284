import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES, leadFirst, nextLayout, parsePreferences, resolveView, serializePreferences, viewQuery } from "@/lib/reader/preferences";

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

  it("lets the URL override the cookie, so a shared link opens the same view", () => {
    const cookie = { ...DEFAULT_PREFERENCES, layout: "single" as const, lead: "en" };
    expect(resolveView(editions, cookie, { layout: "interleaved", lead: "ru" })).toEqual({ layout: "interleaved", order: ["ru", "en"] });
    expect(resolveView(editions, cookie, {})).toEqual({ layout: "single", order: ["en", "ru"] });
    expect(resolveView(editions, DEFAULT_PREFERENCES, { layout: ["parallel", "single"] })).toEqual({ layout: "parallel", order: ["en", "ru"] });
  });

  it("ignores a layout or lead it does not know", () => {
    expect(resolveView(editions, DEFAULT_PREFERENCES, { layout: "grid", lead: "de" })).toEqual({ layout: null, order: ["en", "ru"] });
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
