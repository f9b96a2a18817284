import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";
import { prismaFilesFor } from "@/lib/db/url";
import { temporaryDatabase, type TemporaryDatabase } from "../support/database";

let database: TemporaryDatabase;
beforeEach(() => {
  database = temporaryDatabase();
});
afterEach(async () => {
  await database.dispose();
});

describe("pending migrations", () => {
  it("are all of them in a database without Prisma's migrations table", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "reader-migrations-"));
    try {
      for (const name of ["20260102000000_second", "20260101000000_first"]) mkdirSync(path.join(folder, name));
      expect(await pendingMigrations(database.db, folder)).toEqual(["20260101000000_first", "20260102000000_second"]);

      await database.db.$executeRawUnsafe(
        'CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY, "migration_name" TEXT NOT NULL, "finished_at" TEXT, "rolled_back_at" TEXT)',
      );
      await database.db.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" VALUES ('1', '20260101000000_first', '2026-01-01', NULL), ('2', '20260102000000_second', NULL, NULL)`,
      );
      // The second one failed: it is still to do, and deploy will say why.
      expect(await pendingMigrations(database.db, folder)).toEqual(["20260102000000_second"]);
      await database.db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = '2026-01-02', "rolled_back_at" = '2026-01-03' WHERE "id" = '2'`);
      expect(await pendingMigrations(database.db, folder)).toEqual(["20260102000000_second"]);
      await database.db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL`);
      expect(await pendingMigrations(database.db, folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("are none once prisma migrate deploy has run", async () => {
    // A fresh database of the tests' engine, migrated by Prisma itself, which records what it applied.
    const folder = mkdtempSync(path.join(tmpdir(), "reader-deploy-"));
    const postgres = database.engine === "postgresql";
    const url = postgres ? Object.assign(new URL(database.url), { pathname: `/reader_deploy_${randomUUID().replaceAll("-", "")}` }).href : `file:${path.join(folder, "deploy.db")}`;
    const name = new URL(url).pathname.slice(1);
    if (postgres) await database.db.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
    const deployed = createDatabase(url);
    try {
      const deploy = spawnSync("npx", ["prisma", "migrate", "deploy"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
      expect(deploy.status, deploy.stderr).toBe(0);
      expect(await pendingMigrations(deployed, prismaFilesFor(url).migrations)).toEqual([]);
    } finally {
      await deployed.$disconnect();
      if (postgres) await database.db.$executeRawUnsafe(`DROP DATABASE "${name}" WITH (FORCE)`);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
