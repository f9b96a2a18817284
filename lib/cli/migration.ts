/**
 * npm run db:migration -- --name what_changed [--since REV]
 * After an edit of prisma/schema.prisma: rewrites prisma/postgres/schema.prisma
 * and writes one migration per engine, under the same folder name, from the
 * change of the data model since REV (default HEAD). No database is needed:
 * Prisma compares the two versions of the model, so objects that raw-SQL
 * migrations added (full-text indexes and the like) are left alone.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "./postgres-schema.ts";

const { values } = parseArgs({ options: { name: { type: "string" }, since: { type: "string", default: "HEAD" } } });
if (!values.name || !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(values.name)) {
  console.error("db:migration: --name must say what changed, in lower-case words joined by underscores (e.g. --name work_subtitle)");
  process.exit(1);
}

function capture(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`db:migration: "${command} ${args.join(" ")}" failed\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

/**
 * The timestamp of a new migration: now, or just after the latest existing one
 * when that is later. Migrations apply in name order, and one that sorted
 * before an existing migration would be applied before it.
 */
function nextTimestamp(folders: string[]): string {
  const format = (date: Date) => date.toISOString().replace(/\D/g, "").slice(0, 14);
  const latest = folders
    .flatMap((folder) => readdirSync(folder))
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter((stamp): stamp is string => stamp !== undefined)
    .sort()
    .at(-1);
  const now = format(new Date());
  if (!latest || latest < now) return now;
  const [, year, month, day, hour, minute, second] = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(latest)!.map(Number);
  return format(new Date(Date.UTC(year!, month! - 1, day, hour, minute, second! + 1)));
}

const current = readFileSync(SQLITE_SCHEMA, "utf8");
const previous = capture("git", ["show", `${values.since}:${SQLITE_SCHEMA}`]);
writeFileSync(POSTGRES_SCHEMA, postgresSchema(current));

const engines = [
  { folder: "prisma/migrations", schema: SQLITE_SCHEMA, previous },
  { folder: "prisma/postgres/migrations", schema: POSTGRES_SCHEMA, previous: postgresSchema(previous) },
];
const scratch = mkdtempSync(path.join(tmpdir(), "reader-migration-"));
try {
  const scripts = engines.map((engine, index) => {
    const before = path.join(scratch, `before-${index}.prisma`);
    writeFileSync(before, engine.previous);
    // The CLI opens its configured adapter even to compare two models: give it a scratch file.
    const env = { DATABASE_URL: `file:${path.join(scratch, "unused.db")}` };
    return capture("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", engine.schema, "--script"], env);
  });
  const hasStatements = (script: string) => script.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  if (!scripts.some(hasStatements)) {
    console.error(`db:migration: the data model has not changed since ${values.since}; nothing written`);
    process.exit(1);
  }
  const stamp = nextTimestamp(engines.map((engine) => engine.folder));
  for (const [index, engine] of engines.entries()) {
    const folder = path.join(engine.folder, `${stamp}_${values.name}`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, "migration.sql"), scripts[index]!);
    console.log(`db:migration: wrote ${path.join(folder, "migration.sql")}`);
  }
  console.log("Read both before committing (a change SQLite cannot ALTER rebuilds the table); npm test checks that each engine's migrations build the model.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
