import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editAlignment, undoChange } from "@/lib/db/alignment-editor";
import { loadEditorView } from "@/lib/db/editor-view";
import { importContent } from "@/lib/db/import";
import { fileReport } from "@/lib/db/reports";
import { temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
beforeEach(async () => {
  database = temporaryDatabase();
  await importContent(database.db, { contentRoot: "tests/fixtures/editor" });
}, 60_000);
afterEach(async () => {
  await database.dispose();
});

const slug = "white-sea-lights";

describe("the alignment editor's view of a work", () => {
  it("shows every unit with its paragraphs' text per edition, confidence, reviewed flag and reports", async () => {
    await database.db.alignmentUnit.updateMany({ where: { ordinal: 6 }, data: { confidence: 0.31 } });
    await fileReport(database.db, { work: slug, unit: 6, note: "English 7 belongs with Russian 6?", sender: "a" });
    const view = (await loadEditorView(database.db, slug))!;
    expect(view.title).toBe("The lighthouses of the White Sea");
    expect(view.languages).toEqual(["en", "ru"]);
    expect(view.units).toHaveLength(7);
    const unit = view.units[5]!;
    expect(unit).toMatchObject({ number: 6, confidence: 0.31, reviewed: false, openReports: 1 });
    expect(unit.paragraphs.en!.map((paragraph) => paragraph.number)).toEqual([6, 7]);
    expect(unit.paragraphs.ru!.map((paragraph) => paragraph.number)).toEqual([6]);
    expect(unit.paragraphs.en![0]).toEqual({ number: 6, kind: "body", text: "Electric lamps arrived in the nineteen-thirties." });
    expect(unit.reports.map((report) => report.note)).toEqual(["English 7 belongs with Russian 6?"]);
    expect(view.units[0]!.paragraphs.ru![0]).toMatchObject({ kind: "title", text: "Маяки Белого моря" });
    expect(view.units[0]!.confidence).toBeNull();
    expect(view.strayReports).toEqual([]);
    expect(view.history).toEqual([]);
    expect(view.version).toBe(String((await database.db.work.findUniqueOrThrow({ where: { slug } })).updatedAt.getTime()));
  });

  it("lists the latest changes, newest first, with what each touched and whether it was undone", async () => {
    const merge = await editAlignment(database.db, slug, { action: "merge", unit: 2 });
    await editAlignment(database.db, slug, { action: "review", unit: 4, reviewed: true });
    const move = await editAlignment(database.db, slug, { action: "move", unit: 6, language: "en", direction: "previous" });
    await undoChange(database.db, slug, move);
    const view = (await loadEditorView(database.db, slug))!;
    expect(view.history.map(({ action, start, before, after, reviewed, undoneAt }) => ({ action, start, before, after, reviewed, undone: undoneAt !== null }))).toEqual([
      { action: "move", start: 5, before: 2, after: 2, reviewed: null, undone: true },
      { action: "review", start: 4, before: 1, after: 1, reviewed: true, undone: false },
      { action: "merge", start: 2, before: 2, after: 1, reviewed: null, undone: false },
    ]);
    expect(view.history.at(-1)!.id).toBe(merge);
    expect(view.units).toHaveLength(6);
  });

  it("sets apart open reports on unit numbers the work no longer has", async () => {
    await fileReport(database.db, { work: slug, unit: 7, note: "last", sender: "a" });
    // A re-import with fewer units does not renumber reports (only the editor does).
    await database.db.misalignmentReport.updateMany({ data: { unitOrdinal: 9 } });
    const view = (await loadEditorView(database.db, slug))!;
    expect(view.strayReports.map((report) => report.unit)).toEqual([9]);
    expect(view.units.every((unit) => unit.openReports === 0)).toBe(true);
  });

  it("is null for a work that does not exist", async () => {
    expect(await loadEditorView(database.db, "no-such-work")).toBeNull();
  });
});
