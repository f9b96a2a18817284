import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { PREFERENCES_COOKIE, requestedView, viewSegment } from "@/lib/reader/preferences";

const handleLocale = createMiddleware(routing);

/** The home page, the list of works: /en or /en?page=2 */
const HOME_PAGE = new RegExp(`^/(${routing.locales.join("|")})/?$`);
/** A work's reader page: /en/works/streltsov-2018 */
const READER_PAGE = new RegExp(`^/(${routing.locales.join("|")})/works/([^/]+)/?$`);

/** The cached pages' own addresses, which the rewrites below lead to. */
const CACHED_PAGE = new RegExp(`^/(${routing.locales.join("|")})/(library/[^/]+|works/[^/]+/view/[^/]+)/?$`);

/** The page of the list of works that `?page=` names; anything but a page number is the first page. */
const listPage = (value: string | null) => (value && /^[1-9][0-9]{0,8}$/.test(value) ? value : "1");

/**
 * Where a request is served from, when that is a cached page of its own: each
 * page of the list of works (/…/library/<n>), and the reader's views (a reader
 * page asked for in a chosen layout or lead edition, by ?layout=…&lead=… or by
 * the reader's cookie: /…/works/x/view/<view>). The address in the browser
 * stays the one asked for.
 */
function cachedPagePath(request: NextRequest): string | null {
  const { pathname, searchParams } = request.nextUrl;
  const home = HOME_PAGE.exec(pathname);
  if (home) return `/${home[1]}/library/${listPage(searchParams.get("page"))}`;
  const reader = READER_PAGE.exec(pathname);
  if (!reader) return null;
  const segment = viewSegment(requestedView(searchParams, request.cookies.get(PREFERENCES_COOKIE)?.value));
  return segment && `/${reader[1]}/works/${reader[2]}/view/${segment}`;
}

/** Locale routing (next-intl), then the cached pages above. */
export default function proxy(request: NextRequest) {
  const response = handleLocale(request);
  if (response.headers.has("location")) return response;
  // Next.js passes a rewritten request through here once more when it renders the page for the cache: the
  // alternate-language links of the address the reader asked for, set on the first pass, must stay.
  if (CACHED_PAGE.test(request.nextUrl.pathname)) response.headers.delete("link");
  // The same reader page answers each reader with their view: shared caches must key on the cookie too.
  if (READER_PAGE.test(request.nextUrl.pathname)) response.headers.set("vary", "Cookie");
  const path = cachedPagePath(request);
  if (!path) return response;
  const target = request.nextUrl.clone();
  target.pathname = path;
  const rewrite = NextResponse.rewrite(target);
  // Keep what the locale routing adds to its answer (its cookie, the alternate-language Link header) and Vary.
  for (const name of ["set-cookie", "link", "vary"]) {
    const value = response.headers.get(name);
    if (value) rewrite.headers.set(name, value);
  }
  return rewrite;
}

export const config = {
  // Everything but the API, Next's own files and files with an extension (icons, fonts).
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
