import { describe, expect, it } from "vitest";
import { findMixedScripts } from "@/lib/ingest/scripts";

describe("mixed-script words", () => {
  it("flags Cyrillic words typed with Latin look-alikes and says what they should read", () => {
    // "Poccия": Latin P, o, c, c; "Мoсква": Latin o.
    const found = findMixedScripts(["Отношения Poccия и Японии.", "Визит в Мoскву, iPhone и Shinzo Abe."]);
    expect(found).toEqual([
      { paragraph: 0, start: 10, end: 16, token: "Poccия", foreign: "Pocc", suggestion: "Россия" },
      { paragraph: 1, start: 8, end: 14, token: "Мoскву", foreign: "o", suggestion: "Москву" },
    ]);
  });

  it("flags a Latin word with a Cyrillic letter, and gives no suggestion where a letter has no look-alike", () => {
    expect(findMixedScripts(["The Kremlin's Аbe policy"])[0]).toMatchObject({ token: "Аbe", foreign: "А", suggestion: "Abe" });
    expect(findMixedScripts(["слово‑word"])).toEqual([]);
    expect(findMixedScripts(["словоwordд"])[0]).toMatchObject({ token: "словоwordд", suggestion: null });
  });
});
