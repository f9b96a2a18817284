/**
 * Makes a checkout ready to serve, doing only what is out of date:
 * generates the Prisma client when it is missing, applies migrations, imports
 * content whose hash changed and, with --build, builds the production app
 * when its sources changed. npm install, npm start and the end-to-end tests
 * run it, so a newcomer needs no other command.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/errors";
import { createDatabase } from "@/lib/db/client";
import { describeImport, importContent } from "@/lib/db/import";
import { databaseUrl, isPostgresUrl } from "@/lib/db/url";

const BUILD_INPUTS = ["app", "lib", "messages", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const DIST_DIR = process.env.READER_DIST_DIR ?? ".next";
const BUILD_STAMP = path.join(DIST_DIR, "source-hash");
const GENERATED_CLIENT = path.join("lib", "db", "generated");

const { values } = parseArgs({ options: { build: { type: "boolean", default: false } } });
const url = databaseUrl();

function run(command: string, args: string[], options: { quiet?: boolean } = {}) {
  const result = spawnSync(command, args, { stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8", env: process.env });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`prepare: "${command} ${args.join(" ")}" failed`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(GENERATED_CLIENT)) run("npx", ["prisma", "generate"], { quiet: true });
run("npx", ["prisma", "migrate", "deploy"], { quiet: true });

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
    run("npx", ["next", "build"]);
    writeFileSync(BUILD_STAMP, hash);
  }
}

/** Hash of everything the production build is made from, and of the database engine it is built for. */
function sourceHash(): string {
  const hash = createHash("sha256").update(isPostgresUrl(url) ? "postgresql" : "sqlite");
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
