import { ContentError } from "../content/errors.ts";
import { listWorkDirectories, loadWork, type SourceWork } from "../content/load.ts";
import { glossarySearchText } from "../glossary/language.ts";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { refreshPostedTerms } from "./search-postings.ts";
import { refreshWork } from "./work-derived.ts";

/**
 * Bumped whenever the importer stores something new, so that unchanged
 * content is still imported again by a newer importer.
 */
export const IMPORTER_VERSION = 3;

export type ImportStatus = "created" | "updated" | "unchanged";

export interface ImportReport {
  slug: string;
  status: ImportStatus;
  editions: number;
  paragraphs: number;
  units: number;
}

export interface ImportOptions {
  /** Import even when the content hash says nothing changed. */
  force?: boolean;
  /** Called after each work is written, inside the transaction. */
  onWorkWritten?: (report: ImportReport) => void | Promise<void>;
}

/** Where the works live, relative to the project root. */
export const CONTENT_ROOT = "content";

/**
 * Loads, validates and imports the works of a content root (all of them, or
 * one by slug). Throws ContentError, writing nothing, when any file is wrong.
 * When a work was written, the search's posted terms are brought up to date
 * after it (lib/db/search-postings.ts).
 */
export async function importContent(
  db: Database,
  options: ImportOptions & { contentRoot?: string; work?: string } = {},
): Promise<ImportReport[]> {
  const root = options.contentRoot ?? CONTENT_ROOT;
  const directories = listWorkDirectories(root).filter((directory) => !options.work || directory.endsWith(`/${options.work}`));
  if (options.work && directories.length === 0) throw new ContentError([{ file: `${root}/${options.work}`, message: "no such work folder" }]);
  const reports = await importWorks(db, directories.map(loadWork), options);
  if (reports.some((report) => report.status !== "unchanged")) await refreshPostedTerms(db);
  return reports;
}

export function describeImport(report: ImportReport): string {
  return `${report.slug}: ${report.status} (${report.editions} editions, ${report.paragraphs} paragraphs, ${report.units} alignment units)`;
}

/** The hash stored with a work: its content and the importer that read it. */
export function storedHash(work: SourceWork): string {
  return `${IMPORTER_VERSION}:${work.contentHash}`;
}

/**
 * Writes validated works to the database in one transaction: either every
 * work is written or the database is left exactly as it was. A work whose
 * content hash is unchanged is not touched, so a second run changes nothing.
 */
export async function importWorks(db: Database, works: SourceWork[], options: ImportOptions = {}): Promise<ImportReport[]> {
  return db.$transaction(
    async (tx) => {
      const reports: ImportReport[] = [];
      for (const work of works) {
        const counts = {
          editions: work.editions.length,
          paragraphs: work.editions.reduce((sum, edition) => sum + edition.paragraphs.length, 0),
          units: work.units.length,
        };
        const existing = await tx.work.findUnique({ where: { slug: work.slug }, select: { id: true, contentHash: true } });
        if (existing && existing.contentHash === storedHash(work) && !options.force) {
          reports.push({ slug: work.slug, status: "unchanged", ...counts });
          continue;
        }
        if (existing) await tx.work.delete({ where: { id: existing.id } });
        await writeWork(tx, work);
        const report: ImportReport = { slug: work.slug, status: existing ? "updated" : "created", ...counts };
        reports.push(report);
        await options.onWorkWritten?.(report);
      }
      return reports;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function writeWork(db: Prisma.TransactionClient, work: SourceWork): Promise<void> {
  const created = await db.work.create({
    data: { slug: work.slug, title: work.title, contentHash: storedHash(work), importedAt: new Date() },
    select: { id: true },
  });

  await db.alignmentUnit.createMany({ data: work.units.map((unit) => ({ workId: created.id, ordinal: unit.ordinal })) });
  const unitIds = new Map(
    (await db.alignmentUnit.findMany({ where: { workId: created.id }, select: { id: true, ordinal: true } })).map((unit) => [unit.ordinal, unit.id]),
  );

  for (const edition of work.editions) {
    const { metadata } = edition;
    const stored = await db.edition.create({
      data: {
        workId: created.id,
        language: metadata.lang,
        status: metadata.status,
        title: metadata.title,
        authors: metadata.authors,
        journal: metadata.journal,
        year: metadata.year,
        volume: metadata.volume,
        issue: metadata.issue,
        pageRange: metadata.pages,
        firstPage: metadata.firstPage,
        doi: metadata.doi,
        url: metadata.url,
        licence: metadata.licence,
        note: metadata.note,
      },
      select: { id: true },
    });

    const unitOfParagraph = new Map<number, number>();
    for (const unit of work.units) {
      for (const id of unit.paragraphs[metadata.lang] ?? []) unitOfParagraph.set(id, unitIds.get(unit.ordinal)!);
    }
    await db.paragraph.createMany({
      data: edition.paragraphs.map((paragraph) => ({
        editionId: stored.id,
        unitId: unitOfParagraph.get(paragraph.id)!,
        ordinal: paragraph.id,
        kind: paragraph.kind,
        section: paragraph.section,
        refKey: paragraph.refKey,
        text: paragraph.text,
        marks: paragraph.marks,
        pageBreaks: paragraph.pageBreaks,
      })),
    });
  }

  await writeGlossary(db, created.id, work);
  await refreshWork(db, created.id);
}

/** The glossary's entries; their occurrences are found by refreshWork. */
async function writeGlossary(db: Prisma.TransactionClient, workId: number, work: SourceWork): Promise<void> {
  if (work.glossary.length === 0) return;
  await db.glossaryEntry.createMany({
    data: work.glossary.map((entry) => ({
      workId,
      key: entry.id,
      category: entry.category,
      data: entry,
      searchText: glossarySearchText([...entry.en, entry.hepburn, entry.kanji, entry.kana, entry.ru, ...(entry.ruForms ?? []), entry.polivanov, entry.romanized, entry.journalistic]),
    })),
  });
}
