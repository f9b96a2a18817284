/**
 * npm run test:pg
 * Runs the tests that touch the database on PostgreSQL, with a streaming
 * replica (pg_basebackup -R) serving the reads and the primary the writes:
 * every vitest file that opens a test database, then the end-to-end specs
 * that use the database (desktop) against the production build served on
 * PostgreSQL. The clusters are throwaway ones on 127.0.0.1, stopped and
 * deleted at the end, also on failure or interruption. Installs PostgreSQL
 * from apt when it is missing.
 *
 * Each suite runs once, with the replica: the SQL is the same whether a read
 * goes to the primary or to a replica, and the choice between them is tested
 * on its own (tests/unit/db/client.test.ts) and by every SQLite run, which
 * has no replica. Running them once more on the primary alone took four of
 * CI's twenty minutes.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { postgresBinaries, startCluster, startReplica, type PostgresCluster } from "./postgres-cluster.ts";

const UNIT_TESTS = "tests/unit";
/** A write is a round trip to a server rather than a call into SQLite: hooks that import whole works take longer. */
const VITEST_TIMEOUTS = ["--hookTimeout", "120000", "--testTimeout", "120000"];
/** Test files that open a database through these helpers run on PostgreSQL. */
const DATABASE_HELPERS = /from "\.\.\/support\/(database|postgres)"/;

function ensurePostgresInstalled(): void {
  if (postgresBinaries()) return;
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL is not installed and only root can install it: apt-get install -y postgresql");
  console.log("test:pg: installing PostgreSQL from apt");
  const install = () => spawnSync("apt-get", ["install", "-y", "-q", "postgresql"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!install()) {
    spawnSync("apt-get", ["update", "-q"], { stdio: "inherit" });
    if (!install()) throw new Error("apt-get install postgresql failed");
  }
  if (!postgresBinaries()) throw new Error("apt-get installed postgresql, but no /usr/lib/postgresql/<version>/bin/initdb appeared");
}

function databaseTestFiles(): string[] {
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith(".test.ts") && DATABASE_HELPERS.test(readFileSync(full, "utf8"))) files.push(full);
    }
  };
  visit(UNIT_TESTS);
  return files.sort();
}

let running: ReturnType<typeof spawn> | null = null;

/** Runs a command to its end, passing its output through; rejects when it fails. */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    console.log(`\ntest:pg: ${Object.keys(env).join(", ")} → ${command} ${args.join(" ")}`);
    // A process group of its own, so that an interruption can stop all of it (npx, Playwright, its web server).
    running = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, detached: true });
    running.on("error", reject);
    running.on("exit", (code, signal) => {
      running = null;
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.slice(0, 2).join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes the primary wait, at every commit, until the replica has applied it:
 * then a test that writes and reads back at once sees its write on the
 * replica. (In production replicas lag a little; the app reads its own
 * writes from the primary where that matters.)
 */
async function replicateSynchronously(primary: PostgresCluster): Promise<void> {
  await withClient(primary.url(), async (client) => {
    await client.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
    await client.query("ALTER SYSTEM SET synchronous_commit = 'remote_apply'");
    await client.query("SELECT pg_reload_conf()");
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { rows } = await client.query<{ sync_state: string; state: string }>("SELECT sync_state, state FROM pg_stat_replication");
      if (rows.some((row) => row.state === "streaming" && row.sync_state === "sync")) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the replica did not start streaming synchronously within 10 s");
  });
}

/** Transactions the replica committed in a database: reads it served. */
async function replicaTransactions(replica: PostgresCluster, database: string): Promise<number> {
  return withClient(replica.url(), async (client) => {
    const { rows } = await client.query<{ count: string }>("SELECT xact_commit::text AS count FROM pg_stat_database WHERE datname = $1", [database]);
    return Number(rows[0]?.count ?? 0);
  });
}

/**
 * The end-to-end specs whose pages and routes read the database in ways of their own: the works list and the
 * reader, search, the API and exports, the glossary, the editor (which writes and reads back) and reports.
 * Citations, offline copies and the layout, settings, locale and accessibility specs show the same pages from
 * the same reads (a citation reads the work as the reader does), and CI has a time budget.
 */
const DATABASE_SPECS = ["reader", "search", "api", "glossary", "editor"];

async function endToEnd(primary: PostgresCluster, replica: PostgresCluster, database: string): Promise<void> {
  await withClient(primary.url(), (client) => client.query(`CREATE DATABASE "${database}"`));
  // The desktop project only: the phone layout does not depend on the database.
  await run("npx", ["playwright", "test", "--project=desktop", ...DATABASE_SPECS.map((name) => `tests/e2e/${name}.spec.ts`)], {
    E2E_DATABASE_URL: primary.url(database),
    DATABASE_REPLICA_URLS: replica.url(database),
  });
  const served = await replicaTransactions(replica, database);
  if (served === 0) throw new Error("the replica served no reads: DATABASE_REPLICA_URLS was not used");
  console.log(`test:pg: the replica served ${served} read transactions of the end-to-end run`);
}

async function main(): Promise<void> {
  const started = Date.now();
  ensurePostgresInstalled();
  const files = databaseTestFiles();
  const clusters: PostgresCluster[] = [];
  const stopAll = () => {
    for (const cluster of clusters.splice(0).reverse()) cluster.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\ntest:pg: ${signal}: stopping the tests and the PostgreSQL clusters`);
      if (running?.pid) process.kill(-running.pid, "SIGTERM");
      stopAll();
      process.exit(1);
    });
  }

  // Every suite runs even when one before it failed, so that one run shows every failure.
  const failures: string[] = [];
  const step = async (name: string, work: () => Promise<void>) => {
    const began = Date.now();
    try {
      await work();
      console.log(`test:pg: ${name}: passed in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  try {
    const primary = await startCluster();
    clusters.push(primary);
    const replica = await startReplica(primary);
    clusters.push(replica);
    await replicateSynchronously(primary);
    console.log(`test:pg: PostgreSQL primary on 127.0.0.1:${primary.port}, its streaming replica on 127.0.0.1:${replica.port} serving the reads`);
    const withReplica = { TEST_POSTGRES_URL: primary.url(), TEST_POSTGRES_REPLICA_URL: replica.url() };
    await step("unit tests on PostgreSQL", () => run("npx", ["vitest", "run", ...VITEST_TIMEOUTS, ...files], withReplica));
    await step("end-to-end tests on PostgreSQL", () => endToEnd(primary, replica, "reader_e2e"));
  } finally {
    stopAll();
  }
  const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
  if (failures.length > 0) throw new Error(`failed after ${took}:\n  ${failures.join("\n  ")}`);
  console.log(`\ntest:pg: passed in ${took}`);
}

main().catch((error: unknown) => {
  console.error(`\ntest:pg: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
