import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEditionFile } from "@/lib/content/edition-file";
import { importEdition } from "@/lib/db/edition-import";
import { exportWork } from "@/lib/db/export-content";
import { importContent } from "@/lib/db/import";
import { ROWID } from "@/lib/db/search-index";
import { ingestDocument } from "@/lib/ingest/ingest";
import { renderDocx, renderPdf } from "../ingest/documents";
import { snapshot, temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
let contentRoot: string;
beforeEach(() => {
  database = temporaryDatabase();
  contentRoot = mkdtempSync(path.join(tmpdir(), "reader-content-"));
  cpSync("content/streltsov-2018", path.join(contentRoot, "streltsov-2018"), { recursive: true });
});
afterEach(async () => {
  await database.dispose();
  rmSync(contentRoot, { recursive: true, force: true });
});

const russian = () => parseEditionFile(readFileSync("content/streltsov-2018/ru.txt", "utf8"), "ru.txt").paragraphs;

/** The article with its English edition only, so the Russian one can be imported as the second edition. */
function englishOnly(): void {
  const folder = path.join(contentRoot, "streltsov-2018");
  const yaml = readFileSync(path.join(folder, "work.yaml"), "utf8");
  writeFileSync(path.join(folder, "work.yaml"), yaml.slice(0, yaml.indexOf("  - lang: ru")));
  rmSync(path.join(folder, "ru.txt"));
  const rows = readFileSync(path.join(folder, "alignment.tsv"), "utf8").trimEnd().split("\n");
  writeFileSync(path.join(folder, "alignment.tsv"), `${rows.map((row) => row.split("\t").slice(0, 2).join("\t")).join("\n")}\n`);
}

describe("importing an edition", () => {
  it("imports a PDF as the second edition with page numbers, sentences, occurrences and the search index", async () => {
    englishOnly();
    await importContent(database.db, { contentRoot });
    const source = russian();
    const pdf = await renderPdf({ paragraphs: source.map((p) => ({ text: p.text, heading: p.kind === "heading" })), header: "КОНТРАПУНКТ № 3, 2017", firstPage: 70 });
    const document = await ingestDocument(pdf.bytes, { file: "ru.pdf" });
    const before = await database.db.work.findUniqueOrThrow({ where: { slug: "streltsov-2018" }, select: { updatedAt: true } });
    const summary = await importEdition(database.db, { slug: "streltsov-2018", language: "ru", replace: false, document, metadata: { title: source[0]!.text, journal: "Контрапункт", year: 2017 } });

    expect(summary).toMatchObject({ replaced: false, against: "en", paragraphs: 63, units: 63, unitTypes: { "1:1": 63 }, renumbered: [] });
    const edition = await database.db.edition.findFirstOrThrow({ where: { language: "ru" }, include: { paragraphs: { orderBy: { ordinal: "asc" } } } });
    expect(edition).toMatchObject({ status: "published", firstPage: 70, pageRange: `70–${70 + document.pages.count - 1}`, journal: "Контрапункт", year: 2017 });
    expect(edition.paragraphs.map((paragraph) => paragraph.text)).toEqual(source.map((paragraph) => paragraph.text).map((text, index) => (source[index]!.kind === "reference" ? edition.paragraphs[index]!.text : text)));
    const breaks = edition.paragraphs.flatMap((paragraph, index) => (paragraph.pageBreaks as { offset: number; page: number }[]).map((pageBreak) => ({ paragraph: index, ...pageBreak })));
    expect(breaks).toEqual(pdf.pageBreaks);
    expect(edition.paragraphs.map((paragraph) => paragraph.kind)).toEqual(source.map((paragraph) => paragraph.kind));
    // Real hyphens survive the line ends they stood at.
    const text = edition.paragraphs.map((paragraph) => paragraph.text).join("\n");
    for (const word of pdf.lineEndWords.filter((entry) => entry.hyphen === "own")) expect(text).toContain(word.word);

    const ruParagraphs = await database.db.paragraph.count({ where: { edition: { language: "ru" }, sentences: { some: {} } } });
    expect(ruParagraphs).toBe(63);
    expect(await database.db.glossaryOccurrence.count({ where: { paragraph: { edition: { language: "ru" } } } })).toBeGreaterThan(100);
    const indexed =
      database.engine === "sqlite"
        ? await database.db.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM "SearchIndex" WHERE (rowid >> ${ROWID.slotShift}) & ${ROWID.maxSlot} = (SELECT "slot" FROM "SearchLanguage" WHERE "language" = 'ru')`
        : await database.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SearchParagraph" WHERE "language" = 'ru'`;
    expect(Number(indexed[0]!.n)).toBe(63);
    const after = await database.db.work.findUniqueOrThrow({ where: { slug: "streltsov-2018" }, select: { updatedAt: true } });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect((await database.db.alignmentUnit.findMany({ select: { confidence: true } })).every((unit) => unit.confidence !== null && unit.confidence > 0)).toBe(true);
  });

  it("imports a DOCX as the second edition with its page numbering and italics", async () => {
    englishOnly();
    await importContent(database.db, { contentRoot });
    const docx = await renderDocx();
    const document = await ingestDocument(docx.bytes, { file: "ru.docx" });
    const summary = await importEdition(database.db, { slug: "streltsov-2018", language: "ru", replace: false, document, metadata: {} });
    expect(summary.paragraphs).toBe(6);
    const edition = await database.db.edition.findFirstOrThrow({ where: { language: "ru" }, include: { paragraphs: { orderBy: { ordinal: "asc" } } } });
    expect(edition).toMatchObject({ firstPage: 70, pageRange: "70–71", title: docx.paragraphs[0] });
    expect(edition.paragraphs[3]!.pageBreaks).toEqual([{ offset: docx.pageBreaks[0]!.offset, page: 71 }]);
    expect(edition.paragraphs[2]!.marks).toEqual([{ type: "em", start: 78, end: 83 }]);
    // Every English paragraph is still in exactly one unit, the Russian ones in order.
    const units = await database.db.alignmentUnit.findMany({ orderBy: { ordinal: "asc" }, include: { paragraphs: { select: { ordinal: true, edition: { select: { language: true } } } } } });
    const order = (language: string) => units.flatMap((unit) => unit.paragraphs.filter((p) => p.edition.language === language).map((p) => p.ordinal).sort((a, b) => a - b));
    expect(order("ru")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(order("en")).toEqual(Array.from({ length: 63 }, (_, index) => index + 1));
  });

  it("replaces the Russian text keeping every unit permalink, and exports only the text and its metadata", async () => {
    await importContent(database.db, { contentRoot });
    const source = russian();
    const pdf = await renderPdf({ paragraphs: source.map((p) => ({ text: p.text, heading: p.kind === "heading" || p.kind === "title" })), header: "КОНТРАПУНКТ № 3, 2017", firstPage: 70 });
    const document = await ingestDocument(pdf.bytes, { file: "ru.pdf" });
    const summary = await importEdition(database.db, { slug: "streltsov-2018", language: "ru", replace: true, document, metadata: {} });
    expect(summary).toMatchObject({ replaced: true, units: 63, renumbered: [] });
    expect(await database.db.edition.findFirstOrThrow({ where: { language: "ru" } })).toMatchObject({ status: "published", note: null, firstPage: 70 });

    const report = await exportWork(database.db, "streltsov-2018", contentRoot);
    const folder = path.join(contentRoot, "streltsov-2018");
    expect(report.changed.map((file) => path.basename(file)).sort()).toEqual(["ru.txt", "work.yaml"]);
    expect(readFileSync(path.join(folder, "alignment.tsv"), "utf8")).toBe(readFileSync("content/streltsov-2018/alignment.tsv", "utf8"));
    const exported = parseEditionFile(readFileSync(path.join(folder, "ru.txt"), "utf8"), "ru.txt").paragraphs;
    expect(exported.map((paragraph) => paragraph.kind)).toEqual(source.map((paragraph) => paragraph.kind));
    expect(exported.flatMap((paragraph) => paragraph.pageBreaks).length).toBe(pdf.pageBreaks.length);
    // The next import finds the content as the database has it.
    expect((await importContent(database.db, { contentRoot }))[0]!.status).toBe("unchanged");
  });

  it("exports the article byte for byte after a plain import", async () => {
    await importContent(database.db, { contentRoot });
    const report = await exportWork(database.db, "streltsov-2018", contentRoot);
    expect(report.changed).toEqual([]);
    for (const file of ["en.txt", "ru.txt", "alignment.tsv", "work.yaml"]) {
      expect(readFileSync(path.join(contentRoot, "streltsov-2018", file), "utf8"), file).toBe(readFileSync(path.join("content/streltsov-2018", file), "utf8"));
    }
  });

  it("changes nothing when the edition exists and --replace is not given", async () => {
    await importContent(database.db, { contentRoot });
    const docx = await renderDocx();
    const document = await ingestDocument(docx.bytes, { file: "ru.docx" });
    const before = snapshot(database);
    await expect(importEdition(database.db, { slug: "streltsov-2018", language: "ru", replace: false, document, metadata: {} })).rejects.toThrow(
      'work "streltsov-2018" already has a ru edition; add --replace to replace its text',
    );
    await expect(importEdition(database.db, { slug: "nope", language: "ru", replace: false, document, metadata: {} })).rejects.toThrow(/no work "nope"/);
    await expect(importEdition(database.db, { slug: "streltsov-2018", language: "ja", replace: false, document, metadata: {} })).rejects.toThrow(/unknown language "ja"/);
    expect(snapshot(database)).toEqual(before);
  });
});
