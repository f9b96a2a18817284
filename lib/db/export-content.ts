/**
 * Writes a work from the database back to its content folder (edition files,
 * alignment.tsv, work.yaml), so that an edit made in the alignment editor or
 * an imported edition can be committed. The files are validated by loading
 * them before they replace the old ones, and the work's stored content hash
 * is set to theirs, so the next import sees nothing new to import.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "yaml";
import { writeAlignmentFile, writeEditionFile } from "../content/edition-write.ts";
import { ContentError } from "../content/errors.ts";
import { InlineSyntaxError, type InlineMark, type PageBreak } from "../content/inline.ts";
import { ALIGNMENT_FILE, loadWork, WORK_FILE } from "../content/load.ts";
import type { ParagraphKind } from "../content/paragraph.ts";
import type { EditionStatus } from "../content/work-file.ts";
import { updateWorkFile, type EditionFields } from "../content/work-write.ts";
import type { Database } from "./client.ts";
import { CONTENT_ROOT, storedHash } from "./import.ts";

export interface ExportReport {
  slug: string;
  directory: string;
  /** Files whose bytes changed. */
  changed: string[];
}

export async function exportWork(db: Database, slug: string, contentRoot: string = CONTENT_ROOT): Promise<ExportReport> {
  const work = await db.work.findUnique({
    where: { slug },
    select: {
      id: true,
      title: true,
      editions: { orderBy: { id: "asc" }, include: { paragraphs: { orderBy: { ordinal: "asc" }, select: { ordinal: true, kind: true, refKey: true, text: true, marks: true, pageBreaks: true, unit: { select: { ordinal: true } } } } } },
      units: { orderBy: { ordinal: "asc" }, select: { ordinal: true } },
    },
  });
  if (!work) throw new ContentError([{ file: path.join(contentRoot, slug), message: `no work "${slug}" in the database` }]);
  const directory = path.join(contentRoot, slug);
  const read = (name: string) => (existsSync(path.join(directory, name)) ? readFileSync(path.join(directory, name), "utf8") : undefined);
  const workSource = read(WORK_FILE) ?? `slug: ${slug}\ntitle: ${JSON.stringify(work.title)}\neditions: []\n`;

  const files = new Map<string, string>();
  const fields: EditionFields[] = [];
  const previousLanguages = read(ALIGNMENT_FILE)?.split("\n")[0]?.split("\t").slice(1) ?? [];
  for (const edition of work.editions) {
    const file = fileOf(workSource, edition.language) ?? `${edition.language}.txt`;
    files.set(
      file,
      editionFile(path.join(directory, file), () => writeEditionFile(
        edition.paragraphs.map((paragraph) => ({
          id: paragraph.ordinal,
          kind: paragraph.kind as ParagraphKind,
          refKey: paragraph.refKey,
          text: paragraph.text,
          marks: paragraph.marks as unknown as InlineMark[],
          pageBreaks: paragraph.pageBreaks as unknown as PageBreak[],
        })),
        read(file),
      )),
    );
    fields.push({
      lang: edition.language,
      file,
      status: edition.status as EditionStatus,
      title: edition.title,
      // PostgreSQL's jsonb keeps no key order: each author is written in the content files' order, family then given.
      authors: (edition.authors as EditionFields["authors"]).map(({ family, given }) => (given === undefined ? { family } : { family, given })),
      journal: edition.journal,
      year: edition.year,
      volume: edition.volume,
      issue: edition.issue,
      pages: edition.pageRange,
      firstPage: edition.firstPage,
      doi: edition.doi,
      url: edition.url,
      licence: edition.licence,
      note: edition.note,
    });
  }
  const languages = [...previousLanguages.filter((language) => fields.some((edition) => edition.lang === language)), ...fields.map((edition) => edition.lang).filter((language) => !previousLanguages.includes(language))];
  const units = work.units.map((unit) =>
    Object.fromEntries(work.editions.map((edition) => [edition.language, edition.paragraphs.filter((paragraph) => paragraph.unit.ordinal === unit.ordinal).map((paragraph) => paragraph.ordinal)])),
  );
  files.set(ALIGNMENT_FILE, writeAlignmentFile(languages, units));
  files.set(WORK_FILE, updateWorkFile(workSource, work.title, fields));

  // Validate a copy first: a folder the importer would refuse is never written.
  const staging = mkdtempSync(path.join(tmpdir(), "reader-export-"));
  try {
    const copy = path.join(staging, slug);
    if (existsSync(directory)) cpSync(directory, copy, { recursive: true });
    for (const [name, text] of files) writeFileSync(path.join(copy, name), text);
    loadWork(copy);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const changed = [...files].filter(([name, text]) => read(name) !== text).map(([name]) => path.join(directory, name));
  for (const [name, text] of files) if (read(name) !== text) writeFileSync(path.join(directory, name), text);
  await db.work.update({ where: { id: work.id }, data: { contentHash: storedHash(loadWork(directory)) } });
  return { slug, directory, changed };
}

/** An edition file's text, or a ContentError naming the paragraph the format cannot express. */
function editionFile(file: string, write: () => string): string {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof InlineSyntaxError)) throw error;
    throw new ContentError([{ file, message: error.message }]);
  }
}

function fileOf(workSource: string, language: string): string | undefined {
  const metadata = parseDocument(workSource).toJS() as { editions?: { lang?: string; file?: string }[] } | null;
  return metadata?.editions?.find((edition) => edition.lang === language)?.file;
}
