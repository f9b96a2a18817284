import type { FormEvent } from "react";
import { fill } from "@/lib/i18n/fill";
import type { ReportMisalignmentLabels } from "./report-misalignment";

/**
 * The form of a misalignment report: a note on one unit, posted to
 * /api/reports with the work and unit in its address. Shared by the reader's
 * disclosure (which sends it in place) and the report page that readers
 * without JavaScript reach from it; it holds no state of its own.
 */
export function ReportForm({
  slug,
  unit,
  locale,
  labels,
  onSubmit,
  sending = false,
  message = "",
}: {
  slug: string;
  unit: number;
  locale: string;
  labels: ReportMisalignmentLabels;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  sending?: boolean;
  message?: string;
}) {
  const noteId = `report-note-${unit}`;
  return (
    <form method="post" action={`/api/reports?${new URLSearchParams({ work: slug, unit: String(unit), locale })}`} onSubmit={onSubmit} className="mt-2 max-w-xl space-y-2">
      <label htmlFor={noteId} className="block font-medium">
        {fill(labels.note, { unit })}
      </label>
      <textarea id={noteId} name="note" required maxLength={1000} rows={3} aria-describedby={`${noteId}-hint`} className="block w-full rounded border border-rule bg-paper px-2 py-1.5 text-sm" />
      <p id={`${noteId}-hint`} className="text-xs text-muted">
        {labels.hint}
      </p>
      <button type="submit" disabled={sending} className="rounded border border-rule bg-paper px-2.5 py-1 text-sm font-medium text-ink hover:border-muted disabled:opacity-60">
        {labels.submit}
      </button>
      <p role="status" className="min-h-[1.25em] text-sm">
        {message}
      </p>
    </form>
  );
}
