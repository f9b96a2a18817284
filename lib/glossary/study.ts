/**
 * Spaced repetition of glossary flashcards, scheduled by FSRS (ts-fsrs). The
 * learner's progress is plain JSON (the browser keeps it in localStorage):
 * each card's FSRS state by card id, and the number of reviews per day.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";

export { Rating };
export type { Grade };

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];

/** Where the browser keeps the progress. The version changes if the stored shape does. */
export const PROGRESS_STORAGE_KEY = "parallel-reader.glossary-study.v1";

/** A card in learning that falls due within this time is shown rather than ending the session (Anki's "learn ahead limit"). */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

const scheduler = fsrs({ enable_fuzz: true });

/** A card's FSRS state as stored: dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review?: string;
}

export interface StudyProgress {
  cards: Record<string, StoredCard>;
  /** Reviews per local calendar day (YYYY-MM-DD). */
  reviewsByDay: Record<string, number>;
}

export function emptyProgress(): StudyProgress {
  return { cards: {}, reviewsByDay: {} };
}

function isStoredCard(value: unknown): value is StoredCard {
  if (typeof value !== "object" || value === null) return false;
  const card = value as Record<string, unknown>;
  const numbers = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
  return (
    typeof card.due === "string" &&
    !Number.isNaN(Date.parse(card.due)) &&
    numbers.every((field) => typeof card[field] === "number" && Number.isFinite(card[field])) &&
    typeof card.state === "number" &&
    card.state in State &&
    (card.last_review === undefined || (typeof card.last_review === "string" && !Number.isNaN(Date.parse(card.last_review))))
  );
}

/**
 * Reads stored progress. Anything unreadable (another version, a damaged
 * value) is dropped card by card rather than failing the whole session.
 */
export function parseProgress(json: string | null): StudyProgress {
  if (!json) return emptyProgress();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return emptyProgress();
  }
  if (typeof raw !== "object" || raw === null) return emptyProgress();
  const { cards, reviewsByDay } = raw as { cards?: unknown; reviewsByDay?: unknown };
  const progress = emptyProgress();
  if (typeof cards === "object" && cards !== null) {
    for (const [id, card] of Object.entries(cards)) if (isStoredCard(card)) progress.cards[id] = card;
  }
  if (typeof reviewsByDay === "object" && reviewsByDay !== null) {
    for (const [day, count] of Object.entries(reviewsByDay)) if (typeof count === "number" && Number.isInteger(count) && count >= 0) progress.reviewsByDay[day] = count;
  }
  return progress;
}

export function serializeProgress(progress: StudyProgress): string {
  return JSON.stringify(progress);
}

function toCard(stored: StoredCard): Card {
  const { last_review, due, ...rest } = stored;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

function toStored(card: Card): StoredCard {
  const { last_review, due, ...rest } = card;
  return { ...rest, due: due.toISOString(), ...(last_review ? { last_review: last_review.toISOString() } : {}) };
}

/** The card's state, or a new card when it has never been studied. */
export function cardState(progress: StudyProgress, id: string, now: Date): Card {
  const stored = progress.cards[id];
  return stored ? toCard(stored) : createEmptyCard(now);
}

/** The local calendar day of a moment, YYYY-MM-DD. */
export function dayOf(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The progress after a review: the card rescheduled, the day's count up by one. Does not change the progress given. */
export function review(progress: StudyProgress, id: string, grade: Grade, now: Date): StudyProgress {
  const { card } = scheduler.next(cardState(progress, id, now), now, grade);
  const day = dayOf(now);
  return {
    cards: { ...progress.cards, [id]: toStored(card) },
    reviewsByDay: { ...progress.reviewsByDay, [day]: (progress.reviewsByDay[day] ?? 0) + 1 },
  };
}

/** When the card would fall due after each grade: shown on the rating buttons. */
export function previewIntervals(progress: StudyProgress, id: string, now: Date): Record<Grade, number> {
  const preview = scheduler.repeat(cardState(progress, id, now), now);
  return Object.fromEntries(GRADES.map((grade) => [grade, preview[grade].card.due.getTime() - now.getTime()])) as Record<Grade, number>;
}

export interface DeckStatus {
  /** Studied cards due now. */
  due: number;
  /** Cards never studied. */
  fresh: number;
  /** The next card to show, or null when none is due. */
  next: { id: string; kind: "due" | "new" | "ahead" } | null;
  /** When the earliest card not yet due falls due, if any. */
  nextDue: Date | null;
}

/**
 * What to show next from a deck (card ids in the deck's order): cards due now,
 * earliest first; then new cards in order; then cards in learning due within
 * the learn-ahead limit.
 */
export function deckStatus(ids: readonly string[], progress: StudyProgress, now: Date): DeckStatus {
  const time = now.getTime();
  const studied = ids.flatMap((id) => {
    const stored = progress.cards[id];
    return stored ? [{ id, due: Date.parse(stored.due), state: stored.state }] : [];
  });
  const fresh = ids.filter((id) => !progress.cards[id]);
  const due = studied.filter((card) => card.due <= time).sort((a, b) => a.due - b.due);
  const later = studied.filter((card) => card.due > time).sort((a, b) => a.due - b.due);
  const ahead = later.find((card) => (card.state === State.Learning || card.state === State.Relearning) && card.due - time <= LEARN_AHEAD_MS);

  let next: DeckStatus["next"] = null;
  if (due[0]) next = { id: due[0].id, kind: "due" };
  else if (fresh[0]) next = { id: fresh[0], kind: "new" };
  else if (ahead) next = { id: ahead.id, kind: "ahead" };
  return { due: due.length, fresh: fresh.length, next, nextDue: later[0] ? new Date(later[0].due) : null };
}
