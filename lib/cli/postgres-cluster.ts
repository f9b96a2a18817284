/**
 * Throwaway PostgreSQL clusters for the tests: initdb in a temporary folder, a
 * server on 127.0.0.1 with a random password, optionally a streaming replica
 * of it, and stop() to shut one down and delete its folder. The server refuses
 * to run as root, so as root it runs as the unprivileged user "postgres".
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const SUPERUSER = "reader";
const SERVER_USER = "postgres";

export interface PostgresCluster {
  port: number;
  /** The URL of a database of this cluster, as its superuser. */
  url(database?: string): string;
  /** Stops the server at once and deletes its folder. */
  stop(): void;
}

/** The bin folder of the newest PostgreSQL installed by Debian's packages, or null. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, "bin") : null;
}

function requireBinaries(): string {
  const binaries = postgresBinaries();
  if (!binaries) throw new Error("PostgreSQL's server programs are not installed (/usr/lib/postgresql/<version>/bin): apt-get install -y postgresql");
  return binaries;
}

const runsAsRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the server's user; throws with its output when it fails. */
function runServerProgram(program: string, args: string[], env: Record<string, string> = {}): string {
  const [command, commandArgs] = runsAsRoot() ? ["runuser", ["-u", SERVER_USER, "--", program, ...args]] : [program, args];
  const result: SpawnSyncReturns<string> = spawnSync(command, commandArgs, { encoding: "utf8", env: { ...process.env, ...env }, cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`.trim());
  }
  return result.stdout;
}

/** A folder the server's user owns. */
function serverFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  if (runsAsRoot()) {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, SERVER_USER], { encoding: "utf8" }).trim()));
    chownSync(folder, uid!, gid!);
  }
  return folder;
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(binaries: string, folder: string, port: number, settings: string[] = []): void {
  const data = path.join(folder, "data");
  const options = ["-c listen_addresses=127.0.0.1", `-c port=${port}`, `-c unix_socket_directories=${folder}`, "-c fsync=off", ...settings].join(" ");
  try {
    runServerProgram(path.join(binaries, "pg_ctl"), ["-D", data, "-l", path.join(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  } catch (error) {
    const log = existsSync(path.join(folder, "server.log")) ? readFileSync(path.join(folder, "server.log"), "utf8").split("\n").slice(-20).join("\n") : "";
    throw new Error(`${(error as Error).message}\n${log}`);
  }
}

function cluster(binaries: string, folder: string, port: number, password: string): PostgresCluster {
  return {
    port,
    url: (database = "postgres") => `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`,
    stop() {
      if (existsSync(path.join(folder, "data", "postmaster.pid"))) {
        try {
          runServerProgram(path.join(binaries, "pg_ctl"), ["-D", path.join(folder, "data"), "-m", "immediate", "-w", "stop"]);
        } catch {
          // Already stopped: only the folder is left to delete.
        }
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Creates and starts a cluster. `settings` are extra server settings
 * ("name=value"), e.g. synchronous replication for a replica that must never lag.
 */
export async function startCluster(settings: string[] = []): Promise<PostgresCluster> {
  const binaries = requireBinaries();
  const folder = serverFolder("reader-pg-");
  const password = randomBytes(18).toString("base64url");
  const passwordFile = path.join(folder, "password");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  try {
    runServerProgram(path.join(binaries, "initdb"), [
      "-D", path.join(folder, "data"),
      "-U", SUPERUSER,
      `--pwfile=${passwordFile}`,
      "--auth-local=peer",
      "--auth-host=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    rmSync(passwordFile);
    const port = await freePort();
    startServer(binaries, folder, port, settings.map((setting) => `-c ${setting}`));
    return cluster(binaries, folder, port, password);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Creates and starts a hot standby that streams from `primary` (pg_basebackup -R). */
export async function startReplica(primary: PostgresCluster): Promise<PostgresCluster> {
  const binaries = requireBinaries();
  const folder = serverFolder("reader-pg-replica-");
  const primaryUrl = new URL(primary.url());
  const password = decodeURIComponent(primaryUrl.password);
  try {
    runServerProgram(
      path.join(binaries, "pg_basebackup"),
      // A fast checkpoint: by default pg_basebackup waits for a spread one, paced over minutes (208 s against
      // 0.6 s here after writing 70 MB; 2.5 minutes of each CI run).
      ["-h", "127.0.0.1", "-p", String(primary.port), "-U", SUPERUSER, "-D", path.join(folder, "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
      { PGPASSWORD: password },
    );
    const port = await freePort();
    startServer(binaries, folder, port, ["-c hot_standby=on"]);
    return cluster(binaries, folder, port, password);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
