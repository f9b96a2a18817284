/**
 * Starts the production server for a benchmark: prepares the database and
 * the build exactly as `npm start` does, then serves on a loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

export interface RunningServer {
  origin: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export async function startProductionServer(): Promise<RunningServer> {
  const prepared = spawnSync("npx", ["tsx", "lib/cli/prepare.ts", "--build"], { stdio: "inherit" });
  if (prepared.status !== 0) throw new Error("preparing the production build failed");

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // A process group of its own, so that stopping it also stops next-server.
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    // The public address of the site, for the absolute links in the page's metadata (canonical, hreflang).
    env: { ...process.env, SITE_URL: origin, NEXT_TELEMETRY_DISABLED: "1" },
  });

  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${origin}/en`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    origin,
    stop: async () => {
      process.kill(-child.pid!, "SIGTERM");
      await once(child, "exit");
    },
  };
}
