/**
 * Readers' misalignment reports: filed from the reader (rate-limited per
 * sender), listed in the alignment editor's queue and resolved there. A
 * report names its unit by number; the alignment editor moves it along when
 * units are renumbered (unit-layout.ts).
 */
import { checkRate, REPORT_RATE_LIMIT, windowStart, type RateLimit } from "../reports/rate-limit.ts";
import type { Database } from "./client.ts";

export interface NewReport {
  work: string;
  unit: number;
  note: string;
  /** The sender's salted hash (lib/reports/sender.ts). */
  sender: string;
}

export type FiledReport =
  | { status: "filed"; id: number }
  | { status: "unknown-work" }
  | { status: "unknown-unit"; units: number }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Files a report if its work and unit exist and the sender is within the rate
 * limit. Not one transaction: on SQLite that would wait behind an editor's
 * long write. Two reports racing past the check at the same moment can exceed
 * the limit by one, which the next check counts; a unit removed meanwhile
 * leaves a stray report that the editor lists apart.
 */
export async function fileReport(db: Database, report: NewReport, now: Date = new Date(), limit: RateLimit = REPORT_RATE_LIMIT): Promise<FiledReport> {
  const work = await db.work.findUnique({ where: { slug: report.work }, select: { id: true, _count: { select: { units: true } } } });
  if (!work) return { status: "unknown-work" };
  if (report.unit > work._count.units) return { status: "unknown-unit", units: work._count.units };
  const earlier = await db.misalignmentReport.findMany({ where: { sender: report.sender, createdAt: { gt: windowStart(now, limit) } }, select: { createdAt: true } });
  const decision = checkRate(
    earlier.map((row) => row.createdAt),
    now,
    limit,
  );
  if (!decision.allowed) return { status: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };
  const created = await db.misalignmentReport.create({
    data: { workSlug: report.work, unitOrdinal: report.unit, note: report.note, sender: report.sender, createdAt: now },
    select: { id: true },
  });
  return { status: "filed", id: created.id };
}

export interface OpenReport {
  id: number;
  unit: number;
  note: string;
  createdAt: Date;
}

/** The open reports of a work, oldest first. */
export async function openReports(db: Database, slug: string): Promise<OpenReport[]> {
  const rows = await db.misalignmentReport.findMany({
    where: { workSlug: slug, resolvedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, unitOrdinal: true, note: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.id, unit: row.unitOrdinal, note: row.note, createdAt: row.createdAt }));
}

/** Marks an open report of the work resolved; returns the unit it named, or null when there is no such open report. */
export async function resolveReport(db: Database, slug: string, id: number, now: Date = new Date()): Promise<number | null> {
  const report = await db.misalignmentReport.findFirst({ where: { id, workSlug: slug, resolvedAt: null }, select: { unitOrdinal: true } });
  if (!report) return null;
  const { count } = await db.misalignmentReport.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: now } });
  return count === 1 ? report.unitOrdinal : null;
}
