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

  it("stores the glossary and finds every entry's occurrences in both editions", async () => {
    await importContent(database.db, { work: "streltsov-2018" });
    const glossary = loadWork("content/streltsov-2018").glossary;
    expect(await database.db.glossaryEntry.count()).toBe(glossary.length);

    const occurrences = await database.db.glossaryOccurrence.findMany({
      select: { start: true, end: true, entry: { select: { key: true } }, paragraph: { select: { text: true, unitId: true, edition: { select: { language: true } } } } },
    });
    const found = (key: string, language: string) => occurrences.filter((o) => o.entry.key === key && o.paragraph.edition.language === language);
    const hikiwakeUnits = (language: string) => new Set(found("hikiwake", language).map((o) => o.paragraph.unitId));
    expect(found("hikiwake", "en").map((o) => o.paragraph.text.slice(o.start, o.end))).toEqual(["hikiwake"]);
    expect(found("hikiwake", "ru").map((o) => o.paragraph.text.slice(o.start, o.end))).toEqual(["хикиваке"]);
    expect(hikiwakeUnits("en")).toEqual(hikiwakeUnits("ru"));
    expect(found("peace-treaty", "ru").map((o) => o.paragraph.text.slice(o.start, o.end).toLowerCase())).toContain("мирного договора");

    for (const entry of glossary) {
      if (entry.inEnglish !== false) expect(found(entry.id, "en").length, `${entry.id} in English`).toBeGreaterThan(0);
      if (entry.inRussian !== false) expect(found(entry.id, "ru").length, `${entry.id} in Russian`).toBeGreaterThan(0);
    }
  });

  it("stores every paragraph's sentences, aligned inside its unit", async () => {
    await importContent(database.db, { work: "streltsov-2018" });
    const work = (await readWork(database.db, "streltsov-2018"))!;
    for (const unit of work.units) {
      for (const paragraph of [...unit.paragraphs.en!, ...unit.paragraphs.ru!]) {
        expect(paragraph.sentences.length).toBeGreaterThan(0);
        let previousEnd = 0;
        for (const sentence of paragraph.sentences) {
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          expect(paragraph.text.slice(previousEnd, sentence.start).trim()).toBe("");
          previousEnd = sentence.end;
        }
        expect(paragraph.text.slice(previousEnd).trim()).toBe("");
      }
      const beads = (language: string) => new Set(unit.paragraphs[language]!.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.bead)));
      const shared = [...beads("en")].filter((bead) => beads("ru").has(bead));
      expect(shared.length).toBeGreaterThan(0);
    }
    const quote = work.units[19]!;
    const abeQuote = quote.paragraphs.en![0]!.sentences.find((sentence) => quote.paragraphs.en![0]!.text.slice(sentence.start, sentence.end).startsWith("\"Vladimir"));
    const counterpart = quote.paragraphs.ru![0]!.sentences.filter((sentence) => sentence.bead === abeQuote!.bead);
    expect(counterpart.map((sentence) => quote.paragraphs.ru![0]!.text.slice(sentence.start, sentence.end))).toEqual([expect.stringContaining("Владимир")]);
  });

  it("changes nothing on a second run", async () => {
    await importContent(database.db);
    const before = snapshot(database);
    const reports = await importContent(database.db);
    expect(reports.map((report) => report.status)).toEqual(["unchanged"]);
    expect(snapshot(database)).toEqual(before);
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
    const before = snapshot(database);
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
    expect(snapshot(database)).toEqual(before);
  });

  it("writes nothing when any work does not validate", async () => {
    const before = snapshot(database);
    await expect(importContent(database.db, { contentRoot: "tests/fixtures/content", work: "missing-work" })).rejects.toThrow("no such work folder");
    expect(snapshot(database)).toEqual(before);
  });
});
