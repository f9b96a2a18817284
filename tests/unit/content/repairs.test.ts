import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseInline } from "@/lib/content/inline";
import { loadWork } from "@/lib/content/load";
import { applyRepairs, repairsSchema, type Repair } from "@/lib/content/repairs";

const folder = "content/streltsov-2018";
const seed = readFileSync(`${folder}/source/streltsov-2018-en.txt`, "utf8");
const repairs = repairsSchema.parse(parse(readFileSync(`${folder}/repairs.yaml`, "utf8")));
const edition = readFileSync(`${folder}/en.txt`, "utf8");

/** The edition file as running text: headers and citation targets are the file's own markup, not the author's words. */
function editionAsText(source: string): string {
  return source
    .split("\n")
    .filter((line) => !/^\[\d+ [a-z]+( [a-z0-9-]+)?\]$/.test(line))
    .join("\n")
    .replace(/\]\(ref:[a-z0-9-]+\)/g, "]");
}

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

describe("the English edition against its raw seed", () => {
  it("records exactly the extraction damage named in the issue", () => {
    const byType = (type: Repair["type"]) => repairs.filter((repair) => repair.type === type).map((repair) => repair.before);
    expect(byType("page-break")).toHaveLength(4);
    expect(byType("page-break-hyphen")).toEqual(["Vladivos-\n\ntok.", "Vladi-\n\nvostok in"]);
    expect(byType("line-break-hyphen")).toEqual(["[Sinzo Abe pred-lozhil... 2016]"]);
    expect(byType("mixed-script")).toEqual(["tsely sovместnykh usheniy"]);
    expect(repairs.filter((repair) => repair.type.startsWith("page-break")).every((repair) => repair.after.includes("{page}"))).toBe(true);
  });

  it("equals the seed token for token once the recorded repairs are applied", () => {
    expect(tokens(editionAsText(edition))).toEqual(tokens(applyRepairs(seed, repairs)));
  });

  it("differs from the untouched seed only where a repair says so", () => {
    const seedTokens = tokens(seed);
    const editionTokens = tokens(editionAsText(edition));
    const changed = new Set(editionTokens.filter((token) => !seedTokens.includes(token)));
    const explained = new Set(repairs.flatMap((repair) => tokens(repair.after)));
    expect([...changed].filter((token) => !explained.has(token))).toEqual([]);
  });

  it("stores the same words that the seed has, in the database's plain text", () => {
    const work = loadWork(folder);
    const english = work.editions.find((candidate) => candidate.metadata.lang === "en")!;
    const stored = english.paragraphs.map((paragraph) => paragraph.text).join("\n\n");
    const repairedSeed = parseInline(applyRepairs(seed, repairs).replace(/\n\s*\n/g, " \u2029 ")).text.replaceAll("\u2029", "");
    expect(tokens(stored)).toEqual(tokens(repairedSeed));
    expect(english.paragraphs.flatMap((paragraph) => paragraph.pageBreaks)).toHaveLength(6);
  });

  it("leaves no Latin word with Cyrillic letters in it", () => {
    const mixed = tokens(editionAsText(edition)).filter((token) => /[A-Za-z]/.test(token) && /[\u0400-\u04FF]/.test(token));
    expect(mixed).toEqual([]);
  });

  it("refuses a repair that does not match the seed exactly once, on its line", () => {
    expect(() => applyRepairs("a b a", [{ id: 1, type: "mixed-script", line: 1, before: "a", after: "c", reason: "x" }])).toThrow("occurs more than once");
    expect(() => applyRepairs("a\nb", [{ id: 2, type: "mixed-script", line: 1, before: "b", after: "c", reason: "x" }])).toThrow("recorded as line 1");
    expect(() => applyRepairs("a", [{ id: 3, type: "mixed-script", line: 1, before: "z", after: "c", reason: "x" }])).toThrow("does not occur");
  });
});
