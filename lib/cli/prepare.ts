/**
 * Makes a checkout ready to serve, doing only what is out of date:
 * generates the Prisma clients (one per engine) when they are missing or
 * stale, applies migrations, imports content whose hash changed and, with
 * --build, builds the production app when its sources changed. npm install,
 * npm start and the end-to-end tests run it, so a newcomer needs no other
 * command. It works on whichever database DATABASE_URL names.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/errors";
import { pendingMigrations } from "@/lib/db/migrations";
import { DEFAULT_DATABASE_URL, databaseUrl, isPostgresUrl, prismaFilesFor } from "@/lib/db/url";

const BUILD_INPUTS = ["app", "lib", "messages", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const DIST_DIR = process.env.READER_DIST_DIR ?? ".next";
const BUILD_STAMP = path.join(DIST_DIR, "source-hash");
const GENERATED_CLIENT = path.join("lib", "db", "generated");

/** The client of each engine, generated from the engine's schema; lib/db/client.ts picks one by URL. */
const CLIENTS = [
  { schema: "prisma/schema.prisma", output: path.join(GENERATED_CLIENT, "prisma"), postgres: false },
  { schema: "prisma/postgres/schema.prisma", output: path.join(GENERATED_CLIENT, "postgres"), postgres: true },
];

const { values } = parseArgs({ options: { build: { type: "boolean", default: false } } });
const url = databaseUrl();

/** Runs a command, ending the process if it fails; `keep` names a file the command may rewrite, put back as it was either way. */
function run(command: string, args: string[], options: { quiet?: boolean; env?: NodeJS.ProcessEnv; keep?: string } = {}) {
  const kept = options.keep && { path: options.keep, text: readFileSync(options.keep) };
  const result = spawnSync(command, args, { stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8", env: options.env ?? process.env });
  if (kept) writeFileSync(kept.path, kept.text);
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`prepare: "${command} ${args.join(" ")}" failed`);
    process.exit(result.status ?? 1);
  }
}

/** Generates each engine's client whose schema or Prisma version changed since it was generated. */
function generateClients() {
  const prismaVersion = createRequire(import.meta.url)("@prisma/client/package.json").version as string;
  for (const client of CLIENTS) {
    const stamp = path.join(client.output, "schema-hash");
    const hash = createHash("sha256").update(prismaVersion).update("\0").update(readFileSync(client.schema)).digest("hex");
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) continue;
    // prisma generate reads no database, but it rejects a DATABASE_URL of the other engine.
    const engineUrl = client.postgres === isPostgresUrl(url) ? url : client.postgres ? "postgresql://localhost/unused" : DEFAULT_DATABASE_URL;
    run("npx", ["prisma", "generate", "--schema", client.schema], { quiet: true, env: { ...process.env, DATABASE_URL: engineUrl } });
    writeFileSync(stamp, hash);
  }
}

generateClients();

// Imported only now: the data module needs the clients generated above.
const { createDatabase } = await import("@/lib/db/client");
const { describeImport, importContent } = await import("@/lib/db/import");
// Checked first because `prisma migrate deploy` on PostgreSQL always lingers 10 s after its
// work (a timer its schema engine never clears), even when nothing is pending. The connection
// that asks is closed before it runs: on SQLite, the schema engine fails with SQLITE_BUSY
// ("unknown variant SocketTimeout") while another connection has a WAL-mode file open.
const probe = createDatabase(url);
const pending = await pendingMigrations(probe, prismaFilesFor(url).migrations).finally(() => probe.$disconnect());
if (pending.length > 0) run("npx", ["prisma", "migrate", "deploy"], { quiet: true });

const db = createDatabase(url);
try {
  // WAL lets readers go on while an import writes; the mode is stored in the file.
  if (!isPostgresUrl(url)) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const reports = await importContent(db);
  for (const report of reports) if (report.status !== "unchanged") console.log(`prepare: imported ${describeImport(report)}`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`prepare: the content does not validate; the database was not changed.\n${error.message}`);
  process.exit(1);
} finally {
  await db.$disconnect();
}

if (values.build) {
  const hash = sourceHash();
  const built = existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === hash;
  if (!built) {
    console.log("prepare: building the production app (its sources changed since the last build)");
    // Next adds the type paths of the folder it builds into to tsconfig.json, laying the file out anew: a build
    // into a folder of its own (the benchmarks') would leave the checkout changed, and its next build stale.
    run("npx", ["next", "build"], { keep: "tsconfig.json" });
    writeFileSync(BUILD_STAMP, hash);
  }
}

/**
 * Hash of everything the production build is made from. The database engine is
 * not part of it: every build carries both engines' clients and picks one by
 * DATABASE_URL when it starts.
 */
function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry) || entry.startsWith(GENERATED_CLIENT)) return;
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) visit(path.join(entry, name));
    } else {
      hash.update(`${entry}\0`).update(readFileSync(entry)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}
