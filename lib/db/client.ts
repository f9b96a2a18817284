import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient, type Prisma } from "./generated/prisma/client.ts";
import { databaseUrl, isPostgresUrl, replicaUrls, sqliteFilePath } from "./url.ts";

/**
 * A client of the reader's database. Both engines' clients are generated from
 * the one data model (prisma/schema.prisma), so the SQLite client's type
 * describes the PostgreSQL client's API as well; code written against it runs
 * on either engine.
 */
export type Database = SqliteClient;

// The process's clients, and the pools under them, live on the global object: Next bundles this module more
// than once (and reloads it in development), and a client made through one copy is used through another.
const shared = globalThis as typeof globalThis & { readerPrimary?: Database; readerReads?: Database; readerPostgresPools?: WeakMap<Database, pg.Pool> };

/** node-postgres' pool under each PostgreSQL client made here (see readPool). */
const postgresPools = (shared.readerPostgresPools ??= new WeakMap());

/** A Prisma client of the engine the URL names: a file: URL is SQLite, a postgresql:// URL PostgreSQL. */
export function createDatabase(url: string = databaseUrl()): Database {
  if (!isPostgresUrl(url)) return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url) }) });
  // The pool is made here so that readPool can lend it out; the client ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: url });
  // A connection that fails while idle (its server restarted) leaves the pool; unheard, its error would end the process.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection failed: ${error.message}`));
  const db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Database;
  postgresPools.set(db, pool);
  return db;
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
 * node-postgres' pool for reads that Prisma hands over too slowly (the
 * search's keys of every matching paragraph, and readRows): one of the
 * replicas' when `db` has them, else `db`'s own; none on SQLite, nor once `db`
 * has disconnected.
 */
export function readPool(db: Database): pg.Pool | undefined {
  const replicated = db as Database & { $replica?: () => Database };
  const pool = postgresPools.get(typeof replicated.$replica === "function" ? replicated.$replica() : db);
  return pool?.ended ? undefined : pool;
}

/**
 * The rows of a statement that only reads, outside any transaction. On
 * PostgreSQL it goes straight to readPool's connections (a replica's when
 * there are replicas): through Prisma, a small raw query cost Node 0.6 ms of
 * processor time against 0.2 ms, and a search makes up to eight.
 */
export async function readRows<Row>(db: Database, statement: Prisma.Sql): Promise<Row[]> {
  const pool = readPool(db);
  if (!pool) return db.$queryRaw<Row[]>(statement);
  return (await pool.query(statement.text, statement.values)).rows as Row[];
}

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
