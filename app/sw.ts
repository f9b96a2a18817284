/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * The reader offline. The app's JavaScript and CSS are precached; a work page
 * the reader has opened is kept with what it loaded (fonts, its annotations,
 * its citations, the glossary entries opened from it), and served from the
 * cache when the network is gone. The reader page posts CACHE_URLS with its
 * own address and resources once the worker is ready, so even the first visit
 * is kept.
 */
/** The alignment editor, the report form and its confirmation: private or one-off pages, never kept. */
const UNCACHED_PAGE = /^\/[^/]+\/works\/[^/]+\/(align|report|reported)(\/|$)/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/fonts/")),
      handler: new CacheFirst({ cacheName: "static", plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 365 })] }),
    },
    {
      // Client navigations fetch the React payload of a page (?_rsc=…).
      matcher: ({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && !UNCACHED_PAGE.test(url.pathname) && (url.searchParams.has("_rsc") || request.headers.get("RSC") === "1"),
      handler: new NetworkFirst({ cacheName: "pages-rsc", networkTimeoutSeconds: 4, plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    {
      // Pages, their annotations and citations, glossary pages and the API they read: fresh when online, kept for offline.
      matcher: ({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && !url.pathname.startsWith("/serwist/") && !UNCACHED_PAGE.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: "pages",
        networkTimeoutSeconds: 4,
        // A page cached from the reader's CACHE_URLS message is the same page a navigation asks for.
        matchOptions: { ignoreVary: true },
        plugins: [new ExpirationPlugin({ maxEntries: 500 })],
      }),
    },
  ],
});

serwist.addEventListeners();
