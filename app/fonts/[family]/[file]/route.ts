import { readFile } from "node:fs/promises";
import path from "node:path";
import { FONT_FAMILIES, fontPackage, type FontFamily } from "@/lib/fonts/families";

const FILE = /^[a-z0-9-]+-wght-normal\.woff2$/;
const FOREVER = "public, max-age=31536000, immutable";

/** GET /fonts/{family}/wght.css and the font files it names (see lib/fonts/families.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ family: string; file: string }> }) {
  const { family, file } = await params;
  if (!(family in FONT_FAMILIES)) return Response.json({ error: `no font family "${family}"` }, { status: 404 });
  const { directory, version } = fontPackage(family as FontFamily);
  if (file === "wght.css") {
    const css = (await readFile(path.join(directory, "wght.css"), "utf8")).replace(/url\(\.\/files\/([^)]+)\)/g, `url(/fonts/${family}/$1?v=${version})`);
    return new Response(css, { headers: { "content-type": "text/css; charset=utf-8", "cache-control": FOREVER } });
  }
  if (!FILE.test(file) || !file.startsWith(family)) return Response.json({ error: `no font file "${file}"` }, { status: 404 });
  return new Response(await readFile(path.join(directory, "files", file)), { headers: { "content-type": "font/woff2", "cache-control": FOREVER } });
}
