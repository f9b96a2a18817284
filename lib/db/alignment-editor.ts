/**
 * The alignment editor's writes: each operation (lib/editor/operations.ts)
 * in one transaction, with a history entry that can be undone; unit numbers,
 * readers' reports, sentences, the search index and the work's updatedAt
 * follow.
 */
import { applyOperation, canUndo, EditorError, inverse, type EditorOperation, type EditorUnit, type UnitChange } from "../editor/operations.ts";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { renumberReports, renumberUnits } from "./unit-layout.ts";
import { refreshWork } from "./work-derived.ts";

type Transaction = Prisma.TransactionClient;

async function loadUnits(tx: Transaction, workId: number) {
  const rows = await tx.alignmentUnit.findMany({
    where: { workId },
    orderBy: { ordinal: "asc" },
    select: { id: true, ordinal: true, confidence: true, reviewed: true, paragraphs: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, edition: { select: { language: true } } } } },
  });
  const languages = [...new Set(rows.flatMap((row) => row.paragraphs.map((paragraph) => paragraph.edition.language)))];
  const units: EditorUnit[] = rows.map((row) => ({
    paragraphs: Object.fromEntries(languages.map((language) => [language, row.paragraphs.filter((p) => p.edition.language === language).map((p) => p.ordinal)])),
    confidence: row.confidence,
    reviewed: row.reviewed,
  }));
  const paragraphIds = new Map(rows.flatMap((row) => row.paragraphs.map((p) => [`${p.edition.language} ${p.ordinal}`, p.id] as const)));
  return { rows, units, paragraphIds };
}

async function writeChange(tx: Transaction, workId: number, slug: string, change: UnitChange): Promise<void> {
  const { rows, paragraphIds } = await loadUnits(tx, workId);
  const range = rows.slice(change.start - 1, change.start - 1 + change.before.length);
  const ids: number[] = [];
  for (const [position, unit] of change.after.entries()) {
    const id = range[position]?.id ?? (await tx.alignmentUnit.create({ data: { workId, ordinal: -(rows.length + position + 1) }, select: { id: true } })).id;
    ids.push(id);
    const members = Object.entries(unit.paragraphs).flatMap(([language, ordinals]) => ordinals.map((ordinal) => paragraphIds.get(`${language} ${ordinal}`)!));
    await tx.paragraph.updateMany({ where: { id: { in: members } }, data: { unitId: id } });
    await tx.alignmentUnit.update({ where: { id }, data: { confidence: unit.confidence, reviewed: unit.reviewed } });
  }
  await tx.alignmentUnit.deleteMany({ where: { id: { in: range.slice(change.after.length).map((row) => row.id) } } });
  const order = [...rows.slice(0, change.start - 1).map((row) => row.id), ...ids, ...rows.slice(change.start - 1 + change.before.length).map((row) => row.id)];
  await renumberUnits(tx, workId, order);
  const delta = change.after.length - change.before.length;
  const moved = new Map<number, number>();
  range.forEach((row) => moved.set(row.ordinal, change.start));
  rows.slice(change.start - 1 + change.before.length).forEach((row) => moved.set(row.ordinal, row.ordinal + delta));
  await renumberReports(tx, slug, moved);
  await refreshWork(tx, workId, { paragraphIds: [], unitIds: ids });
}

/** Applies an editor operation to a work; throws EditorError for an operation that does not fit the units. */
export async function editAlignment(db: Database, slug: string, operation: EditorOperation): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const work = await tx.work.findUnique({ where: { slug }, select: { id: true } });
      if (!work) throw new EditorError(`no work "${slug}"`);
      const { units } = await loadUnits(tx, work.id);
      const change = applyOperation(units, operation);
      await writeChange(tx, work.id, slug, change);
      const entry = await tx.alignmentChange.create({
        data: { workId: work.id, action: operation.action, before: { start: change.start, units: change.before } as unknown as Prisma.InputJsonValue, after: { start: change.start, units: change.after } as unknown as Prisma.InputJsonValue },
        select: { id: true },
      });
      return entry.id;
    },
    { timeout: 60_000 },
  );
}

/** Undoes a change, if the units it made are still as it left them. */
export async function undoChange(db: Database, slug: string, changeId: number): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const entry = await tx.alignmentChange.findFirst({ where: { id: changeId, work: { slug } } });
      if (!entry || entry.undoneAt) throw new EditorError(`change ${changeId} of "${slug}" does not exist or is already undone`);
      const before = entry.before as unknown as { start: number; units: EditorUnit[] };
      const after = entry.after as unknown as { start: number; units: EditorUnit[] };
      const change: UnitChange = { start: before.start, before: before.units, after: after.units };
      const { units } = await loadUnits(tx, entry.workId);
      if (!canUndo(units, change)) throw new EditorError(`later changes touch the units of change ${changeId}; undo them first`);
      await writeChange(tx, entry.workId, slug, inverse(change));
      await tx.alignmentChange.update({ where: { id: entry.id }, data: { undoneAt: new Date() } });
    },
    { timeout: 60_000 },
  );
}

/** The units of a work in the editor's terms, for tests and the editor page. */
export async function editorUnits(db: Database, slug: string): Promise<EditorUnit[]> {
  const work = await db.work.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return (await loadUnits(db, work.id)).units;
}
