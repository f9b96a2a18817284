import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, readPool, readRows, withReadReplicas, type Database } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { temporaryPostgresDatabase, type TemporaryDatabase } from "../support/database";
import { postgresServer } from "../support/postgres";

const provider = (db: Database) => (db as unknown as { _activeProvider: string })._activeProvider;

describe("choosing the engine", () => {
  it("opens SQLite for a file: URL and PostgreSQL for a postgresql:// URL", async () => {
    const sqlite = createDatabase("file::memory:");
    const postgres = createDatabase("postgresql://nobody@127.0.0.1:1/nothing");
    expect([provider(sqlite), provider(postgres)]).toEqual(["sqlite", "postgresql"]);
    await Promise.all([sqlite.$disconnect(), postgres.$disconnect()]);
  });

  it("lends node-postgres' pool of a PostgreSQL client only", async () => {
    const sqlite = createDatabase("file::memory:");
    expect(readPool(sqlite)).toBeUndefined();
    await sqlite.$disconnect();
  });

  it("reads rows of an in-memory SQLite database through Prisma", async () => {
    const sqlite = createDatabase("file::memory:");
    const rows = await readRows<{ seven: number | bigint; word: string }>(sqlite, Prisma.sql`SELECT ${7} AS seven, ${"семь"} AS word`);
    expect(rows.map((row) => ({ ...row, seven: Number(row.seven) }))).toEqual([{ seven: 7, word: "семь" }]);
    await sqlite.$disconnect();
  });
});

describe("reading rows of a SQLite file", () => {
  let folder: string;
  let file: string;
  let db: Database;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "reader-reads-"));
    file = path.join(folder, "reads.db");
    db = createDatabase(`file:${file}`);
    await db.$executeRawUnsafe(`CREATE TABLE "Entry" ("id" INTEGER PRIMARY KEY, "word" TEXT NOT NULL, "data" JSONB NOT NULL)`);
  });
  afterEach(async () => {
    await db.$disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  /** This process's connections to the file (its open descriptors of it). */
  const connections = () =>
    readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false; // the descriptor readdir itself held, closed since
      }
    }).length;
  const insert = (client: Pick<Database, "$executeRaw">, id: number) => client.$executeRaw`INSERT INTO "Entry" VALUES (${id}, ${"мир"}, ${JSON.stringify({ en: ["peace"] })})`;
  const entries = (reader: Database) => readRows<{ id: number }>(reader, Prisma.sql`SELECT "id" FROM "Entry" ORDER BY "id"`);

  it("reads on a read-only connection of its own, with the driver's values", async () => {
    await insert(db, 1);
    expect(connections()).toBe(1);
    const rows = await readRows(db, Prisma.sql`SELECT "id", "word", "data" FROM "Entry" WHERE "id" = ${1}`);
    expect(rows).toEqual([{ id: 1, word: "мир", data: '{"en":["peace"]}' }]);
    expect(connections()).toBe(2);
    await expect(readRows(db, Prisma.sql`DELETE FROM "Entry" RETURNING "id"`)).rejects.toThrow(/readonly/);
  });

  it("sees every write the client has committed", async () => {
    expect(await entries(db)).toEqual([]);
    await insert(db, 1);
    expect(await entries(db)).toEqual([{ id: 1 }]);
    await db.$transaction([insert(db, 2), insert(db, 3)]);
    expect(await entries(db)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it("reads a transaction's own writes through the transaction", async () => {
    const seen = await db.$transaction(async (tx) => {
      await insert(tx, 1);
      return entries(tx as unknown as Database);
    });
    expect(seen).toEqual([{ id: 1 }]);
  });

  it("closes its connection with the client's", async () => {
    await entries(db);
    expect(connections()).toBe(2);
    await db.$disconnect();
    expect(connections()).toBe(0);
    // Like Prisma's, it opens again at the next read.
    expect(await entries(db)).toEqual([]);
  });
});

/**
 * Read routing, shown with two independent databases standing in for a primary
 * and its replica, so that where each query went is visible in its answer.
 * (npm run test:pg also runs the data-layer tests on a real streaming replica.)
 */
describe("reading from replicas", () => {
  let server: Awaited<ReturnType<typeof postgresServer>>;
  let primary: TemporaryDatabase;
  let replica: TemporaryDatabase;
  let db: Database;

  const work = (slug: string) => ({ slug, title: slug, contentHash: "-", importedAt: new Date() });

  beforeAll(async () => {
    server = await postgresServer();
    primary = temporaryPostgresDatabase(server.url);
    replica = temporaryPostgresDatabase(server.url);
    await primary.db.work.create({ data: work("on-the-primary") });
    await replica.db.work.create({ data: work("on-the-replica") });
    db = withReadReplicas(createDatabase(primary.url), [replica.url]);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await primary?.dispose();
    await replica?.dispose();
    server?.stop();
  });

  const slugs = async (reader: Database) => (await reader.work.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((row) => row.slug);

  it("sends model reads to a replica", async () => {
    expect(await slugs(db)).toEqual(["on-the-replica"]);
    expect(await db.work.count()).toBe(1);
    expect(await db.work.findUnique({ where: { slug: "on-the-replica" }, select: { slug: true } })).toEqual({ slug: "on-the-replica" });
  });

  it("sends raw reads to a replica", async () => {
    const currentDatabase = "SELECT current_database()::text AS name";
    const replicaName = new URL(replica.url).pathname.slice(1);
    expect(await db.$queryRaw`SELECT current_database()::text AS name, ${7}::int AS seven`).toEqual([{ name: replicaName, seven: 7 }]);
    expect(await db.$queryRawUnsafe(`${currentDatabase} WHERE $1 = 1`, 1)).toEqual([{ name: replicaName }]);
  });

  it("reads rows through the pool of a replica, and the primary's without replicas", async () => {
    const statement = Prisma.sql`SELECT current_database()::text AS name, ${7}::int AS seven, ${"семь"}::text AS word`;
    const answer = (database: TemporaryDatabase) => [{ name: new URL(database.url).pathname.slice(1), seven: 7, word: "семь" }];
    expect(await readRows(db, statement)).toEqual(answer(replica));
    expect(await readRows(primary.db, statement)).toEqual(answer(primary));
  });

  it("lends the pool of a replica for reads through node-postgres, and the primary's without replicas", async () => {
    const currentDatabase = async (pool: ReturnType<typeof readPool>) => (await pool!.query<{ name: string }>("SELECT current_database()::text AS name")).rows[0]!.name;
    expect(await currentDatabase(readPool(db))).toBe(new URL(replica.url).pathname.slice(1));
    expect(await currentDatabase(readPool(primary.db))).toBe(new URL(primary.url).pathname.slice(1));

    // The client ends its pool when it disconnects; a disconnected client lends none.
    const closing = createDatabase(primary.url);
    expect(await closing.work.count()).toBe(1);
    expect(await currentDatabase(readPool(closing))).toBe(new URL(primary.url).pathname.slice(1));
    await closing.$disconnect();
    expect(readPool(closing)).toBeUndefined();
  });

  it("sends writes, transactions and $primary() reads to the primary", async () => {
    await db.work.create({ data: work("written") });
    expect(await slugs(primary.db)).toEqual(["on-the-primary", "written"]);
    expect(await slugs(replica.db)).toEqual(["on-the-replica"]);

    const inTransaction = await db.$transaction(async (tx) => (await tx.work.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((row) => row.slug));
    expect(inTransaction).toEqual(["on-the-primary", "written"]);
    const rawInTransaction = await db.$transaction(async (tx) => tx.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`);
    expect(rawInTransaction).toEqual([{ name: new URL(primary.url).pathname.slice(1) }]);
    await db.$executeRaw`UPDATE "Work" SET "title" = 'retitled' WHERE "slug" = 'written'`;
    expect(await primary.db.work.findUnique({ where: { slug: "written" }, select: { title: true } })).toEqual({ title: "retitled" });
    const fromPrimary = (db as unknown as { $primary(): Database }).$primary();
    expect(await slugs(fromPrimary)).toEqual(["on-the-primary", "written"]);
  });
});
