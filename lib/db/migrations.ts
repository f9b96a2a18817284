import { readdirSync } from "node:fs";

/** The part of a client this needs: SQLite's and PostgreSQL's both have it. */
interface RawQueries {
  $queryRawUnsafe<T>(query: string): Promise<T>;
}

/**
 * The migrations of a folder that the database has not recorded as applied
 * (a failed one counts as not applied), in the order they apply. A database
 * without Prisma's migrations table has applied none.
 */
export async function pendingMigrations(db: RawQueries, folder: string): Promise<string[]> {
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
  } catch {
    return names;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return names.filter((name) => !done.has(name));
}
