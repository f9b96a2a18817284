import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlQueryable } from "@prisma/driver-adapter-utils";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliAdapterFor } from "@/prisma/cli-adapters";
import { postgresServer } from "../support/postgres";

const query = (sql: string) => ({ sql, args: [], argTypes: [] });
const rows = async (queryable: SqlQueryable, sql: string) => (await queryable.queryRaw(query(sql))).rows;

// Each workaround is tested against the plain adapter too: when a Prisma upgrade fixes
// the bug, the plain case fails and says the workaround can go.
describe("the Prisma CLI's PostgreSQL adapter", () => {
  let server: Awaited<ReturnType<typeof postgresServer>>;
  let url: string;
  const opened: SqlDriverAdapter[] = [];
  const open = async (factory: { connect(): Promise<SqlDriverAdapter> }) => {
    const adapter = await factory.connect();
    opened.push(adapter);
    return adapter;
  };

  beforeAll(async () => {
    server = await postgresServer();
    const admin = await open(new PrismaPg({ connectionString: server.url }));
    const name = `reader_cli_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const target = new URL(server.url);
    target.pathname = `/${name}`;
    url = target.href;
  }, 60_000);
  afterAll(async () => {
    for (const adapter of opened) await adapter.dispose();
    server?.stop();
  });

  it("reads catalog columns of type name, which the plain adapter cannot map", async () => {
    const catalog = "SELECT nspname, typcategory FROM pg_namespace, pg_type WHERE nspname = 'public' AND typname = 'int4'";
    await expect(rows(await open(new PrismaPg({ connectionString: url })), catalog)).rejects.toThrow(/name|Unsupported/i);
    const adapter = await open(await cliAdapterFor(url));
    expect(await rows(adapter, catalog)).toEqual([["public", "N"]]);
    const transaction = await adapter.startTransaction();
    expect(await rows(transaction, catalog)).toEqual([["public", "N"]]);
    await transaction.rollback();
  });

  it("lets the command exit while its pool is still open", async () => {
    const adapter = await open(await cliAdapterFor(url));
    const pool = (adapter as unknown as { underlyingDriver(): { options: { allowExitOnIdle?: boolean } } }).underlyingDriver();
    expect(pool.options.allowExitOnIdle).toBe(true);
  });

  it("runs a migration whole, function bodies included, and all or nothing", async () => {
    const script = `
      CREATE TABLE "Probe" ("id" integer);
      CREATE FUNCTION "probe_touch"() RETURNS trigger AS $$
      BEGIN
        NEW."id" := NEW."id" + 1;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;`;
    await expect((await open(new PrismaPg({ connectionString: url }))).executeScript(script.replace(/Probe|probe_touch/g, "$&0"))).rejects.toThrow();

    const adapter = await open(await cliAdapterFor(url));
    await adapter.executeScript(script);
    expect(await rows(adapter, "SELECT proname FROM pg_proc WHERE proname = 'probe_touch'")).toEqual([["probe_touch"]]);

    await expect(adapter.executeScript('CREATE TABLE "Half" ("id" integer);\nSELECT * FROM "Missing";')).rejects.toThrow();
    expect(await rows(adapter, "SELECT count(*)::int FROM pg_class WHERE relname = 'Half'")).toEqual([[0]]);
  });

  it("replays into a shadow database of its own and drops it afterwards", async () => {
    const currentDatabase = "SELECT current_database()::text";
    const plainShadow = await new PrismaPg({ connectionString: url }).connectToShadowDb();
    // The plain adapter's "shadow" is the real database.
    expect(await rows(plainShadow, currentDatabase)).toEqual([[new URL(url).pathname.slice(1)]]);
    await plainShadow.dispose();

    const factory = await cliAdapterFor(url);
    const shadow = await factory.connectToShadowDb();
    const [[name]] = (await rows(shadow, currentDatabase)) as [[string]];
    expect(name).toMatch(/^prisma_shadow_/);
    await shadow.executeScript('CREATE TABLE "Work" ("id" integer)');
    await shadow.dispose();
    const admin = await open(new PrismaPg({ connectionString: url }));
    expect(await rows(admin, `SELECT count(*)::int FROM pg_database WHERE datname = '${name}'`)).toEqual([[0]]);
  });
});

describe("the Prisma CLI's SQLite adapter", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "reader-cli-"));
  const url = `file:${path.join(folder, "cli.db")}`;
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("replays whole migration files into the shadow database, which the plain adapter refuses", async () => {
    const migration = query('CREATE TABLE "A" ("id" INTEGER);\nCREATE TABLE "B" ("id" INTEGER);');
    const plain = await new PrismaBetterSQLite3({ url: path.join(folder, "plain.db") }).connectToShadowDb();
    await expect(plain.executeRaw(migration)).rejects.toThrow();
    await plain.dispose();

    const shadow = await (await cliAdapterFor(url)).connectToShadowDb();
    await shadow.executeRaw(migration);
    expect(await rows(shadow, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual([["A"], ["B"]]);
    // Statements with arguments still go the ordinary way.
    await shadow.executeRaw({ sql: 'INSERT INTO "A" ("id") VALUES (?)', args: [7], argTypes: [{ scalarType: "int", arity: "scalar" }] });
    expect(await rows(shadow, 'SELECT "id" FROM "A"')).toEqual([["7"]]);
    await shadow.dispose();
  });
});
