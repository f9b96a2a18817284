import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Several checkouts' builds can share a machine (parallel test runs): each may name its own output folder.
  distDir: process.env.READER_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project (app, lib, tests) with tsc first; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Cached pages live in memory only: a restart (which re-imports changed content first) starts afresh, and on
  // PostgreSQL the instances keep no state on local disk.
  experimental: { isrFlushToDisk: false },
  // A cached page (the reader's, `revalidate = 300`) is never served older than that. Next.js would otherwise add
  // `stale-while-revalidate` for a year to its Cache-Control, and browsers honour it: a reader back on a page after an
  // edit would get the old copy from their own cache first.
  expireTime: 300,
};

// withSerwist keeps esbuild, which bundles the service worker (app/serwist/[path]/route.ts), out of the server bundle.
export default withSerwist(withNextIntl(nextConfig));
