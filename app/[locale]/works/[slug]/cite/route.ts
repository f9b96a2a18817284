import { z } from "zod";
import { EXPORT_FORMATS, exportItem, formatCitations, type ExportFormat } from "@/lib/citation/format";
import { editionItem } from "@/lib/citation/item";
import { pinpoint } from "@/lib/citation/pinpoint";
import { database } from "@/lib/db/client";
import { readWorkCached } from "@/lib/db/reader";
import { paragraphPages } from "@/lib/reader/pages";

const query = z.strictObject({
  edition: z.string().regex(/^[a-z]{2,3}$/, "must be an edition language such as en or ru"),
  paragraph: z.coerce.number().int("must be a whole number").positive("must be 1 or more").optional(),
  format: z.enum(EXPORT_FORMATS, `must be one of ${EXPORT_FORMATS.join(", ")}`).optional(),
});

const EXPORTS: Record<ExportFormat, { type: string; extension: string }> = {
  bibtex: { type: "application/x-bibtex; charset=utf-8", extension: "bib" },
  ris: { type: "application/x-research-info-systems; charset=utf-8", extension: "ris" },
  "csl-json": { type: "application/vnd.citationstyles.csl+json; charset=utf-8", extension: "json" },
};

const problem = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET …/works/{slug}/cite?edition=ru[&paragraph=12][&format=bibtex|ris|csl-json]
 * The edition's citations in every style (with the paragraph's pinpoint), or
 * the edition as a file for a reference manager. Formatting runs here because
 * citeproc is too heavy for the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return problem(400, issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
  }
  const { edition: language, paragraph, format } = parsed.data;

  const work = await readWorkCached(database(), slug, { annotations: false });
  if (!work) return problem(404, `no work "${slug}"`);
  const edition = work.editions.find((candidate) => candidate.language === language);
  if (!edition) return problem(404, `work "${slug}" has no edition "${language}"`);
  const item = editionItem(slug, edition);

  if (format) {
    return new Response(exportItem(item, format), {
      headers: { "content-type": EXPORTS[format].type, "content-disposition": `attachment; filename="${slug}-${language}.${EXPORTS[format].extension}"` },
    });
  }

  let where = null;
  if (paragraph !== undefined) {
    const paragraphs = work.units.flatMap((unit) => unit.paragraphs[language] ?? []);
    const position = paragraphs.findIndex((candidate) => candidate.ordinal === paragraph);
    if (position < 0) return problem(404, `edition "${language}" of "${slug}" has no paragraph ${paragraph}`);
    where = pinpoint(paragraph, paragraphPages(edition, paragraphs)[position]!);
  }
  return Response.json({ pinpoint: where, citations: formatCitations(item, where) });
}
