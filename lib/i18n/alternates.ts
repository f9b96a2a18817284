import { routing, type Locale } from "./routing.ts";

/** OpenGraph spells locales with a region ("ru_RU"). */
export const OPEN_GRAPH_LOCALES: Record<Locale, string> = { en: "en_US", ru: "ru_RU", ja: "ja_JP" };

/**
 * The page's canonical address and the same page in every interface language,
 * for `<link rel="canonical">` and `<link rel="alternate" hreflang>`; `path` is
 * the page's path without its locale prefix ("/works/x", or "/").
 */
export function languageAlternates(locale: Locale, path: string): { canonical: string; languages: Record<string, string> } {
  const suffix = path === "/" ? "" : path;
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((other) => [other, `/${other}${suffix}`]));
  languages["x-default"] = `/${routing.defaultLocale}${suffix}`;
  return { canonical: `/${locale}${suffix}`, languages };
}
