/** Where the database lives when DATABASE_URL does not say: an embedded SQLite file. */
export const DEFAULT_DATABASE_URL = "file:./prisma/reader.db";

/**
 * The database URL, from DATABASE_URL (or a local .env file) or the default.
 * It is also written back to process.env because the Prisma CLI insists on
 * resolving env("DATABASE_URL") and would otherwise try to download an engine.
 */
export function databaseUrl(): string {
  if (!process.env.DATABASE_URL) {
    try {
      process.loadEnvFile(".env");
    } catch {
      // No .env file: the default applies.
    }
  }
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  return process.env.DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The file path of a SQLite URL ("file:./x.db" → "./x.db"). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
