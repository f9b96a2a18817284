import { describe, expect, it } from "vitest";
import { fill } from "@/lib/i18n/fill";

describe("fill", () => {
  it("replaces every placeholder it has a value for and leaves the others", () => {
    expect(fill("Paragraph {number}, {language}", { number: 12, language: "Russian" })).toBe("Paragraph 12, Russian");
    expect(fill("{language}・第{number}段落", { number: 3 })).toBe("{language}・第3段落");
  });
});
