import { routing, type Locale } from "./routing.ts";

/** OpenGraph spells locales with a region ("ru_RU"). */
export const OPEN_GRAPH_LOCALES: Record<Locale, string> = { en: "en_US", ru: "ru_RU", ja: "ja_JP" };

/**
 * The page's canonical address and the same page in every interface language,
 * for `<link rel="canonical">` and `<link rel="alternate" hreflang>`; `path` is
 * the page's path without its locale prefix ("/works/x", or "/"), or the query
 * of the locale's home page ("?page=2").
 */
export function languageAlternates(locale: Locale, path: string): { canonical: string; languages: Record<string, string> } {
  const suffix = path === "/" ? "" : path;
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((other) => [other, `/${other}${suffix}`]));
  languages["x-default"] = `/${routing.defaultLocale}${suffix}`;
  return { canonical: `/${locale}${suffix}`, languages };
}

/**
 * The site's public origin, against which canonical and alternate-language
 * links are made absolute: SITE_URL where the site is deployed, else the
 * local server. A setting rather than the request's Host header, so that
 * pages do not depend on the request and can be cached.
 */
export function siteOrigin(): URL {
  return new URL(process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
}
