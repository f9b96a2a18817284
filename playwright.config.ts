import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const databaseFile = process.env.E2E_DATABASE ?? "prisma/e2e.db";
/**
 * The end-to-end tests run the production build on a database of their own, created fresh for every run:
 * an SQLite file, or the empty PostgreSQL database E2E_DATABASE_URL names (npm run test:pg makes one).
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./${databaseFile}`;
/** The alignment editor's token on the test server (tests/e2e/editor.spec.ts signs in with it). */
export const E2E_EDITOR_TOKEN = "e2e-editor-token-not-a-secret";
/**
 * The tag of tests that run on the desktop alone: what a phone cannot change (HTTP answers, metadata, the data
 * shown, keyboard shortcuts, pointer hover) and what writes to the database. The phone runs what its viewport and
 * touch change, and takes its screenshots.
 */
export const DESKTOP_ONLY = "@desktop-only";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/output/results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    // The offline spec lets the service worker run; in every other test's fresh browser context it would install
    // and precache the app's scripts, then fetch the work's glossary entries, on the processors the tests share.
    serviceWorkers: "block",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1440, height: 900 } } },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, defaultBrowserType: "chromium" }, grepInvert: new RegExp(DESKTOP_ONLY) },
  ],
  globalSetup: "./tests/e2e/global-setup.ts",
  webServer: {
    command: `rm -f ${databaseFile} ${databaseFile}-* && npx tsx lib/cli/prepare.ts --build && npx next start -H 127.0.0.1 -p ${port}`,
    // Not a cached page: asking for one now would cache it before the global setup adds the test works.
    url: `http://127.0.0.1:${port}/api/v1/works`,
    env: { DATABASE_URL: E2E_DATABASE_URL, SITE_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", EDITOR_TOKEN: E2E_EDITOR_TOKEN },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
  },
});
