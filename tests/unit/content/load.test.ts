import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content/errors";
import { hashDirectory, loadWork } from "@/lib/content/load";

const fixture = "tests/fixtures/content/hostile-markup";
const folders: string[] = [];

/** A private copy of a work folder that a test may break. */
function copyOf(source: string): string {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), "content-")), path.basename(source));
  cpSync(source, folder, { recursive: true });
  folders.push(path.dirname(folder));
  return folder;
}

function problems(folder: string): string[] {
  try {
    loadWork(folder);
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map((issue) => `${path.basename(issue.file)}:${issue.line ?? ""} ${issue.field ?? ""} ${issue.message}`.replace(/ +/g, " "));
    throw error;
  }
  return [];
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("loadWork", () => {
  it("reads the article: two editions, 63 paragraphs each, aligned", () => {
    const work = loadWork("content/streltsov-2018");
    expect(work.editions.map((edition) => [edition.metadata.lang, edition.metadata.status, edition.paragraphs.length])).toEqual([
      ["en", "published", 63],
      ["ru", "project-translation", 63],
    ]);
    expect(work.units).toHaveLength(63);
    const kinds = (lang: string) => work.editions.find((edition) => edition.metadata.lang === lang)!.paragraphs.map((paragraph) => paragraph.kind);
    expect(kinds("en")).toEqual(kinds("ru"));
    const english = kinds("en");
    expect(english.slice(0, 7)).toEqual(["title", "author", "abstract", "abstract", "abstract", "abstract", "keywords"]);
    expect(english.filter((kind) => kind === "heading")).toHaveLength(5);
    expect(english.filter((kind) => kind === "reference")).toHaveLength(6);
    expect(english.at(-1)).toBe("note");
  });

  it("keeps unknown bibliographic facts unknown", () => {
    const [english, russian] = loadWork("content/streltsov-2018").editions.map((edition) => edition.metadata);
    expect(english).toMatchObject({ journal: "Russian Japanology Review", year: 2018, licence: "CC BY", volume: null, issue: null, pages: null, doi: null });
    expect(russian).toMatchObject({ year: 2017, issue: "3", pages: "70–85", firstPage: 70, volume: null, doi: null, status: "project-translation" });
  });

  it("names file, line and field for metadata errors", () => {
    const folder = copyOf(fixture);
    const metadata = readFileSync(path.join(folder, "work.yaml"), "utf8");
    writeFileSync(path.join(folder, "work.yaml"), metadata.replace("status: published", "status: printed").replace("year: null", "year: 20x8"));
    expect(problems(folder)).toEqual([
      expect.stringMatching(/^work\.yaml:7 editions\.0\.status Invalid option/),
      expect.stringMatching(/^work\.yaml:12 editions\.0\.year Invalid input: expected number/),
    ]);
  });

  it("reports broken YAML with its line", () => {
    const folder = copyOf(fixture);
    writeFileSync(path.join(folder, "work.yaml"), "slug: x\neditions: [\n");
    expect(problems(folder)[0]).toMatch(/^work\.yaml:\d+ not valid YAML/);
  });

  it("collects the problems of every file before giving up", () => {
    const folder = copyOf(fixture);
    writeFileSync(path.join(folder, "ru.txt"), "[1 title]\nЗаголовок\n\n[3 body]\nТекст\n");
    writeFileSync(path.join(folder, "en.txt"), `${readFileSync(path.join(folder, "en.txt"), "utf8")}\n[4 body]\n*unclosed\n`);
    expect(problems(folder)).toEqual(["en.txt:11 emphasis opened with '*' is never closed", "ru.txt:4 paragraph id 3 should be 2: ids run 1, 2, 3, … in file order"]);
  });

  it("requires the slug to match the folder", () => {
    const folder = copyOf(fixture);
    writeFileSync(path.join(folder, "work.yaml"), readFileSync(path.join(folder, "work.yaml"), "utf8").replace("slug: hostile-markup", "slug: another"));
    expect(problems(folder)).toEqual(['work.yaml: slug "another" must equal the folder name "hostile-markup"']);
  });

  it("hashes the folder's files so that any change is seen", () => {
    const folder = copyOf(fixture);
    const before = hashDirectory(folder);
    expect(hashDirectory(folder)).toBe(before);
    writeFileSync(path.join(folder, "en.txt"), `${readFileSync(path.join(folder, "en.txt"), "utf8")} `);
    expect(hashDirectory(folder)).not.toBe(before);
  });
});
