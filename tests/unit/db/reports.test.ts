import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editAlignment } from "@/lib/db/alignment-editor";
import { importContent } from "@/lib/db/import";
import { fileReport, openReports, resolveReport } from "@/lib/db/reports";
import { temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
beforeEach(async () => {
  database = temporaryDatabase();
  await importContent(database.db, { contentRoot: "tests/fixtures/editor" });
}, 60_000);
afterEach(async () => {
  await database.dispose();
});

const work = "white-sea-lights";
const now = new Date(Date.UTC(2026, 10, 28, 12, 0, 0));
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("misalignment reports", () => {
  it("are filed for a unit that exists, listed oldest first and resolved once", async () => {
    const first = await fileReport(database.db, { work, unit: 6, note: "The second English sentence belongs to unit 7.", sender: "a" }, now);
    const second = await fileReport(database.db, { work, unit: 2, note: "Fine, but check the title.", sender: "b" }, later(5));
    expect(first).toMatchObject({ status: "filed" });
    expect(second).toMatchObject({ status: "filed" });
    const open = await openReports(database.db, work);
    expect(open.map((report) => [report.unit, report.note])).toEqual([
      [6, "The second English sentence belongs to unit 7."],
      [2, "Fine, but check the title."],
    ]);
    const stored = await database.db.misalignmentReport.findMany();
    expect(stored.map((report) => report.sender)).toEqual(["a", "b"]);

    const id = (first as { id: number }).id;
    expect(await resolveReport(database.db, "another-work", id)).toBeNull();
    expect(await resolveReport(database.db, work, id, later(60))).toBe(6);
    expect(await resolveReport(database.db, work, id)).toBeNull();
    expect((await openReports(database.db, work)).map((report) => report.unit)).toEqual([2]);
  });

  it("refuse an unknown work or unit, storing nothing", async () => {
    expect(await fileReport(database.db, { work: "no-such-work", unit: 1, note: "x", sender: "a" }, now)).toEqual({ status: "unknown-work" });
    expect(await fileReport(database.db, { work, unit: 8, note: "x", sender: "a" }, now)).toEqual({ status: "unknown-unit", units: 7 });
    expect(await database.db.misalignmentReport.count()).toBe(0);
  });

  it("are limited to five per sender in ten minutes, across works, other senders unaffected", async () => {
    for (let second = 0; second < 5; second++) expect(await fileReport(database.db, { work, unit: 1, note: `note ${second}`, sender: "busy" }, later(second))).toMatchObject({ status: "filed" });
    expect(await fileReport(database.db, { work, unit: 1, note: "one more", sender: "busy" }, later(10))).toEqual({ status: "rate-limited", retryAfterSeconds: 590 });
    expect(await fileReport(database.db, { work, unit: 1, note: "someone else", sender: "quiet" }, later(10))).toMatchObject({ status: "filed" });
    expect(await fileReport(database.db, { work, unit: 1, note: "after the window", sender: "busy" }, later(601))).toMatchObject({ status: "filed" });
    expect(await database.db.misalignmentReport.count({ where: { sender: "busy" } })).toBe(6);
  });

  it("follow their unit when the editor renumbers the units", async () => {
    await fileReport(database.db, { work, unit: 7, note: "last unit", sender: "a" }, now);
    await editAlignment(database.db, work, { action: "merge", unit: 2 });
    expect((await openReports(database.db, work)).map((report) => report.unit)).toEqual([6]);
  });
});
