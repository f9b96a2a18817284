/**
 * What the alignment editor page shows of a work: every unit with its
 * paragraphs' text, confidence, reviewed flag and open reports, and the
 * latest changes that can be undone. Read from the primary: the page is
 * shown right after an edit and must see it.
 */
import { editorUnits } from "./alignment-editor.ts";
import type { Database } from "./client.ts";
import { openReports, type OpenReport } from "./reports.ts";
import type { EditorUnit } from "../editor/operations.ts";
import type { QueueUnit } from "../editor/queue.ts";

/** How many of the latest changes the editor lists. */
export const HISTORY_LENGTH = 20;

export interface EditorParagraph {
  number: number;
  kind: string;
  text: string;
}

export interface EditorViewUnit extends QueueUnit {
  /** Per edition language, in the work's edition order. */
  paragraphs: Record<string, EditorParagraph[]>;
  reports: OpenReport[];
}

export interface HistoryEntry {
  id: number;
  action: string;
  /** The first unit the change touched, numbered as it was then. */
  start: number;
  /** Units it replaced and units it made. */
  before: number;
  after: number;
  /** For a review: whether it marked the unit reviewed. */
  reviewed: boolean | null;
  createdAt: Date;
  undoneAt: Date | null;
}

export interface EditorView {
  slug: string;
  title: string;
  /** The work's updatedAt in milliseconds: forms carry it so that a stale one is refused. */
  version: string;
  updatedAt: Date;
  languages: string[];
  units: EditorViewUnit[];
  /** Open reports naming a unit number the work no longer has (its text was re-imported shorter). */
  strayReports: OpenReport[];
  history: HistoryEntry[];
}

type StoredChange = { start: number; units: EditorUnit[] };

/** The editor's view of a work, or null when there is no such work. */
export async function loadEditorView(db: Database, slug: string): Promise<EditorView | null> {
  // The version is read before the units: a change in between makes the page's forms stale (refused), never wrong.
  const work = await db.work.findUnique({
    where: { slug },
    select: { id: true, title: true, updatedAt: true, editions: { orderBy: { id: "asc" }, select: { language: true } } },
  });
  if (!work) return null;
  const [units, paragraphs, reports, changes] = await Promise.all([
    editorUnits(db, slug),
    db.paragraph.findMany({ where: { edition: { workId: work.id } }, select: { ordinal: true, kind: true, text: true, edition: { select: { language: true } } } }),
    openReports(db, slug),
    db.alignmentChange.findMany({ where: { workId: work.id }, orderBy: { id: "desc" }, take: HISTORY_LENGTH }),
  ]);
  const languages = work.editions.map((edition) => edition.language);
  const text = new Map(paragraphs.map((paragraph) => [`${paragraph.edition.language} ${paragraph.ordinal}`, paragraph]));
  return {
    slug,
    title: work.title,
    version: String(work.updatedAt.getTime()),
    updatedAt: work.updatedAt,
    languages,
    units: units.map((unit, index) => {
      const number = index + 1;
      const unitReports = reports.filter((report) => report.unit === number);
      return {
        number,
        confidence: unit.confidence,
        reviewed: unit.reviewed,
        openReports: unitReports.length,
        reports: unitReports,
        paragraphs: Object.fromEntries(
          languages.map((language) => [
            language,
            (unit.paragraphs[language] ?? []).map((ordinal) => {
              const paragraph = text.get(`${language} ${ordinal}`)!;
              return { number: ordinal, kind: paragraph.kind, text: paragraph.text };
            }),
          ]),
        ),
      };
    }),
    strayReports: reports.filter((report) => report.unit > units.length),
    history: changes.map((change) => {
      const before = change.before as unknown as StoredChange;
      const after = change.after as unknown as StoredChange;
      return {
        id: change.id,
        action: change.action,
        start: before.start,
        before: before.units.length,
        after: after.units.length,
        reviewed: change.action === "review" ? (after.units[0]?.reviewed ?? null) : null,
        createdAt: change.createdAt,
        undoneAt: change.undoneAt,
      };
    }),
  };
}
