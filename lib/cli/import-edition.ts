/**
 * npm run import:edition -- --work SLUG --lang LANG --file PATH
 *   [--title T] [--journal J] [--year Y] [--pages 70–85] [--status published|project-translation]
 *   [--author "Family, Given"]… [--note N] [--replace]
 *
 * Reads a new edition from UTF-8 plain text, Markdown, DOCX or PDF, cleans
 * what extraction broke, aligns it against the work's other edition and
 * stores it in one transaction. Bad input: one line on stderr, nothing
 * changed, exit code 2.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { EDITION_STATUSES, type EditionStatus } from "@/lib/content/work-file";
import { createDatabase } from "@/lib/db/client";
import { checkEditionTarget, importEdition, LOW_CONFIDENCE, type EditionImportSummary, type EditionMetadataInput } from "@/lib/db/edition-import";
import { IngestError } from "@/lib/ingest/errors";
import { ingestDocument, type IngestedDocument } from "@/lib/ingest/ingest";
import { MAX_INPUT_BYTES } from "@/lib/ingest/input";

const USAGE = "usage: npm run import:edition -- --work SLUG --lang LANG --file PATH [--title T] [--journal J] [--year Y] [--pages 70–85] [--status published|project-translation] [--author \"Family, Given\"] [--note N] [--replace]";

/** PDFs of this many pages or more get a progress bar while their pages are read. */
const PROGRESS_PAGES = 10;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        work: { type: "string" },
        lang: { type: "string" },
        file: { type: "string" },
        title: { type: "string" },
        journal: { type: "string" },
        year: { type: "string" },
        pages: { type: "string" },
        status: { type: "string" },
        author: { type: "string", multiple: true },
        note: { type: "string" },
        replace: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new IngestError(`${(error as Error).message.split(". ")[0]} (${USAGE})`);
  }
  const { values } = parsed;
  for (const required of ["work", "lang", "file"] as const) if (!values[required]) throw new IngestError(`--${required} is required (${USAGE})`);
  const metadata: EditionMetadataInput = {};
  if (values.title !== undefined) metadata.title = nonEmpty(values.title, "--title");
  if (values.journal !== undefined) metadata.journal = nonEmpty(values.journal, "--journal");
  if (values.note !== undefined) metadata.note = nonEmpty(values.note, "--note");
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new IngestError(`--year must be a year such as 2017, not "${values.year}"`);
    metadata.year = Number(values.year);
  }
  if (values.pages !== undefined) {
    const pages = values.pages.replace(/-/, "–");
    if (!/^\d+(–\d+)?$/.test(pages)) throw new IngestError(`--pages must be a page or a range such as 70–85, not "${values.pages}"`);
    metadata.pages = pages;
  }
  if (values.status !== undefined) {
    if (!(EDITION_STATUSES as readonly string[]).includes(values.status)) throw new IngestError(`--status must be one of ${EDITION_STATUSES.join(", ")}, not "${values.status}"`);
    metadata.status = values.status as EditionStatus;
  }
  if (values.author) {
    metadata.authors = values.author.map((author) => {
      const [family, given] = author.split(",").map((part) => part.trim());
      if (!family) throw new IngestError(`--author must be "Family, Given", not "${author}"`);
      return given ? { family, given } : { family };
    });
  }
  return { slug: values.work!, language: values.lang!, file: values.file!, replace: values.replace!, metadata };
}

function nonEmpty(value: string, option: string): string {
  if (value.trim() === "") throw new IngestError(`${option} is empty`);
  return value.trim();
}

function readInput(file: string): Uint8Array {
  // npm runs scripts from the package root; the user's path is relative to where they typed.
  const full = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    const size = statSync(full).size;
    if (!statSync(full).isFile()) throw new IngestError(`${file} is not a file`);
    if (size > MAX_INPUT_BYTES) throw new IngestError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${(MAX_INPUT_BYTES / 1024 / 1024).toFixed(1)} MB`);
    return new Uint8Array(readFileSync(full));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function describe(summary: EditionImportSummary, document: IngestedDocument, file: string): string {
  const lines: string[] = [];
  lines.push(`${summary.slug}: ${summary.language} edition ${summary.replaced ? "replaced" : "added"} from ${path.basename(file)} (${document.format}), aligned against the ${summary.against} edition`);
  lines.push(`  paragraphs: ${summary.paragraphs}`);
  const types = Object.entries(summary.unitTypes).sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${count}`);
  lines.push(`  alignment units: ${summary.units} (${summary.against}:${summary.language} ${types.join(", ")})`);
  const low = summary.lowConfidence.map((unit) => `#u${unit.ordinal} ${unit.confidence.toFixed(2)}`);
  lines.push(`  low-confidence units (below ${LOW_CONFIDENCE}): ${low.length}${low.length > 0 ? ` — ${low.slice(0, 12).join(", ")}${low.length > 12 ? ", …" : ""}` : ""}`);
  if (summary.attached > 0) lines.push(`  paragraphs without a counterpart, placed in the unit before them: ${summary.attached}`);
  const moved = summary.renumbered.map((change) => `#u${change.before}→${change.after === null ? "removed" : `#u${change.after}`}`);
  lines.push(`  unit permalinks: ${moved.length === 0 ? "all kept" : `${moved.length} changed — ${moved.slice(0, 12).join(", ")}${moved.length > 12 ? ", …" : ""}`}`);
  const pages = document.pages;
  lines.push(
    pages.recovered
      ? `  pages: ${pages.first}–${pages.last} recovered (${pages.count} pages, ${summary.pages.breaks} page breaks in the text)`
      : `  pages: ${pages.count} read, page numbers not recovered`,
  );
  const headers = document.removed.filter((line) => line.reason === "running-header").length;
  const folios = document.removed.length - headers;
  lines.push(`  removed: ${headers} running header/footer lines, ${folios} page numbers`);
  const joined = document.hyphens.filter((hyphen) => hyphen.decision === "join").length;
  lines.push(`  line-end hyphens: ${joined} words rejoined, ${document.hyphens.length - joined} real hyphens kept; paragraphs continued across a page: ${document.joinedAcrossPages}`);
  lines.push(`  mixed-script words: ${document.mixedScripts.length}`);
  for (const token of document.mixedScripts.slice(0, 20)) {
    lines.push(`    paragraph ${token.paragraph + 1}: "${token.token}" has ${token.foreign}${token.suggestion ? ` (meant "${token.suggestion}"?)` : ""}`);
  }
  return lines.join("\n");
}

async function run(): Promise<void> {
  const request = options();
  const db = createDatabase();
  try {
    // The cheap checks first: an unknown work or language is reported before a large file is read.
    await checkEditionTarget(db, request.slug, request.language, request.replace);
    const bytes = readInput(request.file);
    const replacedText = request.replace
      ? (await db.paragraph.findMany({ where: { edition: { language: request.language, work: { slug: request.slug } } }, select: { text: true } })).map((paragraph) => paragraph.text)
      : [];
    let bar: cliProgress.SingleBar | null = null;
    const document = await ingestDocument(bytes, {
      file: request.file,
      knownTexts: replacedText,
      onProgress: (done, total) => {
        if (total < PROGRESS_PAGES) return;
        bar ??= new cliProgress.SingleBar({ format: "reading pages [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        if (done === 1) bar.start(total, 0);
        bar.update(done);
        if (done === total) bar.stop();
      },
    });
    if (bar !== null) process.stderr.write(`aligning ${document.paragraphs.length} paragraphs…\n`);
    const summary = await importEdition(db, { slug: request.slug, language: request.language, replace: request.replace, document, metadata: request.metadata });
    console.log(describe(summary, document, request.file));
  } finally {
    await db.$disconnect();
  }
}

try {
  await run();
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  process.stderr.write(`import:edition: ${error.message}\n`);
  process.exitCode = 2;
}
