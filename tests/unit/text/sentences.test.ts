import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/text/language";
import { splitSentences } from "@/lib/text/sentences";

const sentences = (text: string, language: Language) => splitSentences(text, language).map((span) => text.slice(span.start, span.end));

describe("splitSentences", () => {
  it("splits at sentence ends and returns offsets without the surrounding spaces", () => {
    const text = "  Japan waited. Russia did not!  Why? ";
    const spans = splitSentences(text, "en");
    expect(spans).toEqual([
      { start: 2, end: 15 },
      { start: 16, end: 31 },
      { start: 33, end: 37 },
    ]);
  });

  it.each([
    ["Some islands, i.e. the smaller ones, were offered. Nothing followed.", 2],
    ["Leaders, e.g. Abe, hoped for more. Nothing followed.", 2],
    ["The U.S. position mattered. Tokyo knew it.", 2],
    ["Relations with the U.S. The alliance came first.", 2],
    ["Batin Yu. (2017) wrote about it. Others agreed.", 2],
    ["V. V. Putin met S. Abe in Nagato. The talks lasted long.", 2],
    ["Energy, medicine etc. were included in the plan. It was new.", 2],
    ["The plan covered energy, medicine, etc. The rest came later.", 2],
    ["Mr. Abe met Dr. Lavrov. They talked.", 2],
  ])("English: %s", (text, count) => {
    expect(sentences(text, "en")).toHaveLength(count);
  });

  it.each([
    ["Острова, т. е. Хабомаи и Шикотан, были обещаны. Договора не было.", 2],
    ["Обсуждались энергетика, медицина и т. д. Затем началась новая эпоха.", 2],
    ["Обсуждались энергетика, медицина и т. д. и т. п. в рамках плана. Затем всё изменилось.", 2],
    ["В 2016 г. Путин посетил Японию. Визит был долгим.", 2],
    ["Так было в 2016 г. Однако затем всё изменилось.", 2],
    ["В 1990-х гг. отношения улучшились. Потом нет.", 2],
    ["Автор статьи — Д. В. Стрельцов. Он профессор МГИМО.", 2],
    ["Подробнее см. работу Батина. Там всё сказано.", 2],
    ["Он учился в МГУ им. Ломоносова. Потом работал в Токио.", 2],
    ["В XIX–XX вв. Япония изменилась. Россия тоже.", 2],
  ])("Russian: %s", (text, count) => {
    expect(sentences(text, "ru")).toHaveLength(count);
  });

  it("does not end a sentence inside brackets", () => {
    const text = 'Abe spoke [Sinzo Abe predlozhil... 2016]. Putin listened (or did he? nobody knows). Then they left.';
    expect(sentences(text, "en")).toHaveLength(3);
  });

  it("ends a sentence before one that starts with a number", () => {
    expect(sentences("Потенциал огромен. 2018 год — перекрёстный год. В 2016 г. 15 марта была встреча.", "ru")).toHaveLength(3);
  });

  it("keeps initials with their name", () => {
    expect(sentences("Автор статьи — Д. В. Стрельцов. Он профессор.", "ru")[0]).toBe("Автор статьи — Д. В. Стрельцов.");
    expect(sentences("A talk by V. V. Putin followed. It was short.", "en")[0]).toBe("A talk by V. V. Putin followed.");
  });

  it("handles empty and space-only text", () => {
    expect(splitSentences("", "en")).toEqual([]);
    expect(splitSentences("   ", "ru")).toEqual([]);
  });

  it("counts offsets in UTF-16 code units", () => {
    const text = "Emoji 😀 here. Next one.";
    const [first, second] = splitSentences(text, "en");
    expect(text.slice(first!.start, first!.end)).toBe("Emoji 😀 here.");
    expect(second).toEqual({ start: 15, end: 24 });
  });
});
