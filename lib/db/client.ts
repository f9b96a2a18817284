import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import Sqlite from "better-sqlite3";
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
const shared = globalThis as typeof globalThis & {
  readerPrimary?: Database;
  readerReads?: Database;
  readerPostgresPools?: WeakMap<Database, pg.Pool>;
  readerSqliteReads?: WeakMap<Database, SqliteReads>;
};

/** node-postgres' pool under each PostgreSQL client made here (see readPool). */
const postgresPools = (shared.readerPostgresPools ??= new WeakMap());

/** Statements that SqliteReads keeps prepared: the search's differ by the lengths of their lists of values, and a server that runs for months is not to keep every one it has seen. */
const PREPARED_STATEMENTS = 500;

/**
 * readRows on a SQLite file: a read-only connection of its own, opened at the
 * first read, each statement prepared once. Through Prisma, whose adapter
 * prepares every statement again and converts every value twice, a search on
 * the library of 2,000 works took about 9 ms (p50 of 1,000) against 5.
 */
class SqliteReads {
  readonly #path: string;
  #connection: Sqlite.Database | undefined;
  readonly #statements = new Map<string, Sqlite.Statement>();

  constructor(path: string) {
    this.#path = path;
  }

  rows<Row>(statement: Prisma.Sql): Row[] {
    this.#connection ??= new Sqlite(this.#path, { readonly: true, fileMustExist: true });
    let prepared = this.#statements.get(statement.sql);
    if (!prepared) {
      if (this.#statements.size >= PREPARED_STATEMENTS) this.#statements.clear();
      prepared = this.#connection.prepare(statement.sql);
      this.#statements.set(statement.sql, prepared);
    }
    return prepared.all(...statement.values) as Row[];
  }

  close(): void {
    this.#statements.clear();
    this.#connection?.close();
    this.#connection = undefined;
  }
}

/** The reads of each SQLite client made here on a file (an in-memory database is the client's own connection). */
const sqliteReads = (shared.readerSqliteReads ??= new WeakMap());

function createSqliteDatabase(path: string): Database {
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: path }) });
  if (path === ":memory:" || path === "") return client;
  const reads = new SqliteReads(path);
  // Its connection ends with the client's: an open connection would, among others, keep Prisma's schema engine
  // from migrating the file (lib/cli/prepare.ts).
  const db = client.$extends({
    client: {
      async $disconnect() {
        reads.close();
        await client.$disconnect();
      },
    },
  }) as unknown as Database;
  sqliteReads.set(db, reads);
  return db;
}

/** A Prisma client of the engine the URL names: a file: URL is SQLite, a postgresql:// URL PostgreSQL. */
export function createDatabase(url: string = databaseUrl()): Database {
  if (!isPostgresUrl(url)) return createSqliteDatabase(sqliteFilePath(url));
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
 * The rows of a statement that only reads, outside any transaction, with the
 * driver's values: SQLite's JSON as text, its integers as numbers. On
 * PostgreSQL it goes straight to readPool's connections (a replica's when
 * there are replicas): through Prisma, a small raw query cost Node 0.6 ms of
 * processor time against 0.2 ms, and a search makes up to eight. On a SQLite
 * file it goes to SqliteReads. A transaction's client reads through Prisma.
 */
export async function readRows<Row>(db: Database, statement: Prisma.Sql): Promise<Row[]> {
  const reads = sqliteReads.get(db);
  if (reads) return reads.rows<Row>(statement);
  const pool = readPool(db);
  if (!pool) return db.$queryRaw<Row[]>(statement);
  return (await pool.query(statement.text, statement.values)).rows as Row[];
}

/** A JSON value of readRows' rows: node-postgres and Prisma hand it over parsed, SQLite's driver as its text. */
export function parsedJson<Value>(value: unknown): Value {
  return (typeof value === "string" ? JSON.parse(value) : value) as Value;
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
