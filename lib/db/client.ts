import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./url.ts";

export type Database = PrismaClient;

/** A Prisma client on the driver adapter that the URL calls for. */
export function createDatabase(url: string = databaseUrl()): Database {
  const adapter = isPostgresUrl(url) ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  return new PrismaClient({ adapter });
}

// One client per process; the global survives Next's module reloading in development.
const shared = globalThis as typeof globalThis & { readerDatabase?: Database };

/** The process-wide client for the configured database. */
export function database(): Database {
  shared.readerDatabase ??= createDatabase();
  return shared.readerDatabase;
}
