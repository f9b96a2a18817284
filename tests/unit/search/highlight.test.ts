import { describe, expect, it } from "vitest";
import { markPieces, mergeRanges, queryRanges } from "@/lib/search/highlight";
import { parseQuery } from "@/lib/search/query";

const marked = (text: string, query: string) => queryRanges(text, parseQuery(query)).map((range) => text.slice(range.start, range.end));

describe("highlighting", () => {
  it("marks every form of a word", () => {
    expect(marked("Японские санкции, санкций и санкциями", "санкции")).toEqual(["санкции", "санкций", "санкциями"]);
    expect(marked("Relations and the relation", "relations")).toEqual(["Relations", "relation"]);
  });

  it("marks macron-, case- and quote-insensitively", () => {
    expect(marked("Prime Minister Shinzō Abe", "shinzo")).toEqual(["Shinzō"]);
    expect(marked("the «Northern Territories»", '"northern territories"')).toEqual(["Northern Territories"]);
  });

  it("marks exact phrases only in their exact forms and order", () => {
    expect(marked("a peace treaty; treaty of peace; peace treaties", '"peace treaty"')).toEqual(["peace treaty"]);
  });

  it("marks words that begin with a prefix", () => {
    expect(marked("санкции, санкционный режим, санитар", "санкц*")).toEqual(["санкции", "санкционный"]);
  });

  it("cuts text into marked and unmarked pieces, joining overlaps", () => {
    expect(mergeRanges([{ start: 4, end: 8 }, { start: 0, end: 5 }, { start: 10, end: 12 }])).toEqual([{ start: 0, end: 8 }, { start: 10, end: 12 }]);
    expect(markPieces("abcdef", [{ start: 1, end: 3 }])).toEqual([
      { text: "a", marked: false },
      { text: "bc", marked: true },
      { text: "def", marked: false },
    ]);
  });
});
