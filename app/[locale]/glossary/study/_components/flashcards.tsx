"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FieldRow, TextField } from "@/lib/glossary/fields";
import { fill } from "@/lib/i18n/fill";
import {
  dayOf,
  deckStatus,
  emptyProgress,
  GRADES,
  parseProgress,
  previewIntervals,
  PROGRESS_STORAGE_KEY,
  review,
  serializeProgress,
  type Grade,
  type StudyProgress,
} from "@/lib/glossary/study";

export interface StudyCard {
  id: string;
  front: { text: string; lang: string };
  back: { text: string; lang: string };
  /** The entry's other forms and its gloss, shown with the answer. */
  details: FieldRow[];
  href: string;
}

export interface FlashcardLabels {
  fields: Record<TextField, string>;
  showAnswer: string;
  grades: Record<Grade, string>;
  keys: string;
  due: string;
  fresh: string;
  reviewedToday: string;
  /** "{time}" is replaced by when the next card falls due. */
  done: string;
  doneNoneLater: string;
  entryLink: string;
  question: string;
  answer: string;
  newCard: string;
  reset: string;
  resetConfirm: string;
  storage: string;
  loading: string;
  lessThanAMinute: string;
}

function readProgress(): StudyProgress {
  try {
    return parseProgress(window.localStorage.getItem(PROGRESS_STORAGE_KEY));
  } catch {
    return emptyProgress();
  }
}

function saveProgress(progress: StudyProgress) {
  try {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, serializeProgress(progress));
  } catch {
    // Storage full or refused (private browsing): the session goes on, unsaved.
  }
}

/** An interval as a rating button shows it: "<1 min", "10 min", "4 h", "3 days". */
function formatInterval(milliseconds: number, locale: string, lessThanAMinute: string): string {
  const minutes = milliseconds / 60_000;
  const unit = (value: number, name: "minute" | "hour" | "day" | "month" | "year") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 0 }).format(Math.round(value));
  if (minutes < 1) return lessThanAMinute;
  if (minutes < 60) return unit(minutes, "minute");
  if (minutes < 60 * 24) return unit(minutes / 60, "hour");
  if (minutes < 60 * 24 * 30) return unit(minutes / (60 * 24), "day");
  if (minutes < 60 * 24 * 365) return unit(minutes / (60 * 24 * 30), "month");
  return unit(minutes / (60 * 24 * 365), "year");
}

const GRADE_STYLES: Record<Grade, string> = {
  1: "border-red-800/40 hover:bg-red-50",
  2: "border-amber-700/40 hover:bg-amber-50",
  3: "border-green-800/40 hover:bg-green-50",
  4: "border-sky-800/40 hover:bg-sky-50",
};

/**
 * A flashcard session over the cards given, scheduled by FSRS. Progress lives
 * in this browser's localStorage, so it survives a reload. Space or Enter
 * shows the answer, 1–4 rate it (Again, Hard, Good, Easy); the buttons do the
 * same.
 */
export function Flashcards({ cards, labels, locale }: { cards: StudyCard[]; labels: FlashcardLabels; locale: string }) {
  const [progress, setProgress] = useState<StudyProgress | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [revealed, setRevealed] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);
  const gradesRef = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => cards.map((card) => card.id), [cards]);
  const byId = useMemo(() => new Map(cards.map((card) => [card.id, card])), [cards]);

  useEffect(() => {
    setProgress(readProgress());
    setNow(Date.now());
  }, []);

  const status = progress ? deckStatus(ids, progress, new Date(now)) : null;
  const current = status?.next ? byId.get(status.next.id) : undefined;

  // When nothing is due, look again when the next card falls due (if that is soon).
  const nextDue = status && !status.next ? status.nextDue?.getTime() : undefined;
  useEffect(() => {
    if (nextDue === undefined) return;
    const wait = nextDue - Date.now();
    if (wait > 60 * 60 * 1000) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(wait, 0) + 500);
    return () => window.clearTimeout(timer);
  }, [nextDue]);

  const reveal = useCallback(() => {
    setRevealed(true);
    cardRef.current?.focus();
  }, []);

  // On a small screen the rating buttons can fall below the fold: bring them into sight with the answer.
  useEffect(() => {
    if (revealed) gradesRef.current?.scrollIntoView({ block: "nearest" });
  }, [revealed]);

  const rate = useCallback(
    (grade: Grade) => {
      if (!progress || !current) return;
      const moment = new Date();
      const next = review(progress, current.id, grade, moment);
      saveProgress(next);
      setProgress(next);
      setNow(moment.getTime());
      setRevealed(false);
      cardRef.current?.focus();
    },
    [progress, current],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !current) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("input, select, textarea, [contenteditable]")) return;
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        // A focused button or link answers Space and Enter itself.
        if (target?.closest("button, a")) return;
        event.preventDefault();
        reveal();
      } else if (revealed && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        rate(Number(event.key) as Grade);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [current, revealed, reveal, rate]);

  const resetDeck = () => {
    if (!progress || !window.confirm(labels.resetConfirm)) return;
    const cardsLeft = Object.fromEntries(Object.entries(progress.cards).filter(([id]) => !byId.has(id)));
    const next = { ...progress, cards: cardsLeft };
    saveProgress(next);
    setProgress(next);
    setRevealed(false);
  };

  if (!progress || !status) return <p className="mt-6 text-muted">{labels.loading}</p>;

  const intervals = current && revealed ? previewIntervals(progress, current.id, new Date(now)) : null;
  const today = progress.reviewsByDay[dayOf(new Date(now))] ?? 0;
  const doneMessage =
    status.nextDue === null
      ? labels.doneNoneLater
      : fill(labels.done, { time: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(status.nextDue) });

  return (
    <section aria-label={labels.question} className="mt-6">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="study-counts">
        <div className="flex gap-1">
          <dt className="text-muted">{labels.due}</dt>
          <dd data-count="due">{status.due}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">{labels.fresh}</dt>
          <dd data-count="new">{status.fresh}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">{labels.reviewedToday}</dt>
          <dd data-count="reviewed">{today}</dd>
        </div>
      </dl>

      <div
        ref={cardRef}
        tabIndex={-1}
        data-card={current?.id}
        data-revealed={revealed ? "true" : "false"}
        className="mt-4 min-h-48 rounded-xl border border-rule bg-panel p-6 text-center shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-accent sm:p-10"
      >
        {current ? (
          <>
            {status.next?.kind === "new" && <p className="text-xs font-medium tracking-wide text-accent uppercase">{labels.newCard}</p>}
            <p className="sr-only">{labels.question}</p>
            <p lang={current.front.lang} className="font-serif text-4xl leading-tight break-words sm:text-5xl" data-side="front">
              {current.front.text}
            </p>
            {revealed ? (
              <div className="mt-6 border-t border-rule pt-6 transition-opacity duration-300 starting:opacity-0 motion-reduce:transition-none" aria-live="polite">
                <p className="sr-only">{labels.answer}</p>
                <p lang={current.back.lang} className="font-serif text-3xl leading-tight break-words sm:text-4xl" data-side="back">
                  {current.back.text}
                </p>
              </div>
            ) : (
              <button type="button" onClick={reveal} className="mt-8 rounded bg-accent px-5 py-2 font-medium text-accent-ink">
                {labels.showAnswer} <kbd className="ml-1 text-xs text-ink">Space</kbd>
              </button>
            )}
          </>
        ) : (
          <p className="text-lg" role="status">
            {doneMessage}
          </p>
        )}
      </div>

      {current && revealed && intervals && (
        <div ref={gradesRef} className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label={labels.keys}>
          {GRADES.map((grade) => (
            <button
              key={grade}
              type="button"
              onClick={() => rate(grade)}
              data-grade={grade}
              aria-keyshortcuts={String(grade)}
              className={`rounded-lg border-2 bg-paper px-3 py-2 text-ink ${GRADE_STYLES[grade]}`}
            >
              <span className="block font-medium">
                <kbd className="mr-1 text-xs text-ink">{grade}</kbd>
                {labels.grades[grade]}
              </span>
              <span className="block text-xs text-muted">{formatInterval(intervals[grade], locale, labels.lessThanAMinute)}</span>
            </button>
          ))}
        </div>
      )}

      {/* The rest of the entry comes after the rating buttons, so that on a phone the buttons stay near the answer. */}
      {current && revealed && (
        <div className="mt-4 rounded-lg border border-rule p-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {current.details.map((row) => (
              <div key={row.field} className="contents">
                <dt className="text-muted">{labels.fields[row.field]}</dt>
                <dd lang={row.lang}>{row.values.join(" · ")}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm">
            <a href={current.href} className="underline">
              {labels.entryLink}
            </a>
          </p>
        </div>
      )}

      <p className="mt-4 text-xs text-muted">{labels.keys}</p>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-3 text-xs text-muted">
        <span>{labels.storage}</span>
        <button type="button" onClick={resetDeck} className="underline">
          {labels.reset}
        </button>
      </p>
    </section>
  );
}
