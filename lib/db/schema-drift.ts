/**
 * Whether an engine's migrations build the schema its Prisma data model
 * describes. Two throwaway databases are made: one by applying the migrations
 * in order, one from the model alone (`prisma migrate diff --from-empty`); then
 * their catalogs are compared, table by table of the model: columns (type,
 * nullability, default), indexes, keys and foreign keys, enums.
 *
 * Objects that raw-SQL migrations add and Prisma does not model (full-text
 * indexes, triggers, extra tables, columns with a default or generated) are
 * allowed; an extra column that Prisma's inserts cannot fill is not.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface ColumnDescription {
  type: string;
  nullable: boolean;
  default: string | null;
  /** Computed by the database (a generated or identity column): an insert need not give it. */
  computed: boolean;
}

export interface TableDescription {
  columns: Record<string, ColumnDescription>;
  /** Index name → its definition. */
  indexes: Record<string, string>;
  /** Constraint (key, foreign key, check) name → its definition. */
  constraints: Record<string, string>;
}

export interface SchemaDescription {
  tables: Record<string, TableDescription>;
  /** Enum type name → its labels in order (PostgreSQL). */
  enums: Record<string, string[]>;
}

/** Prisma's own bookkeeping, in every migrated database and never in the model. */
const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Where the migrated schema falls short of the model, one sentence per
 * difference; empty when the migrations build the model.
 */
export function schemaDrift(model: SchemaDescription, migrated: SchemaDescription): string[] {
  const drift: string[] = [];
  for (const [tableName, table] of Object.entries(model.tables)) {
    const built = migrated.tables[tableName];
    if (!built) {
      drift.push(`table "${tableName}": in the model, not created by the migrations`);
      continue;
    }
    for (const [name, column] of Object.entries(table.columns)) {
      const builtColumn = built.columns[name];
      if (!builtColumn) drift.push(`column "${tableName}"."${name}": in the model, not created by the migrations`);
      else if (describeColumn(builtColumn) !== describeColumn(column)) {
        drift.push(`column "${tableName}"."${name}": the model has ${describeColumn(column)}, the migrations make ${describeColumn(builtColumn)}`);
      }
    }
    for (const [name, column] of Object.entries(built.columns)) {
      if (!table.columns[name] && !column.nullable && column.default === null && !column.computed) {
        drift.push(`column "${tableName}"."${name}": made by the migrations, not in the model, and required without a default, so Prisma cannot insert rows`);
      }
    }
    for (const [kind, modelled, made] of [
      ["index", table.indexes, built.indexes],
      ["constraint", table.constraints, built.constraints],
    ] as const) {
      for (const [name, definition] of Object.entries(modelled)) {
        if (made[name] === undefined) drift.push(`${kind} "${name}" on "${tableName}": in the model, not created by the migrations`);
        else if (made[name] !== definition) drift.push(`${kind} "${name}" on "${tableName}": the model has ${definition}, the migrations make ${made[name]}`);
      }
    }
  }
  for (const [name, labels] of Object.entries(model.enums)) {
    const made = migrated.enums[name];
    if (made?.join() !== labels.join()) drift.push(`enum "${name}": the model has ${labels.join(", ")}, the migrations make ${made ? made.join(", ") : "nothing"}`);
  }
  return drift;
}

function describeColumn(column: ColumnDescription): string {
  return `${column.type}${column.nullable ? "" : " NOT NULL"}${column.default === null ? "" : ` DEFAULT ${column.default}`}${column.computed ? " (computed)" : ""}`;
}

const schemaScripts = new Map<string, string>();

/** The SQL that creates a data model's schema from nothing, as Prisma writes it (asked once per model). */
export function schemaScript(schemaFile: string): string {
  const model = readFileSync(schemaFile, "utf8");
  const known = schemaScripts.get(model);
  if (known !== undefined) return known;
  const result = spawnSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma migrate diff --from-empty failed for ${schemaFile}:\n${result.stderr}`);
  schemaScripts.set(model, result.stdout);
  return result.stdout;
}

/** The migration scripts of a folder, in the order Prisma applies them. */
export function migrationScripts(folder: string): { name: string; sql: string }[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(folder, name, "migration.sql"), "utf8") }));
}

// ---- SQLite ----

export function describeSqlite(db: Database.Database): SchemaDescription {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name")
    .all(MIGRATIONS_TABLE) as { name: string }[];
  const description: SchemaDescription = { tables: {}, enums: {} };
  for (const { name } of tables) {
    const columns = db.prepare(`PRAGMA table_xinfo("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }[];
    const indexes = db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string; partial: number }[];
    const keys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { id: number; table: string; from: string; to: string; on_update: string; on_delete: string }[];
    const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    description.tables[name] = {
      columns: Object.fromEntries(
        columns
          .filter((column) => column.hidden !== 1)
          .map((column) => [
            column.name,
            // An INTEGER PRIMARY KEY is the rowid: SQLite fills it in.
            { type: column.type.toUpperCase(), nullable: column.notnull === 0 && column.pk === 0, default: column.dflt_value, computed: column.hidden > 1 || (column.pk > 0 && column.type.toUpperCase() === "INTEGER") },
          ]),
      ),
      indexes: Object.fromEntries(
        indexes
          .filter((index) => index.origin === "c")
          .map((index) => {
            const indexColumns = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((column) => column.name);
            return [index.name, `${index.unique ? "UNIQUE " : ""}(${indexColumns.join(", ")})${index.partial ? " WHERE …" : ""}`];
          }),
      ),
      constraints: {
        ...(primaryKey.length > 0 ? { primaryKey: `PRIMARY KEY (${primaryKey.join(", ")})` } : {}),
        ...Object.fromEntries(
          [...new Set(keys.map((key) => key.id))].map((id) => {
            const parts = keys.filter((key) => key.id === id);
            const { table: target, on_delete: onDelete, on_update: onUpdate } = parts[0]!;
            const from = parts.map((part) => part.from).join(", ");
            return [`foreign key (${from})`, `REFERENCES ${target}(${parts.map((part) => part.to).join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`];
          }),
        ),
      },
    };
  }
  return description;
}

/** The drift between an SQLite data model and its migrations, built in temporary database files. */
export function sqliteMigrationDrift(schemaFile: string, migrationsFolder: string): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), "reader-drift-"));
  try {
    const build = (file: string, scripts: string[]) => {
      const db = new Database(path.join(folder, file));
      try {
        for (const script of scripts) db.exec(script);
        return describeSqlite(db);
      } finally {
        db.close();
      }
    };
    const model = build("model.db", [schemaScript(schemaFile)]);
    const migrated = build("migrated.db", migrationScripts(migrationsFolder).map((migration) => migration.sql));
    return schemaDrift(model, migrated);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---- PostgreSQL ----

export async function describePostgres(client: pg.Client): Promise<SchemaDescription> {
  const description: SchemaDescription = { tables: {}, enums: {} };
  const table = (name: string) => (description.tables[name] ??= { columns: {}, indexes: {}, constraints: {} });

  const tables = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const row of tables.rows) table(row.table);

  const columns = await client.query<{ table: string; name: string; type: string; notnull: boolean; default: string | null; computed: boolean }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS default, (a.attgenerated <> '' OR a.attidentity <> '') AS computed
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  for (const column of columns.rows) {
    if (!description.tables[column.table]) continue;
    table(column.table).columns[column.name] = {
      type: column.type,
      nullable: !column.notnull,
      // A generated column's expression is its definition, not a default an insert may override.
      default: column.computed ? null : column.default,
      computed: column.computed,
    };
  }

  const indexes = await client.query<{ table: string; name: string; definition: string }>(
    "SELECT tablename AS table, indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()",
  );
  for (const index of indexes.rows) if (description.tables[index.table]) table(index.table).indexes[index.name] = index.definition;

  const constraints = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
     WHERE k.connamespace = current_schema()::regnamespace`,
  );
  for (const constraint of constraints.rows) if (description.tables[constraint.table]) table(constraint.table).constraints[constraint.name] = constraint.definition;

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`,
  );
  for (const row of enums.rows) description.enums[row.name] = row.labels;
  return description;
}

/**
 * The drift between a PostgreSQL data model and its migrations, built in two
 * temporary databases on the server of `serverUrl` (a role that may create
 * databases). Each migration is applied whole and atomically, as deploy does.
 */
export async function postgresMigrationDrift(serverUrl: string, schemaFile: string, migrationsFolder: string): Promise<string[]> {
  const modelScript = schemaScript(schemaFile);
  const build = async (scripts: { name: string; sql: string }[]): Promise<SchemaDescription> => {
    const name = `reader_drift_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      try {
        for (const script of scripts) {
          try {
            await client.query(script.sql);
          } catch (error) {
            throw new Error(`${script.name}: ${(error as Error).message}`);
          }
        }
        return await describePostgres(client);
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  };
  const model = await build([{ name: `${schemaFile} (the model)`, sql: modelScript }]);
  const migrated = await build(migrationScripts(migrationsFolder).map((migration) => ({ name: path.join(migrationsFolder, migration.name, "migration.sql"), sql: migration.sql })));
  return schemaDrift(model, migrated);
}
