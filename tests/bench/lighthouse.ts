/**
 * npm run bench:lighthouse [path …]
 * Builds and starts the production server on loopback (as npm start does),
 * then runs Lighthouse 12 in Debian's Chromium on the reader page with the
 * mobile and the desktop preset, and prints each category's score with LCP,
 * TBT and CLS. Targets: performance ≥ 95 on both presets, accessibility 100,
 * best practices ≥ 95, SEO ≥ 95, CLS < 0.05. The reports are kept under
 * tests/output/lighthouse/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startProductionServer } from "./server";

const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const PRESETS = ["mobile", "desktop"] as const;
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["/en/works/streltsov-2018"];
const outputDirectory = path.join("tests", "output", "lighthouse");

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
}

const score = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
const target = (value: number, minimum: number) => `${value}${value >= minimum ? "" : ` (target ≥ ${minimum})`}`;

mkdirSync(outputDirectory, { recursive: true });
const server = await startProductionServer();
const rows: Record<string, string>[] = [];
try {
  for (const pagePath of paths) {
    for (const preset of PRESETS) {
      const name = `${pagePath.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-${preset}`;
      const reportPath = path.join(outputDirectory, name);
      const run = spawnSync(
        "npx",
        [
          "lighthouse",
          `${server.origin}${pagePath}`,
          "--quiet",
          ...(preset === "desktop" ? ["--preset=desktop"] : []),
          `--chrome-flags=${CHROME_FLAGS}`,
          "--output=json",
          "--output=html",
          `--output-path=${reportPath}`,
        ],
        { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
      );
      if (run.status !== 0) throw new Error(`lighthouse failed on ${pagePath} (${preset})`);
      const report = JSON.parse(readFileSync(`${reportPath}.report.json`, "utf8")) as Report;
      const cls = report.audits["cumulative-layout-shift"]?.numericValue ?? 0;
      rows.push({
        page: pagePath,
        preset,
        performance: target(score(report, "performance"), 95),
        accessibility: target(score(report, "accessibility"), 100),
        "best practices": target(score(report, "best-practices"), 95),
        SEO: target(score(report, "seo"), 95),
        LCP: report.audits["largest-contentful-paint"]?.displayValue ?? "",
        TBT: report.audits["total-blocking-time"]?.displayValue ?? "",
        CLS: `${cls.toFixed(3)}${cls < 0.05 ? "" : " (target < 0.05)"}`,
      });
    }
  }
} finally {
  await server.stop();
}
console.log(`\nLighthouse 12 (Chromium, headless), reports in ${outputDirectory}/\n`);
console.table(rows);
