import { describe, expect, it } from "vitest";
import { buildConcordance, keywordInContext, type ConcordanceParagraph } from "@/lib/glossary/concordance";

describe("keywordInContext", () => {
  const text = "one two three four five six seven eight nine ten TERM eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen.";
  const start = text.indexOf("TERM");

  it("keeps a window of words on each side and says where it clipped", () => {
    const line = keywordInContext(text, start, start + 4, 3);
    expect(line.term).toBe("TERM");
    expect(line.before).toEqual({ text: "eight nine ten ", clippedStart: true, clippedEnd: false });
    expect(line.after).toEqual({ text: " eleven twelve thirteen", clippedStart: false, clippedEnd: true });
  });

  it("keeps the whole paragraph when it is short", () => {
    const line = keywordInContext("The TERM ends.", 4, 8, 8);
    expect(line.before).toEqual({ text: "The ", clippedStart: false, clippedEnd: false });
    expect(line.after).toEqual({ text: " ends.", clippedStart: false, clippedEnd: false });
  });

  it("puts the text back together exactly", () => {
    const line = keywordInContext(text, start, start + 4, 100);
    expect(line.before.text + line.term + line.after.text).toBe(text);
  });
});

describe("buildConcordance", () => {
  const paragraph = (language: string, ordinal: number, unit: number, text: string, occurrences: [number, number][], sentences: [number, number, number][] = []): ConcordanceParagraph => ({
    language,
    ordinal,
    unit,
    section: 1,
    text,
    occurrences: occurrences.map(([start, end]) => ({ start, end })),
    sentences: sentences.map(([start, end, bead]) => ({ start, end, bead })),
  });

  it("makes one row per unit, with every edition side by side", () => {
    const rows = buildConcordance(
      [
        paragraph("ru", 3, 3, "Абэ приехал.", [[0, 3]]),
        paragraph("en", 3, 3, "Abe came. Abe left.", [
          [10, 13],
          [0, 3],
        ]),
        paragraph("en", 7, 5, "Abe again.", [[0, 3]]),
        paragraph("ru", 7, 5, "Снова Абэ.", [[6, 9]]),
      ],
      ["en", "ru"],
    );
    expect(rows.map((row) => row.unit)).toEqual([3, 5]);
    expect(rows[0]!.cells.en!.occurrences.map((line) => line.start)).toEqual([0, 10]);
    expect(rows[0]!.cells.ru!.occurrences.map((line) => line.term)).toEqual(["Абэ"]);
    expect(Object.keys(rows[1]!.cells)).toEqual(["en", "ru"]);
  });

  it("shows the aligned sentence where an edition does not use the term", () => {
    const [row] = buildConcordance(
      [
        paragraph("en", 4, 4, "First sentence. The Kremlin said no. Last one.", [[20, 27]], [
          [0, 15, 1],
          [16, 36, 2],
          [37, 46, 3],
        ]),
        paragraph("ru", 4, 4, "Первое предложение. Москва сказала нет. Последнее.", [], [
          [0, 19, 1],
          [20, 39, 2],
          [40, 50, 3],
        ]),
      ],
      ["en", "ru"],
    );
    expect(row!.cells.ru!.occurrences).toEqual([]);
    expect(row!.cells.ru!.counterparts).toEqual([{ paragraph: 4, text: "Москва сказала нет.", clippedStart: false, clippedEnd: false }]);
    expect(row!.cells.en!.counterparts).toEqual([]);
  });

  it("leaves out units where the entry does not occur, and gives an edition without paragraphs an empty cell", () => {
    const rows = buildConcordance([paragraph("en", 1, 1, "Nothing here.", []), paragraph("en", 2, 2, "Abe.", [[0, 3]])], ["en", "ru"]);
    expect(rows.map((row) => row.unit)).toEqual([2]);
    expect(rows[0]!.cells.ru).toEqual({ occurrences: [], counterparts: [] });
  });
});
