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
};

// withSerwist keeps esbuild, which bundles the service worker (app/serwist/[path]/route.ts), out of the server bundle.
export default withSerwist(withNextIntl(nextConfig));
