import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadWork } from "@/lib/content/load";
import { importContent, importWorks } from "@/lib/db/import";
import { readWork } from "@/lib/db/reader";
import { snapshot, temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
beforeEach(() => {
  database = temporaryDatabase();
});
afterEach(async () => {
  await database.dispose();
});

describe("importing content", () => {
  it("writes the article with both editions and its 63 units", async () => {
    const [report] = await importContent(database.db, { work: "streltsov-2018" });
    expect(report).toEqual({ slug: "streltsov-2018", status: "created", editions: 2, paragraphs: 126, units: 63 });

    const work = (await readWork(database.db, "streltsov-2018"))!;
    expect(work.editions.map((edition) => edition.language)).toEqual(["en", "ru"]);
    expect(work.units.every((unit) => unit.paragraphs.en!.length === 1 && unit.paragraphs.ru!.length === 1)).toBe(true);
    const batin = work.units.flatMap((unit) => unit.paragraphs.en!).find((paragraph) => paragraph.refKey === "batin-2017");
    expect(batin?.kind).toBe("reference");
    const tenth = work.units[9]!.paragraphs.en![0]!;
    expect(tenth.pageBreaks).toEqual([{ offset: tenth.text.indexOf("excessive shift"), page: null }]);
  });

  it("changes nothing on a second run", async () => {
    await importContent(database.db);
    const before = snapshot(database.file);
    const reports = await importContent(database.db);
    expect(reports.map((report) => report.status)).toEqual(["unchanged"]);
    expect(snapshot(database.file)).toEqual(before);
  });

  it("stores 1:0 units and keeps hostile text as plain text", async () => {
    await importContent(database.db, { contentRoot: "tests/fixtures/content" });
    const work = (await readWork(database.db, "hostile-markup"))!;
    expect(work.units.map((unit) => [unit.paragraphs.en!.length, unit.paragraphs.ru!.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 0],
    ]);
    const link = work.units[1]!.paragraphs.en![0]!;
    expect(link.text).toContain("<javascript:window.__injected=true>");
    expect(link.marks).toEqual([]);
  });

  it("rolls everything back when a write fails part-way", async () => {
    await importContent(database.db, { contentRoot: "tests/fixtures/content" });
    const before = snapshot(database.file);
    const works = [loadWork("content/streltsov-2018"), loadWork("tests/fixtures/content/hostile-markup")];
    const written: string[] = [];
    await expect(
      importWorks(database.db, works, {
        force: true,
        onWorkWritten: (report) => {
          written.push(report.slug);
          throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(written).toEqual(["streltsov-2018"]);
    expect(snapshot(database.file)).toEqual(before);
  });

  it("writes nothing when any work does not validate", async () => {
    const before = snapshot(database.file);
    await expect(importContent(database.db, { contentRoot: "tests/fixtures/content", work: "missing-work" })).rejects.toThrow("no such work folder");
    expect(snapshot(database.file)).toEqual(before);
  });
});
