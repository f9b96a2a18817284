import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { PREFERENCES_COOKIE, requestedView, viewSegment } from "@/lib/reader/preferences";

const handleLocale = createMiddleware(routing);

/** A work's reader page: /en/works/streltsov-2018 */
const READER_PAGE = new RegExp(`^/(${routing.locales.join("|")})/works/([^/]+)/?$`);

/**
 * Locale routing (next-intl), and the reader's views: a reader page asked for
 * in a chosen layout or lead edition (by ?layout=…&lead=…, or by the reader's
 * cookie) is served from that view's own cached page, /…/works/x/view/<view>,
 * while the address in the browser stays the work's own.
 */
export default function proxy(request: NextRequest) {
  const response = handleLocale(request);
  const page = READER_PAGE.exec(request.nextUrl.pathname);
  if (!page || response.headers.has("location")) return response;

  // The same address answers each reader with their view: shared caches must key on the cookie too.
  response.headers.set("vary", "Cookie");
  const segment = viewSegment(requestedView(request.nextUrl.searchParams, request.cookies.get(PREFERENCES_COOKIE)?.value));
  if (!segment) return response;
  const target = request.nextUrl.clone();
  target.pathname = `/${page[1]}/works/${page[2]}/view/${segment}`;
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
