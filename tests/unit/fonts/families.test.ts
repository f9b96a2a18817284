import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontFile, fontPackage, fontStylesheet, lateStylesheetScript, switcherJapaneseFaces } from "@/lib/fonts/families";

/** The unicode-range of each face of a fontsource stylesheet, by file name. */
function ranges(css: string): Map<string, string> {
  return new Map([...css.matchAll(/url\(\.\/files\/([^)]+)\)[^}]*unicode-range: ([^;]+);/g)].map((match) => [match[1]!, match[2]!]));
}

function covers(range: string, codePoint: number): boolean {
  return range.split(",").some((part) => {
    const [low, high = low] = part.trim().replace(/^U\+/i, "").split("-");
    return codePoint >= parseInt(low!, 16) && codePoint <= parseInt(high!, 16);
  });
}

describe("the web fonts", () => {
  it("put the package version in every address", () => {
    const { version } = fontPackage("inter");
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fontStylesheet("inter")).toBe(`/fonts/inter/wght.css?v=${version}`);
    expect(fontFile("inter", "inter-latin-wght-normal.woff2")).toBe(`/fonts/inter/inter-latin-wght-normal.woff2?v=${version}`);
  });

  it("give each character of 日本語 the Noto Sans JP subset that holds it", () => {
    const { directory } = fontPackage("noto-sans-jp");
    const subsets = ranges(readFileSync(path.join(directory, "wght.css"), "utf8"));
    const faces = [...switcherJapaneseFaces().matchAll(/url\(\/fonts\/noto-sans-jp\/([^?]+)\?[^)]*\)[^}]*unicode-range:U\+([0-9A-F]+)/g)];
    expect(faces.map((face) => String.fromCodePoint(parseInt(face[2]!, 16))).join("")).toBe("日本語");
    for (const [, file, codePoint] of faces) expect(covers(subsets.get(file!)!, parseInt(codePoint!, 16)), file).toBe(true);
  });

  it("link a stylesheet only once the page has loaded", () => {
    const listeners = new Map<string, () => void>();
    const appended: { rel?: string; href?: string }[] = [];
    const document = { createElement: () => ({}), head: { appendChild: (link: { rel?: string; href?: string }) => appended.push(link) } };
    new Function("addEventListener", "document", lateStylesheetScript(fontStylesheet("noto-sans-jp")))((type: string, listener: () => void) => listeners.set(type, listener), document);
    expect(appended).toEqual([]);
    listeners.get("load")!();
    expect(appended).toEqual([{ rel: "stylesheet", href: fontStylesheet("noto-sans-jp") }]);
  });
});
