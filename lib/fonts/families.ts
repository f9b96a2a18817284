import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The web fonts, served from their npm packages by app/fonts/[family]/[file]
 * rather than bundled, so that the layout can link exactly the stylesheets a
 * page needs and preload the files its first paint needs. Every address
 * carries the package version: a new version is never served from an old cache.
 */
export const FONT_FAMILIES = {
  "source-serif-4": "@fontsource-variable/source-serif-4",
  inter: "@fontsource-variable/inter",
  "noto-sans-jp": "@fontsource-variable/noto-sans-jp",
} as const;

export type FontFamily = keyof typeof FONT_FAMILIES;

/** Read once per process: every page links the stylesheets, and an installed package does not change under a running server. */
const packages = new Map<FontFamily, { directory: string; version: string }>();

export function fontPackage(family: FontFamily): { directory: string; version: string } {
  let found = packages.get(family);
  if (!found) {
    const directory = path.join(process.cwd(), "node_modules", FONT_FAMILIES[family]);
    found = { directory, version: JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8")).version as string };
    packages.set(family, found);
  }
  return found;
}

/** The stylesheet of a family: its upright variable faces, one per unicode range. */
export function fontStylesheet(family: FontFamily): string {
  return `/fonts/${family}/wght.css?v=${fontPackage(family).version}`;
}

/** A font file of a family, for a preload link. */
export function fontFile(family: FontFamily, file: string): string {
  return `/fonts/${family}/${file}?v=${fontPackage(family).version}`;
}

/**
 * Outside the Japanese interface the page's only Japanese text is the language
 * switcher's 日本語: three faces, one per character (each in its own subset
 * file), from the system's Japanese font where it has one.
 */
export function switcherJapaneseFaces(): string {
  const local = ["Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo"].map((name) => `local("${name}")`).join(", ");
  return [
    ["U+65E5", "noto-sans-jp-118-wght-normal.woff2"],
    ["U+672C", "noto-sans-jp-117-wght-normal.woff2"],
    ["U+8A9E", "noto-sans-jp-113-wght-normal.woff2"],
  ]
    .map(([range, file]) => `@font-face{font-family:"Noto Sans JP Variable";font-weight:100 900;font-display:swap;src:${local},url(${fontFile("noto-sans-jp", file!)}) format("woff2");unicode-range:${range}}`)
    .join("");
}

/**
 * A script that links a stylesheet once the page has loaded: outside the
 * Japanese interface, Japanese text (kanji in glossary entries, search hints)
 * still gets Noto Sans JP on machines with no Japanese font, without its
 * stylesheet holding up the first paint. Each face downloads only when a page
 * shows one of its characters.
 */
export function lateStylesheetScript(href: string): string {
  return `addEventListener("load",function(){var l=document.createElement("link");l.rel="stylesheet";l.href=${JSON.stringify(href)};document.head.appendChild(l)})`;
}
