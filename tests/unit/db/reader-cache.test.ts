import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importContent } from "@/lib/db/import";
import { readWorkCached } from "@/lib/db/reader";
import { temporaryDatabase } from "../support/database";

let database: ReturnType<typeof temporaryDatabase>;
beforeEach(async () => {
  database = temporaryDatabase();
  await importContent(database.db, { contentRoot: "tests/fixtures/content" });
});
afterEach(async () => {
  await database.dispose();
});

describe("readWorkCached", () => {
  it("reads a work once per change of it", async () => {
    const reads = vi.spyOn(database.db.paragraph, "findMany");
    const first = await readWorkCached(database.db, "hostile-markup");
    expect(await readWorkCached(database.db, "hostile-markup")).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);

    await database.db.work.update({ where: { slug: "hostile-markup" }, data: { title: "Changed" } });
    const second = await readWorkCached(database.db, "hostile-markup");
    expect(second?.title).toBe("Changed");
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("keeps the text-only read apart from the full one", async () => {
    const full = await readWorkCached(database.db, "hostile-markup");
    const text = await readWorkCached(database.db, "hostile-markup", { annotations: false });
    expect(text).not.toBe(full);
    expect(full!.units[0]!.paragraphs.en![0]!.sentences.length).toBeGreaterThan(0);
    expect(text!.units[0]!.paragraphs.en![0]!.sentences).toEqual([]);
  });

  it("answers null for an unknown work", async () => {
    expect(await readWorkCached(database.db, "no-such-work")).toBeNull();
  });
});
