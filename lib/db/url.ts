/** Where the database lives when DATABASE_URL does not say: an embedded SQLite file. */
export const DEFAULT_DATABASE_URL = "file:./prisma/reader.db";

let environmentLoaded = false;

/** Reads a local .env file once; variables already set in the environment win over it. */
function loadEnvironment(): void {
  if (environmentLoaded) return;
  environmentLoaded = true;
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env file: the environment and the defaults apply.
  }
}

/**
 * The database URL, from DATABASE_URL (or a local .env file) or the default.
 * It is also written back to process.env because the Prisma CLI insists on
 * resolving env("DATABASE_URL") and would otherwise try to download an engine.
 */
export function databaseUrl(): string {
  loadEnvironment();
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  return process.env.DATABASE_URL;
}

/**
 * The streaming read replicas of a PostgreSQL primary, from DATABASE_REPLICA_URLS
 * (comma-separated PostgreSQL URLs; none when unset).
 */
export function replicaUrls(): string[] {
  loadEnvironment();
  const urls = (process.env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "");
  for (const url of urls) {
    if (!isPostgresUrl(url)) throw new Error(`DATABASE_REPLICA_URLS: "${redactPassword(url)}" is not a postgresql:// URL; read replicas are PostgreSQL streaming replicas`);
  }
  if (urls.length > 0 && !isPostgresUrl(databaseUrl())) {
    throw new Error("DATABASE_REPLICA_URLS is set, but DATABASE_URL is not a postgresql:// URL: read replicas need a PostgreSQL primary");
  }
  return urls;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The Prisma schema and migrations folder of the engine a URL names. */
export function prismaFilesFor(url: string): { schema: string; migrations: string } {
  return isPostgresUrl(url)
    ? { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}

/** The file path of a SQLite URL ("file:./x.db" → "./x.db"). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

/** A URL fit for a message or a log: any password is replaced by "***". */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, "$1***@");
}
