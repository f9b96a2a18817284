import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresMigrationDrift, schemaDrift, sqliteMigrationDrift, type SchemaDescription, type TableDescription } from "@/lib/db/schema-drift";
import { postgresServer } from "../support/postgres";

const SQLITE = { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
const POSTGRES = { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" };

function work(overrides: Partial<TableDescription> = {}): TableDescription {
  return {
    columns: {
      id: { type: "integer", nullable: false, default: "nextval('\"Work_id_seq\"'::regclass)", computed: false },
      slug: { type: "text", nullable: false, default: null, computed: false },
      ...overrides.columns,
    },
    indexes: { Work_slug_key: 'CREATE UNIQUE INDEX "Work_slug_key" ON public."Work" USING btree (slug)', ...overrides.indexes },
    constraints: { Work_pkey: "PRIMARY KEY (id)", ...overrides.constraints },
  };
}
const schema = (tables: Record<string, TableDescription>, enums: Record<string, string[]> = {}): SchemaDescription => ({ tables, enums });

describe("comparing a migrated schema with the model", () => {
  it("finds nothing when they agree", () => {
    expect(schemaDrift(schema({ Work: work() }), schema({ Work: work() }))).toEqual([]);
  });

  it("names missing tables, columns, indexes and constraints", () => {
    const migrated = work();
    delete migrated.columns.slug;
    delete migrated.indexes.Work_slug_key;
    delete migrated.constraints.Work_pkey;
    expect(schemaDrift(schema({ Work: work(), Edition: work() }), schema({ Work: migrated }))).toEqual([
      'column "Work"."slug": in the model, not created by the migrations',
      'index "Work_slug_key" on "Work": in the model, not created by the migrations',
      'constraint "Work_pkey" on "Work": in the model, not created by the migrations',
      'table "Edition": in the model, not created by the migrations',
    ]);
  });

  it("names a column whose type, nullability or default differs", () => {
    const migrated = work({ columns: { slug: { type: "character varying(20)", nullable: true, default: "'x'::text", computed: false } } });
    expect(schemaDrift(schema({ Work: work() }), schema({ Work: migrated }))).toEqual([
      `column "Work"."slug": the model has text NOT NULL, the migrations make character varying(20) DEFAULT 'x'::text`,
    ]);
  });

  it("allows what raw-SQL migrations add beside the model, but not a column Prisma cannot fill", () => {
    const migrated = schema({
      Work: work({
        columns: {
          search: { type: "tsvector", nullable: true, default: null, computed: true },
          note: { type: "text", nullable: true, default: null, computed: false },
          weight: { type: "integer", nullable: false, default: "1", computed: false },
          owner: { type: "text", nullable: false, default: null, computed: false },
        },
        indexes: { Work_search_idx: 'CREATE INDEX "Work_search_idx" ON public."Work" USING gin (search)' },
      }),
      SearchProbe: work(),
    });
    expect(schemaDrift(schema({ Work: work() }), migrated)).toEqual([
      'column "Work"."owner": made by the migrations, not in the model, and required without a default, so Prisma cannot insert rows',
    ]);
  });

  it("compares enum labels", () => {
    expect(schemaDrift(schema({}, { Status: ["draft", "published"] }), schema({}, { Status: ["draft"] }))).toEqual([
      'enum "Status": the model has draft, published, the migrations make draft',
    ]);
  });
});

/** A copy of a migrations folder with more migrations after the real ones. */
function migrationsWith(folder: string, extra: Record<string, string>): string {
  const copy = mkdtempSync(path.join(tmpdir(), "reader-migrations-"));
  cpSync(folder, copy, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(copy, name));
    writeFileSync(path.join(copy, name, "migration.sql"), sql);
  }
  return copy;
}

// These ask the Prisma CLI for the model's schema, which takes a few seconds on a busy machine.
describe("the SQLite migrations", { timeout: 120_000 }, () => {
  it("build exactly the model of prisma/schema.prisma", () => {
    expect(sqliteMigrationDrift(SQLITE.schema, SQLITE.migrations)).toEqual([]);
  });

  it("would be caught dropping an index of the model, and allowed a full-text table of their own", () => {
    const folder = migrationsWith(SQLITE.migrations, {
      "29990101000000_fts": 'CREATE VIRTUAL TABLE "Probe" USING fts5(body);\nCREATE INDEX "Work_title_idx" ON "Work"("title");',
      "29990102000000_drop": 'DROP INDEX "Paragraph_unitId_idx";',
    });
    try {
      expect(sqliteMigrationDrift(SQLITE.schema, folder)).toEqual(['index "Paragraph_unitId_idx" on "Paragraph": in the model, not created by the migrations']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the PostgreSQL migrations", { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof postgresServer>>;
  beforeAll(async () => {
    server = await postgresServer();
  }, 60_000);
  afterAll(() => server?.stop());

  it("build exactly the model of prisma/postgres/schema.prisma", async () => {
    expect(await postgresMigrationDrift(server.url, POSTGRES.schema, POSTGRES.migrations)).toEqual([]);
  });

  it("may add full-text search in raw SQL (a generated tsvector column, its index, a trigger function)", async () => {
    const folder = migrationsWith(POSTGRES.migrations, {
      "29990101000000_fts": `
        ALTER TABLE "Paragraph" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;
        CREATE INDEX "Paragraph_search_idx" ON "Paragraph" USING GIN ("search");
        CREATE TABLE "SearchProbe" ("term" text PRIMARY KEY);
        CREATE FUNCTION "touch_work"() RETURNS trigger AS $$
        BEGIN
          NEW."updatedAt" := now();
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER "Work_touch" BEFORE UPDATE ON "Work" FOR EACH ROW EXECUTE FUNCTION "touch_work"();`,
    });
    try {
      expect(await postgresMigrationDrift(server.url, POSTGRES.schema, folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("would be caught missing a column, changing a type or adding a column Prisma cannot fill", async () => {
    const folder = migrationsWith(POSTGRES.migrations, {
      "29990101000000_drift": `
        ALTER TABLE "Work" DROP COLUMN "updatedAt";
        ALTER TABLE "AlignmentUnit" ALTER COLUMN "confidence" TYPE real;
        ALTER TABLE "Edition" ADD COLUMN "publisher" text NOT NULL;`,
    });
    try {
      expect(await postgresMigrationDrift(server.url, POSTGRES.schema, folder)).toEqual([
        'column "Work"."updatedAt": in the model, not created by the migrations',
        'column "Edition"."publisher": made by the migrations, not in the model, and required without a default, so Prisma cannot insert rows',
        'column "AlignmentUnit"."confidence": the model has double precision, the migrations make real',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("names the migration that fails to apply", async () => {
    const folder = migrationsWith(POSTGRES.migrations, { "29990101000000_broken": 'ALTER TABLE "Nothing" ADD COLUMN "x" text;' });
    try {
      await expect(postgresMigrationDrift(server.url, POSTGRES.schema, folder)).rejects.toThrow(/29990101000000_broken\/migration\.sql: relation "Nothing" does not exist/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
