import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, sqliteFilePath } from "../lib/db/url.ts";

/** The driver adapter the Prisma CLI (migrate, generate) uses for a database URL. */
export async function cliAdapterFor(url: string) {
  if (isPostgresUrl(url)) return new PrismaPg({ connectionString: url });
  return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
}
