/**
 * npm run bench:reader
 * Builds and starts the production server on loopback, then measures the
 * reader page: throughput and latency under load (autocannon, 10 connections,
 * 10 s), the HTML raw and gzipped, and the route's first-load JavaScript
 * gzipped. Targets (2-core machine): p50 ≤ 20 ms, HTML ≤ 75 KB gzipped,
 * first-load JS ≤ 130 KB gzipped.
 */
import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import { startProductionServer } from "./server";

const path = process.argv[2] ?? "/en/works/streltsov-2018";
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startProductionServer();
try {
  const url = `${server.origin}${path}`;
  const html = await (await fetch(url)).text();
  const htmlBytes = Buffer.byteLength(html);
  const htmlGzip = gzipSync(html).length;

  // First-load JavaScript: every script a current browser loads before any interaction (noModule polyfills are for old browsers only).
  const scriptTags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((match) => !/nomodule/i.test(match[0]));
  const scripts = [...new Set(scriptTags.map((match) => match[1]!))];
  let scriptGzip = 0;
  for (const src of scripts) scriptGzip += gzipSync(Buffer.from(await (await fetch(new URL(src, server.origin))).arrayBuffer())).length;

  const load = await autocannon({ url, connections: 10, duration: 10 });
  if (load.non2xx > 0 || load.errors > 0) throw new Error(`${load.non2xx} non-2xx answers and ${load.errors} errors under load`);

  const rows: [string, string, string][] = [
    ["requests/s (mean)", load.requests.average.toFixed(0), ""],
    ["latency p50", `${load.latency.p50} ms`, "≤ 20 ms"],
    ["latency p99", `${load.latency.p99} ms`, ""],
    ["HTML raw", kb(htmlBytes), ""],
    ["HTML gzipped", kb(htmlGzip), "≤ 75 KB"],
    [`first-load JS gzipped (${scripts.length} files)`, kb(scriptGzip), "≤ 130 KB"],
  ];
  console.log(`\nReader page ${path}: autocannon, 10 connections, 10 s\n`);
  console.table(rows.map(([figure, value, target]) => ({ figure, value, target })));
} finally {
  await server.stop();
}
