import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { cardId, faceLanguage, faceText, hasFaces, isCardFace } from "@/lib/glossary/cards";
import { deckParameter, parseDeck } from "@/lib/glossary/decks";
import {
  dayOf,
  deckStatus,
  emptyProgress,
  LEARN_AHEAD_MS,
  parseProgress,
  previewIntervals,
  Rating,
  review,
  serializeProgress,
  type StudyProgress,
} from "@/lib/glossary/study";
import type { GlossaryEntry } from "@/lib/glossary/schema";

const start = new Date("2026-11-28T10:00:00");
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const ids = ["w/a/en>ru", "w/b/en>ru", "w/c/en>ru"];

describe("review", () => {
  it("schedules a new card rated Good minutes ahead, Easy days ahead, and counts the review", () => {
    const good = review(emptyProgress(), ids[0]!, Rating.Good, start);
    const easy = review(emptyProgress(), ids[0]!, Rating.Easy, start);
    const goodDue = Date.parse(good.cards[ids[0]!]!.due) - start.getTime();
    const easyDue = Date.parse(easy.cards[ids[0]!]!.due) - start.getTime();
    expect(goodDue).toBeGreaterThan(0);
    expect(goodDue).toBeLessThan(60 * 60_000);
    expect(easyDue).toBeGreaterThan(24 * 60 * 60_000);
    expect(good.cards[ids[0]!]!.state).toBe(State.Learning);
    expect(good.reviewsByDay[dayOf(start)]).toBe(1);
  });

  it("does not change the progress it is given", () => {
    const before = emptyProgress();
    review(before, ids[0]!, Rating.Again, start);
    expect(before).toEqual(emptyProgress());
  });

  it("previews longer intervals for better grades", () => {
    let progress = emptyProgress();
    for (const [minutes, grade] of [
      [0, Rating.Good],
      [15, Rating.Good],
      [60 * 24 * 3, Rating.Good],
    ] as const)
      progress = review(progress, ids[0]!, grade, later(minutes));
    const intervals = previewIntervals(progress, ids[0]!, later(60 * 24 * 20));
    expect(intervals[Rating.Again]).toBeLessThan(intervals[Rating.Hard]);
    expect(intervals[Rating.Hard]).toBeLessThan(intervals[Rating.Good]);
    expect(intervals[Rating.Good]).toBeLessThan(intervals[Rating.Easy]);
  });
});

describe("deckStatus", () => {
  it("shows due cards first, then new cards in the deck's order", () => {
    let progress = emptyProgress();
    expect(deckStatus(ids, progress, start)).toEqual({ due: 0, fresh: 3, next: { id: ids[0], kind: "new" }, nextDue: null });
    progress = review(progress, ids[0]!, Rating.Good, start);
    const soon = deckStatus(ids, progress, later(1));
    expect(soon.next).toEqual({ id: ids[1], kind: "new" });
    expect(soon.fresh).toBe(2);
    const dueAgain = deckStatus(ids, progress, later(60));
    expect(dueAgain.next).toEqual({ id: ids[0], kind: "due" });
    expect(dueAgain.due).toBe(1);
  });

  it("brings back a card in learning within the learn-ahead limit when nothing else is left, then ends", () => {
    let progress = emptyProgress();
    for (const id of ids) progress = review(progress, id, Rating.Good, start);
    const ahead = deckStatus(ids, progress, later(1));
    expect(ahead.next?.kind).toBe("ahead");
    for (const id of ids) progress = review(progress, id, Rating.Easy, later(2));
    const done = deckStatus(ids, progress, later(3));
    expect(done.next).toBeNull();
    expect(done.nextDue!.getTime() - later(3).getTime()).toBeGreaterThan(LEARN_AHEAD_MS);
  });

  it("ignores progress on cards that are not in the deck", () => {
    const progress = review(emptyProgress(), "w/other/en>ru", Rating.Again, start);
    expect(deckStatus(ids, progress, later(5))).toMatchObject({ due: 0, fresh: 3, next: { id: ids[0], kind: "new" } });
  });
});

describe("stored progress", () => {
  it("survives serialisation", () => {
    let progress: StudyProgress = emptyProgress();
    progress = review(progress, ids[0]!, Rating.Hard, start);
    progress = review(progress, ids[1]!, Rating.Easy, later(1));
    const restored = parseProgress(serializeProgress(progress));
    expect(restored).toEqual(progress);
    expect(deckStatus(ids, restored, later(2))).toEqual(deckStatus(ids, progress, later(2)));
  });

  it("drops what it cannot read, card by card", () => {
    expect(parseProgress(null)).toEqual(emptyProgress());
    expect(parseProgress("not json")).toEqual(emptyProgress());
    expect(parseProgress("[1,2]")).toEqual(emptyProgress());
    const good = review(emptyProgress(), ids[0]!, Rating.Good, start);
    const damaged = JSON.stringify({
      cards: { ...good.cards, broken: { due: "yesterday", stability: 1 }, wrongState: { ...good.cards[ids[0]!], state: 9 } },
      reviewsByDay: { "2026-11-28": 1, bad: -2, worse: "x" },
    });
    expect(parseProgress(damaged)).toEqual({ cards: good.cards, reviewsByDay: { "2026-11-28": 1 } });
  });
});

describe("cards and decks", () => {
  const entry: GlossaryEntry = {
    id: "hikiwake",
    category: "japanese-term",
    en: ["hikiwake"],
    hepburn: "hikiwake",
    kanji: "引き分け",
    kana: "ひきわけ",
    polivanov: "хикивакэ",
    ru: "хикиваке",
    pos: "noun",
    glossEn: "a draw",
    glossRu: "ничья́",
    context: "…",
  };
  const russianTerm: GlossaryEntry = { id: "sanctions", category: "russian-political", en: ["sanctions"], ru: "са́нкции", pos: "noun", glossEn: "sanctions", glossRu: "са́нкции", context: "…" };

  it("puts the right form and language tag on each side", () => {
    expect(faceText(entry, "kanji")).toBe("引き分け");
    expect(faceLanguage(entry, "en")).toBe("ja-Latn");
    expect(faceLanguage(entry, "ru")).toBe("ja-Cyrl");
    expect(faceLanguage(russianTerm, "ru")).toBe("ru");
    expect(faceLanguage(entry, "polivanov")).toBe("ja-Cyrl");
    expect(hasFaces(entry, { front: "kanji", back: "polivanov" })).toBe(true);
    expect(hasFaces(russianTerm, { front: "en", back: "kanji" })).toBe(false);
    expect(cardId("streltsov-2018", "hikiwake", { front: "kanji", back: "polivanov" })).toBe("streltsov-2018/hikiwake/kanji>polivanov");
    expect(isCardFace("kanji")).toBe(true);
    expect(isCardFace("klingon")).toBe(false);
  });

  it("reads and writes deck parameters", () => {
    for (const value of ["all", "category:person", "section:streltsov-2018:3"]) expect(deckParameter(parseDeck(value)!)).toBe(value);
    for (const value of ["", "category:nonsense", "section:Bad Slug:1", "section:streltsov-2018:x", "everything"]) expect(parseDeck(value)).toBeNull();
  });
});
