/**
 * Unit numbers (#u12) are positions: after units are merged, split or
 * removed, the rest are numbered 1, 2, 3, … again, and the readers' reports
 * follow their units to the new numbers.
 */
import type { Prisma } from "./generated/prisma/client.ts";

type Transaction = Prisma.TransactionClient;

/**
 * Gives units the ordinals 1..n in the order listed (unit ids). Two steps
 * through negative numbers, because (workId, ordinal) is unique at every
 * moment of an UPDATE in SQLite.
 */
export async function renumberUnits(tx: Transaction, workId: number, orderedUnitIds: number[]): Promise<void> {
  const current = new Map((await tx.alignmentUnit.findMany({ where: { workId }, select: { id: true, ordinal: true } })).map((unit) => [unit.id, unit.ordinal]));
  const moves = orderedUnitIds.map((id, index) => ({ id, ordinal: index + 1 })).filter((move) => current.get(move.id) !== move.ordinal);
  for (const move of moves) await tx.alignmentUnit.update({ where: { id: move.id }, data: { ordinal: -move.ordinal } });
  if (moves.length > 0) await tx.$executeRaw`UPDATE "AlignmentUnit" SET "ordinal" = -"ordinal" WHERE "workId" = ${workId} AND "ordinal" < 0`;
}

/** Moves the open and resolved reports of a work from old unit numbers to new ones (numbers not in the map stay). */
export async function renumberReports(tx: Transaction, workSlug: string, newOrdinals: Map<number, number>): Promise<void> {
  const changes = [...newOrdinals].filter(([before, after]) => before !== after);
  if (changes.length === 0) return;
  const reports = await tx.misalignmentReport.findMany({ where: { workSlug, unitOrdinal: { in: changes.map(([before]) => before) } }, select: { id: true, unitOrdinal: true } });
  for (const report of reports) await tx.misalignmentReport.update({ where: { id: report.id }, data: { unitOrdinal: newOrdinals.get(report.unitOrdinal)! } });
}
