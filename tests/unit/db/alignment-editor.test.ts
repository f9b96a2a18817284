import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editAlignment, editorUnits, undoChange } from "@/lib/db/alignment-editor";
import { importContent } from "@/lib/db/import";
import { checkUnits } from "@/lib/editor/operations";
import { snapshot, temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
beforeEach(async () => {
  database = temporaryDatabase();
  await importContent(database.db, { work: "streltsov-2018" });
}, 60_000);
afterEach(async () => {
  await database.dispose();
});

const counts = { en: 63, ru: 63 };
const slug = "streltsov-2018";

describe("the alignment editor's operations", () => {
  it("merges, splits, moves and reviews, keeping every paragraph in one unit in order, each with a history entry", async () => {
    const updated = async () => (await database.db.work.findUniqueOrThrow({ where: { slug } })).updatedAt.getTime();
    let last = await updated();
    const merge = await editAlignment(database.db, slug, { action: "merge", unit: 15 });
    let units = await editorUnits(database.db, slug);
    expect(units).toHaveLength(62);
    expect(units[14]!.paragraphs).toEqual({ en: [15, 16], ru: [15, 16] });
    expect(checkUnits(units, counts)).toBeNull();
    expect(await updated()).toBeGreaterThan(last);
    last = await updated();

    await editAlignment(database.db, slug, { action: "move", unit: 15, language: "ru", direction: "next" });
    units = await editorUnits(database.db, slug);
    expect(units[14]!.paragraphs).toEqual({ en: [15, 16], ru: [15] });
    expect(units[15]!.paragraphs).toEqual({ en: [17], ru: [16, 17] });
    expect(checkUnits(units, counts)).toBeNull();

    await editAlignment(database.db, slug, { action: "split", unit: 15, keep: { en: 1, ru: 1 } });
    await editAlignment(database.db, slug, { action: "review", unit: 3, reviewed: true });
    units = await editorUnits(database.db, slug);
    expect(units).toHaveLength(63);
    expect(units[15]!.paragraphs).toEqual({ en: [16], ru: [] });
    expect(units[2]!.reviewed).toBe(true);
    expect(checkUnits(units, counts)).toBeNull();
    expect(await database.db.alignmentChange.count()).toBe(4);
    // Sentences of the touched units were aligned again.
    expect(await database.db.sentence.count({ where: { paragraph: { unit: { ordinal: 15 } } } })).toBeGreaterThan(0);

    // The merge cannot be undone while later changes sit on its unit; undone in reverse order, all is as before.
    await expect(undoChange(database.db, slug, merge)).rejects.toThrow(/later changes/);
    const changes = await database.db.alignmentChange.findMany({ orderBy: { id: "desc" } });
    for (const change of changes) await undoChange(database.db, slug, change.id);
    units = await editorUnits(database.db, slug);
    expect(units).toHaveLength(63);
    expect(units.every((unit, index) => unit.paragraphs.en![0] === index + 1 && unit.paragraphs.ru![0] === index + 1)).toBe(true);
    expect(await database.db.alignmentChange.count({ where: { undoneAt: null } })).toBe(0);
  });

  it("refuses an operation that does not fit, changing nothing", async () => {
    const before = snapshot(database);
    await expect(editAlignment(database.db, slug, { action: "merge", unit: 63 })).rejects.toThrow("unit 63 is the last; there is no next unit to merge with");
    await expect(editAlignment(database.db, slug, { action: "split", unit: 4, keep: { en: 1, ru: 1 } })).rejects.toThrow(/at least one paragraph/);
    await expect(editAlignment(database.db, slug, { action: "move", unit: 1, language: "en", direction: "previous" })).rejects.toThrow(/no previous unit/);
    expect(snapshot(database)).toEqual(before);
  });
});
