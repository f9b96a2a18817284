import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database as ReaderDatabase } from "@/lib/db/client";

const MIGRATIONS = path.join("prisma", "migrations");

/**
 * A throwaway SQLite database with every migration of prisma/migrations
 * applied, in order, exactly as `prisma migrate deploy` would apply them.
 */
export function temporaryDatabase(): { db: ReaderDatabase; file: string; dispose: () => Promise<void> } {
  const folder = mkdtempSync(path.join(tmpdir(), "reader-test-"));
  const file = path.join(folder, "test.db");
  const raw = new Database(file);
  for (const migration of readdirSync(MIGRATIONS).filter((name) => /^\d+_/.test(name)).sort()) {
    raw.exec(readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
  }
  raw.close();
  const db = createDatabase(`file:${file}`);
  return {
    db,
    file,
    dispose: async () => {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, for comparing a database before and after an operation. */
export function snapshot(file: string): Record<string, string[]> {
  const raw = new Database(file, { readonly: true });
  try {
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    // Sorted in JS: full-text shadow tables have no rowid to order by.
    const rows = (name: string) => raw.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort();
    return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
  } finally {
    raw.close();
  }
}
