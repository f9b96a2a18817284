/**
 * The alignment editor's operations on a work's units, as pure functions:
 * merge two neighbouring units, split one, move a paragraph to the
 * neighbouring unit, mark a unit reviewed. Each returns the stretch of units
 * it replaces and what replaces it, which is also what the history keeps so
 * that the change can be undone.
 */

/** A unit as the editor sees it: its paragraphs (public numbers) per edition language. */
export interface EditorUnit {
  paragraphs: Record<string, number[]>;
  confidence: number | null;
  reviewed: boolean;
}

export type EditorOperation =
  | { action: "merge"; unit: number }
  | { action: "split"; unit: number; keep: Record<string, number> }
  | { action: "move"; unit: number; language: string; direction: "previous" | "next" }
  | { action: "review"; unit: number; reviewed: boolean };

/** A change: units [start, start + before.length) (1-based numbers) become `after`. */
export interface UnitChange {
  start: number;
  before: EditorUnit[];
  after: EditorUnit[];
}

export class EditorError extends Error {}

const size = (unit: EditorUnit) => Object.values(unit.paragraphs).reduce((sum, ids) => sum + ids.length, 0);

export function applyOperation(units: EditorUnit[], operation: EditorOperation): UnitChange {
  const index = operation.unit - 1;
  const unit = units[index];
  if (!unit) throw new EditorError(`there is no unit ${operation.unit}`);
  const languages = Object.keys(unit.paragraphs);
  switch (operation.action) {
    case "merge": {
      const next = units[index + 1];
      if (!next) throw new EditorError(`unit ${operation.unit} is the last; there is no next unit to merge with`);
      const paragraphs = Object.fromEntries([...new Set([...languages, ...Object.keys(next.paragraphs)])].map((language) => [language, [...(unit.paragraphs[language] ?? []), ...(next.paragraphs[language] ?? [])]]));
      return { start: operation.unit, before: [unit, next], after: [{ paragraphs, confidence: null, reviewed: false }] };
    }
    case "split": {
      const first: Record<string, number[]> = {};
      const second: Record<string, number[]> = {};
      for (const language of languages) {
        const ids = unit.paragraphs[language]!;
        const keep = operation.keep[language] ?? ids.length;
        if (!Number.isInteger(keep) || keep < 0 || keep > ids.length) throw new EditorError(`unit ${operation.unit} has ${ids.length} ${language} paragraphs; cannot keep ${keep}`);
        first[language] = ids.slice(0, keep);
        second[language] = ids.slice(keep);
      }
      const halves = [{ paragraphs: first, confidence: null, reviewed: false }, { paragraphs: second, confidence: null, reviewed: false }];
      if (halves.some((half) => size(half) === 0)) throw new EditorError(`each part of a split unit must keep at least one paragraph`);
      return { start: operation.unit, before: [unit], after: halves };
    }
    case "move": {
      const neighbourIndex = operation.direction === "next" ? index + 1 : index - 1;
      const neighbour = units[neighbourIndex];
      if (!neighbour) throw new EditorError(`unit ${operation.unit} has no ${operation.direction} unit`);
      const ids = unit.paragraphs[operation.language] ?? [];
      if (ids.length === 0) throw new EditorError(`unit ${operation.unit} has no ${operation.language} paragraph to move`);
      // Only the paragraph at the edge facing the neighbour can move: the order of both texts is kept.
      const moved = operation.direction === "next" ? ids.at(-1)! : ids[0]!;
      const rest = operation.direction === "next" ? ids.slice(0, -1) : ids.slice(1);
      const target = neighbour.paragraphs[operation.language] ?? [];
      const changedUnit = { paragraphs: { ...unit.paragraphs, [operation.language]: rest }, confidence: null, reviewed: false };
      const changedNeighbour = { paragraphs: { ...neighbour.paragraphs, [operation.language]: operation.direction === "next" ? [moved, ...target] : [...target, moved] }, confidence: null, reviewed: false };
      const pair = operation.direction === "next" ? [changedUnit, changedNeighbour] : [changedNeighbour, changedUnit];
      const start = Math.min(index, neighbourIndex) + 1;
      // A unit left without paragraphs is removed.
      return { start, before: [units[start - 1]!, units[start]!], after: pair.filter((candidate) => size(candidate) > 0) };
    }
    case "review":
      return { start: operation.unit, before: [unit], after: [{ ...unit, reviewed: operation.reviewed }] };
  }
}

/** The units after a change. */
export function applyChange(units: EditorUnit[], change: UnitChange): EditorUnit[] {
  return [...units.slice(0, change.start - 1), ...change.after, ...units.slice(change.start - 1 + change.before.length)];
}

/** The change that undoes a change. */
export function inverse(change: UnitChange): UnitChange {
  return { start: change.start, before: change.after, after: change.before };
}

/** Whether units [start, …) are still exactly the change's result, so that undoing it restores what was there. */
export function canUndo(units: EditorUnit[], change: UnitChange): boolean {
  const current = units.slice(change.start - 1, change.start - 1 + change.after.length);
  return current.length === change.after.length && JSON.stringify(current.map(shape)) === JSON.stringify(change.after.map(shape));
}

const shape = (unit: EditorUnit) => ({ paragraphs: Object.fromEntries(Object.entries(unit.paragraphs).sort(([a], [b]) => a.localeCompare(b))), reviewed: unit.reviewed });

/** The invariants: every paragraph of every edition in exactly one unit, in order, and no unit empty. Returns the first violation. */
export function checkUnits(units: EditorUnit[], counts: Record<string, number>): string | null {
  for (const [language, count] of Object.entries(counts)) {
    const ids = units.flatMap((unit) => unit.paragraphs[language] ?? []);
    const expected = Array.from({ length: count }, (_, i) => i + 1);
    if (JSON.stringify(ids) !== JSON.stringify(expected)) return `${language} paragraphs are not each in one unit, in order`;
  }
  const empty = units.findIndex((unit) => size(unit) === 0);
  return empty >= 0 ? `unit ${empty + 1} holds no paragraph` : null;
}
