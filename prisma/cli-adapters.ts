/**
 * The driver adapters the Prisma CLI (migrate, diff, db) uses, with the
 * workarounds Prisma 6.19.3's schema engine needs on them. The application
 * itself connects through lib/db/client.ts and needs none of this.
 */
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { isPostgresUrl, sqliteFilePath } from "../lib/db/url.ts";

/** The driver adapter factory for the Prisma CLI on a database URL. */
export async function cliAdapterFor(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  return isPostgresUrl(url) ? postgresCliAdapter(url) : sqliteCliAdapter(url);
}

// PostgreSQL column types "char" (OID 18) and name (OID 19).
const CATALOG_TEXT_TYPES = new Set([18, 19]);
const TEXT_TYPE = 25;

/** The part of adapter-pg's queryables that every query goes through (not in its public types). */
interface PgQueryable {
  performIO(query: SqlQuery): Promise<pg.QueryResult>;
}

function postgresCliAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url });

  const connect = async (connectionString: string): Promise<SqlDriverAdapter> => {
    // The CLI leaves its pool open when it is done; allowExitOnIdle lets the command exit then,
    // instead of waiting out the pool's idle timeout (10 s).
    const adapter = await new PrismaPg({ connectionString, allowExitOnIdle: true }).connect();
    readCatalogNamesAsText(adapter);
    // adapter-pg runs a migration by splitting it at every ";", which cuts apart function bodies
    // ($$ … ; … $$) and string literals. Send the script whole instead: PostgreSQL takes several
    // statements in one simple query (run without parameters) and applies them atomically.
    adapter.executeScript = async (script) => {
      await (adapter as unknown as PgQueryable).performIO({ sql: script, args: [], argTypes: [] });
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => readCatalogNamesAsText(await startTransaction(isolationLevel));
    return adapter;
  };

  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => connect(url),
    // adapter-pg's own shadow database is broken twice over: it opens the pool with the
    // connection string, whose database overrides the shadow's name, so the replay runs in
    // the real database; and it drops the shadow while its pool is still connected.
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await administer(url, `CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const adapter = await connect(shadowUrl.href);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await administer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

/**
 * The schema engine reads catalog columns of type name and "char", which
 * adapter-pg cannot map ("Column type 'name' could not be deserialized"), so
 * every migrate command fails. pg already returns them as strings: say they are text.
 */
function readCatalogNamesAsText<Queryable extends object>(queryable: Queryable): Queryable {
  const target = queryable as unknown as PgQueryable;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements yields one result per statement.
    for (const { fields } of [result].flat()) {
      for (const field of fields) if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE;
    }
    return result;
  };
  return queryable;
}

/** Runs one statement on the server of a URL outside any transaction (CREATE/DROP DATABASE need that). */
async function administer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function sqliteCliAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    // The shadow replay (migrate dev, diff --from-migrations) sends each migration file whole
    // to executeRaw, and better-sqlite3 refuses more than one statement there (P3006).
    // A call without arguments is such a script: run it as one.
    async connectToShadowDb() {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}
