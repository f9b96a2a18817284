"use client";

import { useState, type FormEvent } from "react";
import { fill } from "@/lib/i18n/fill";
import { ReportForm } from "./report-form";

export interface ReportMisalignmentLabels {
  open: string;
  /** With {unit}: the link to the report page, for readers without JavaScript. */
  write: string;
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
 * short note for the editors. A long text has one per unit, so the page
 * carries only a link to the report page (/…/works/x/report?unit=12, which
 * works without JavaScript); once the disclosure is opened, the form takes
 * the link's place and the note is sent in place, the reader staying where
 * they were. Labels come from the server (no message formatter on the client).
 */
export function ReportMisalignment({ slug, unit, locale, labels }: { slug: string; unit: number; locale: string; labels: ReportMisalignmentLabels }) {
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const [formShown, setFormShown] = useState(false);

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
  return (
    <details
      onToggle={(event) => event.currentTarget.open && setFormShown(true)}
      className="report-misalignment col-span-full block! justify-self-end font-sans text-sm open:justify-self-stretch print:hidden!"
    >
      <summary className="ml-auto w-fit cursor-pointer text-xs text-muted hover:text-ink">{labels.open}</summary>
      {formShown ? (
        <ReportForm slug={slug} unit={unit} locale={locale} labels={labels} onSubmit={send} sending={status.state === "sending"} message={message} />
      ) : (
        <a href={`/${locale}/works/${slug}/report?unit=${unit}`} className="mt-2 inline-block">
          {fill(labels.write, { unit })}
        </a>
      )}
    </details>
  );
}
