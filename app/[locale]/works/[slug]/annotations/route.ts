import { database } from "@/lib/db/client";
import { readWorkCached } from "@/lib/db/reader";
import { buildAnnotations } from "@/lib/reader/text-payload";

/**
 * GET …/works/{slug}/annotations: every paragraph's sentences and glossary
 * terms, by paragraph anchor ("en-12"). The reader fetches them after the
 * page is shown, so their size never weighs on the page itself. The ETag is
 * the work's last change: a revalidation of an unchanged work costs nothing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const work = await readWorkCached(database(), slug);
  if (!work) return Response.json({ error: `no work "${slug}"` }, { status: 404 });
  const etag = `"${work.updatedAt.getTime().toString(36)}"`;
  const headers = { etag, "cache-control": "no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(buildAnnotations(work), { headers });
}
