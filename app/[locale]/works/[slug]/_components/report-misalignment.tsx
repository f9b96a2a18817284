"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { fill } from "@/lib/i18n/fill";

export interface ReportMisalignmentLabels {
  open: string;
  /** With {unit}. */
  note: string;
  hint: string;
  submit: string;
  sending: string;
  /** With {unit}. */
  sent: string;
  failed: string;
  /** With {minutes}. */
  rateLimited: string;
  invalid: string;
}

type Status = { state: "idle" | "sending" | "sent" | "failed" } | { state: "refused"; message: string };

/**
 * A reader's quiet "report a misalignment" on one unit: a disclosure with a
 * short note for the editors. It is a plain form post to /api/reports (the
 * work and unit in its address), so it works without JavaScript; with it, the
 * note is sent in place and the reader stays where they were, and the form
 * is made only when the disclosure is first opened: a long text has one
 * disclosure per unit.
 * Labels come from the server (no message formatter on the client).
 */
export function ReportMisalignment({ slug, unit, locale, labels }: { slug: string; unit: number; locale: string; labels: ReportMisalignmentLabels }) {
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const disclosure = useRef<HTMLDetailsElement>(null);
  // The server renders the form, for browsers without JavaScript; once hydrated, it stays only if opened already.
  const [formShown, setFormShown] = useState(true);
  useEffect(() => setFormShown(disclosure.current!.open), []);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setStatus({ state: "sending" });
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      if (response.ok) {
        form.reset();
        setStatus({ state: "sent" });
      } else if (response.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(response.headers.get("Retry-After") ?? 60) / 60));
        setStatus({ state: "refused", message: fill(labels.rateLimited, { minutes }) });
      } else {
        setStatus(response.status === 400 ? { state: "refused", message: labels.invalid } : { state: "failed" });
      }
    } catch {
      setStatus({ state: "failed" });
    }
  }

  const message =
    status.state === "sent" ? fill(labels.sent, { unit }) : status.state === "failed" ? labels.failed : status.state === "refused" ? status.message : status.state === "sending" ? labels.sending : "";
  const noteId = `report-note-${unit}`;
  return (
    <details
      ref={disclosure}
      onToggle={(event) => event.currentTarget.open && setFormShown(true)}
      className="report-misalignment col-span-full block! justify-self-end font-sans text-sm open:justify-self-stretch print:hidden!"
    >
      <summary className="ml-auto w-fit cursor-pointer text-xs text-muted hover:text-ink">{labels.open}</summary>
      {formShown && (
        <form method="post" action={`/api/reports?${new URLSearchParams({ work: slug, unit: String(unit), locale })}`} onSubmit={send} className="mt-2 max-w-xl space-y-2">
          <label htmlFor={noteId} className="block font-medium">
            {fill(labels.note, { unit })}
          </label>
          <textarea id={noteId} name="note" required maxLength={1000} rows={3} aria-describedby={`${noteId}-hint`} className="block w-full rounded border border-rule bg-paper px-2 py-1.5 text-sm" />
          <p id={`${noteId}-hint`} className="text-xs text-muted">
            {labels.hint}
          </p>
          <button type="submit" disabled={status.state === "sending"} className="rounded border border-rule bg-paper px-2.5 py-1 text-sm font-medium text-ink hover:border-muted disabled:opacity-60">
            {labels.submit}
          </button>
          <p role="status" className="min-h-[1.25em] text-sm">
            {message}
          </p>
        </form>
      )}
    </details>
  );
}
