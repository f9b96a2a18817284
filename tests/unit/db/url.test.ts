import { afterEach, describe, expect, it } from "vitest";
import { databaseUrl, isPostgresUrl, prismaFilesFor, redactPassword, replicaUrls, sqliteFilePath } from "@/lib/db/url";

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_REPLICA_URLS: process.env.DATABASE_REPLICA_URLS };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("database URLs", () => {
  it("tell the engines apart and find each engine's schema and migrations", () => {
    expect(["postgresql://a@h/db", "postgres://a@h/db", "file:./prisma/reader.db"].map(isPostgresUrl)).toEqual([true, true, false]);
    expect(prismaFilesFor("postgresql://a@h/db")).toEqual({ schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" });
    expect(prismaFilesFor("file:./prisma/reader.db")).toEqual({ schema: "prisma/schema.prisma", migrations: "prisma/migrations" });
    expect(sqliteFilePath("file:./prisma/reader.db")).toBe("./prisma/reader.db");
  });

  it("default to the embedded SQLite file", () => {
    delete process.env.DATABASE_URL;
    expect(databaseUrl()).toBe("file:./prisma/reader.db");
  });

  it("read the replicas from DATABASE_REPLICA_URLS, comma-separated", () => {
    process.env.DATABASE_URL = "postgresql://reader@primary/reader";
    delete process.env.DATABASE_REPLICA_URLS;
    expect(replicaUrls()).toEqual([]);
    process.env.DATABASE_REPLICA_URLS = " postgresql://reader@replica-1/reader, postgres://reader@replica-2/reader ,";
    expect(replicaUrls()).toEqual(["postgresql://reader@replica-1/reader", "postgres://reader@replica-2/reader"]);
  });

  it("refuse replicas that are not PostgreSQL, or of a primary that is not, without printing a password", () => {
    process.env.DATABASE_URL = "postgresql://reader@primary/reader";
    process.env.DATABASE_REPLICA_URLS = "mysql://reader:secret@replica/reader";
    expect(() => replicaUrls()).toThrow('DATABASE_REPLICA_URLS: "mysql://reader:***@replica/reader" is not a postgresql:// URL');
    process.env.DATABASE_REPLICA_URLS = "postgresql://reader:secret@replica/reader,file:./x.db";
    expect(() => replicaUrls()).toThrow('"file:./x.db" is not a postgresql:// URL');
    process.env.DATABASE_URL = "file:./prisma/reader.db";
    process.env.DATABASE_REPLICA_URLS = "postgresql://reader:secret@replica/reader";
    expect(() => replicaUrls()).toThrow("DATABASE_REPLICA_URLS is set, but DATABASE_URL is not a postgresql:// URL");
    expect(redactPassword("postgresql://reader:s3cr%40t@replica:5432/reader")).toBe("postgresql://reader:***@replica:5432/reader");
  });
});
