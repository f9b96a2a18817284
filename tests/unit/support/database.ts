import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { postgresBinaries } from "@/lib/cli/postgres-cluster";
import { createDatabase, withReadReplicas, type Database as ReaderDatabase } from "@/lib/db/client";
import { importContent } from "@/lib/db/import";
import { prismaFilesFor, sqliteFilePath } from "@/lib/db/url";

/**
 * The engine the data-layer tests run on: SQLite, unless TEST_POSTGRES_URL
 * names a PostgreSQL server (a superuser's URL; npm run test:pg sets it), and
 * with TEST_POSTGRES_REPLICA_URL a streaming replica of it that serves the reads.
 */
const postgresServer = process.env.TEST_POSTGRES_URL;
const replicaServer = process.env.TEST_POSTGRES_REPLICA_URL;

export interface TemporaryDatabase {
  db: ReaderDatabase;
  engine: "sqlite" | "postgresql";
  url: string;
  dispose: () => Promise<void>;
}

/**
 * A throwaway database with every migration of its engine applied, in order,
 * each in one piece, as `prisma migrate deploy` applies them.
 */
export function temporaryDatabase(): TemporaryDatabase {
  return postgresServer ? temporaryPostgresDatabase(postgresServer) : temporarySqliteDatabase();
}

/**
 * A throwaway database holding the article and the test works (tests/fixtures/content), made before the
 * tests of the file that calls this and disposed of after them; its fields are set once they have begun.
 */
export function importedLibrary(): TemporaryDatabase {
  const library = {} as TemporaryDatabase;
  beforeAll(async () => {
    Object.assign(library, temporaryDatabase());
    await importContent(library.db);
    await importContent(library.db, { contentRoot: "tests/fixtures/content" });
  }, 120_000);
  afterAll(async () => {
    await library.dispose?.();
  });
  return library;
}

/** Every row of every table, for comparing a database before and after an operation. */
export function snapshot(database: TemporaryDatabase): Record<string, unknown[]> {
  return database.engine === "postgresql" ? postgresSnapshot(database.url) : sqliteSnapshot(sqliteFilePath(database.url));
}

function migrationScripts(url: string): string[] {
  const folder = prismaFilesFor(url).migrations;
  return readdirSync(folder)
    .filter((name) => /^\d+_/.test(name))
    .sort()
    .map((name) => path.join(folder, name, "migration.sql"));
}

function temporarySqliteDatabase(): TemporaryDatabase {
  const folder = mkdtempSync(path.join(tmpdir(), "reader-test-"));
  const url = `file:${path.join(folder, "test.db")}`;
  const raw = new Database(sqliteFilePath(url));
  for (const script of migrationScripts(url)) raw.exec(readFileSync(script, "utf8"));
  raw.close();
  const db = createDatabase(url);
  return {
    db,
    engine: "sqlite",
    url,
    dispose: async () => {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function sqliteSnapshot(file: string): Record<string, unknown[]> {
  const raw = new Database(file, { readonly: true });
  try {
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    // Rows in a fixed order whatever the table's keys (some have no rowid): by their text form.
    const rowsOf = (table: string) =>
      raw
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => [JSON.stringify(row), row] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row);
    return Object.fromEntries(tables.map(({ name }) => [name, rowsOf(name)]));
  } finally {
    raw.close();
  }
}

/** Runs psql on a database: the tests' API is synchronous, and psql runs migration files exactly as written. */
function psql(url: string, args: string[]): string {
  const program = path.join(postgresBinaries() ?? "", "psql");
  return execFileSync(program, ["--no-psqlrc", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function databaseUrlOn(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

/** A throwaway database on a PostgreSQL server (a superuser's URL), whatever engine the other tests use. */
export function temporaryPostgresDatabase(server: string): TemporaryDatabase {
  const name = `reader_test_${randomUUID().replaceAll("-", "")}`;
  psql(server, ["-c", `CREATE DATABASE "${name}"`]);
  const url = databaseUrlOn(server, name);
  for (const script of migrationScripts(url)) psql(url, ["--single-transaction", "-f", script]);
  const primary = createDatabase(url);
  const db = replicaServer ? withReadReplicas(primary, [databaseUrlOn(replicaServer, name)]) : primary;
  return {
    db,
    engine: "postgresql",
    url,
    dispose: async () => {
      await db.$disconnect();
      psql(server, ["-c", `DROP DATABASE "${name}" WITH (FORCE)`]);
    },
  };
}

function postgresSnapshot(url: string): Record<string, unknown[]> {
  // A partitioned table's rows are read through it, not again through each partition.
  const tables = psql(url, [
    "-At",
    "-c",
    "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations' ORDER BY 1",
  ])
    .split("\n")
    .filter(Boolean);
  if (tables.length === 0) return {};
  // Rows in a fixed order whatever the table's keys: by their text form.
  const rowsOf = (table: string) => `'${table}', (SELECT coalesce(json_agg(r ORDER BY r::text), '[]') FROM "${table}" r)`;
  return JSON.parse(psql(url, ["-At", "-c", `SELECT json_build_object(${tables.map(rowsOf).join(", ")})`])) as Record<string, unknown[]>;
}
