import { describe, expect, it } from "vitest";
import { detectLanguage, isLanguage } from "@/lib/text/language";

describe("detectLanguage", () => {
  it("tells Russian from English by script, counting Latin words inside Russian text", () => {
    expect(detectLanguage("Японская политика в отношении России")).toBe("ru");
    expect(detectLanguage("Статья в The Japan Times о политике Абэ и о Курилах")).toBe("ru");
    expect(detectLanguage("Russian-Japanese relations")).toBe("en");
  });

  it("is null without letters of either script", () => {
    expect(detectLanguage("2016 — 2018 (70–85)")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });

  it("knows its languages", () => {
    expect(isLanguage("ru")).toBe(true);
    expect(isLanguage("de")).toBe(false);
  });
});
