import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient } from "./generated/prisma/client.ts";
import { databaseUrl, isPostgresUrl, replicaUrls, sqliteFilePath } from "./url.ts";

/**
 * A client of the reader's database. Both engines' clients are generated from
 * the one data model (prisma/schema.prisma), so the SQLite client's type
 * describes the PostgreSQL client's API as well; code written against it runs
 * on either engine.
 */
export type Database = SqliteClient;

/** A Prisma client of the engine the URL names: a file: URL is SQLite, a postgresql:// URL PostgreSQL. */
export function createDatabase(url: string = databaseUrl()): Database {
  if (!isPostgresUrl(url)) return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url) }) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
}

/** Raw queries that only read: the search runs on them. ($executeRaw is for writing.) */
const RAW_READS = new Set(["$queryRaw", "$queryRawUnsafe"]);

/**
 * A client whose reads outside transactions (model reads: find*, count,
 * aggregate, groupBy; and raw queries) go to one of the replicas, chosen at
 * random per query, and whose writes and transactions go to the primary.
 */
export function withReadReplicas(primary: Database, urls: string[]): Database {
  const replicas = urls.map((url) => createDatabase(url));
  const replica = () => replicas[Math.floor(Math.random() * replicas.length)] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  // The extension routes model reads and adds $primary()/$replica(); the API is unchanged.
  return primary.$extends(readReplicas({ replicas })).$extends({
    query: {
      // The extension sends raw queries to the primary; raw reads outside a transaction can go to a replica.
      async $allOperations({ model, operation, args, query, ...internal }) {
        const { transaction } = (internal as { __internalParams?: { transaction?: unknown } }).__internalParams ?? {};
        if (model || transaction || !RAW_READS.has(operation)) return query(args);
        return Array.isArray(args) ? replica()[operation]!(...args) : replica()[operation]!(args);
      },
    },
  }) as unknown as Database;
}

/**
 * The client for a transaction that only reads: one of the replicas when `db`
 * has them (the extension sends every transaction to the primary), else `db`.
 */
export function readsOf(db: Database): Database {
  const replicated = db as Database & { $replica?: () => Database };
  return typeof replicated.$replica === "function" ? replicated.$replica() : db;
}

// One pair of clients per process; the global survives Next's module reloading in development.
const shared = globalThis as typeof globalThis & { readerPrimary?: Database; readerReads?: Database };

/**
 * The database for writing (imports, the editor, reports) and for reads that
 * must see a write just made: always the primary (DATABASE_URL).
 */
export function primaryDatabase(): Database {
  shared.readerPrimary ??= createDatabase();
  return shared.readerPrimary;
}

/**
 * The database for serving reads. With DATABASE_REPLICA_URLS (PostgreSQL
 * only) reads outside transactions go to the streaming replicas, which may lag
 * the primary by a moment; writes made through it still reach the primary.
 * Without replicas it is the primary itself.
 */
export function database(): Database {
  if (!shared.readerReads) {
    const urls = replicaUrls();
    shared.readerReads = urls.length > 0 ? withReadReplicas(primaryDatabase(), urls) : primaryDatabase();
  }
  return shared.readerReads;
}
