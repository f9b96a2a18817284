import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";
import { prismaFilesFor } from "@/lib/db/url";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "reader-prepare-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("prepare", () => {
  // Every SQLite database that prepare has made is in WAL mode, so a release that adds a migration meets
  // such a file; the schema engine cannot apply it while prepare's own connection has the file open.
  it("applies pending migrations to a SQLite database in WAL mode, then imports the content", async () => {
    const file = path.join(folder, "reader.db");
    const empty = new Database(file);
    empty.pragma("journal_mode = WAL");
    empty.close();
    const url = `file:${file}`;

    const prepare = spawnSync("npx", ["tsx", "lib/cli/prepare.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    expect(prepare.status, `${prepare.stdout}${prepare.stderr}`).toBe(0);
    expect(prepare.stdout).toContain("prepare: imported streltsov-2018: created");

    const db = createDatabase(url);
    try {
      expect(await pendingMigrations(db, prismaFilesFor(url).migrations)).toEqual([]);
      expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
