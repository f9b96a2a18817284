import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGLISH, RUSSIAN } from "./parallel-fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const directory = mkdtempSync(path.join(tmpdir(), "align-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const target = path.join(directory, name);
  writeFileSync(target, content);
  return target;
}

const english = file("en.txt", `${ENGLISH.join("\n\n\n")}\n`);
// Lines of a paragraph wrap; a blank line holding spaces still separates paragraphs.
const russian = file("ru.txt", RUSSIAN.map((text) => text.replace(/, /g, ",\n")).join("\n   \n"));

/** Runs the command line as `npm run --silent align -- …` does, without npm's start-up cost. */
function align(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "lib/cli/align.ts", ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("align command line", () => {
  it("prints only a JSON array of paragraph beads", () => {
    const result = spawnSync("npm", ["run", "--silent", "align", "--", english, russian], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    const beads = JSON.parse(result.stdout) as Array<{ source: number[]; target: number[]; score: number }>;
    expect(beads.map((bead) => `${bead.source}|${bead.target}`)).toEqual(ENGLISH.map((_, index) => `${index}|${index}`));
    expect(result.stdout.trim().startsWith("[")).toBe(true);
  });

  it("aligns sentences with --unit sentence, indices running through the file", () => {
    const result = align(english, russian, "--unit", "sentence");
    expect(result.status).toBe(0);
    const beads = JSON.parse(result.stdout) as Array<{ source: number[]; target: number[] }>;
    const sourceIndices = beads.flatMap((bead) => bead.source);
    expect(sourceIndices).toEqual(sourceIndices.map((_, index) => index));
    expect(sourceIndices.length).toBeGreaterThan(ENGLISH.length);
  });

  it("takes the languages from the options, so Russian can be the source", () => {
    const result = align(russian, english, "--source-lang", "ru", "--target-lang=en");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(ENGLISH.length);
  });

  it.each([
    ["a missing file", [path.join(directory, "missing.txt"), english]],
    ["a directory", [directory, english]],
    ["a binary file", [file("binary.bin", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08])), english]],
    ["a file that is not UTF-8", [file("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), english]],
    ["an unknown option", [english, russian, "--fast"]],
    ["an unknown unit", [english, russian, "--unit", "word"]],
    ["an unknown language", [english, russian, "--target-lang", "de"]],
    ["one file only", [english]],
  ])("exits 2 with one line on stderr and nothing on stdout for %s", (_, args) => {
    const result = align(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("aligns empty files to an empty array", () => {
    const empty = file("empty.txt", "");
    const result = align(empty, file("blank.txt", "\n\n  \n"));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
