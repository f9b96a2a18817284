import { describe, expect, it } from "vitest";
import { EDITOR_PAGE_SIZE, openingWords, orderUnits, pageCount, pageOf, type QueueUnit } from "@/lib/editor/queue";

const unit = (number: number, confidence: number | null, reviewed = false, openReports = 0): QueueUnit => ({ number, confidence, reviewed, openReports });

describe("the editor's queue", () => {
  const units = [unit(1, 0.9), unit(2, null), unit(3, 0.2, true), unit(4, 0.4), unit(5, 0.95, true, 1), unit(6, 0.1), unit(7, null, false, 2), unit(8, 0.4)];

  it("puts reported units first, then (within each group) unreviewed ones from the least confident, units made by hand after scored ones, reviewed ones last", () => {
    expect(orderUnits(units, "queue").map((entry) => entry.number)).toEqual([7, 5, 6, 4, 8, 1, 2, 3]);
  });

  it("lists them in text order on request, without changing the input", () => {
    const shuffled = [units[3]!, units[0]!, units[7]!];
    expect(orderUnits(shuffled, "text").map((entry) => entry.number)).toEqual([1, 4, 8]);
    expect(shuffled.map((entry) => entry.number)).toEqual([4, 1, 8]);
  });

  it("pages the list and finds the page of a unit", () => {
    const many = Array.from({ length: EDITOR_PAGE_SIZE * 2 + 3 }, (_, index) => unit(index + 1, null));
    expect(pageCount(many.length)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(pageOf(many, 1)).toBe(1);
    expect(pageOf(many, EDITOR_PAGE_SIZE + 1)).toBe(2);
    expect(pageOf(many, many.length)).toBe(3);
    expect(pageOf(many, 9999)).toBe(1);
  });
});

describe("a paragraph's opening", () => {
  it("keeps a short paragraph whole", () => {
    expect(openingWords("Short text.")).toEqual({ opening: "Short text.", cut: false });
  });

  it("cuts a long one at a space, without trailing punctuation", () => {
    const text = "The negotiations on a peace treaty, resumed in 2016, went on through a series of summits, each of which promised more than it delivered.";
    const { opening, cut } = openingWords(text, 60);
    expect(cut).toBe(true);
    expect(text.startsWith(opening)).toBe(true);
    expect(opening).toBe("The negotiations on a peace treaty, resumed in 2016, went");
  });

  it("cuts text without spaces (Japanese) by characters, never inside a surrogate pair", () => {
    const text = "日露関係は、二〇一六年以降の首脳会談を通じて新たな段階に入ったと言われるが、平和条約交渉はなお停滞している。𠮷野家";
    const { opening, cut } = openingWords(text, 20);
    expect(cut).toBe(true);
    expect([...opening]).toHaveLength(20);
    expect(openingWords("𠮷".repeat(5), 3)).toEqual({ opening: "𠮷𠮷𠮷", cut: true });
  });
});
