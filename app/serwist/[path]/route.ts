import { createSerwistRoute } from "@serwist/turbopack";

// The service worker (app/sw.ts), bundled at build time and served at /serwist/sw.js.
// Only the app's own JavaScript and CSS are precached; fonts and pages are cached as they are used.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [`${process.env.READER_DIST_DIR ?? ".next"}/static/**/*.{js,css}`],
});
