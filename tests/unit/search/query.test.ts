import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query";

const kinds = (input: string, typing = false) => parseQuery(input, { typing }).clauses.map((clause) => clause.kind);

describe("parsing a query", () => {
  it("makes each bare word a stemmed clause that every hit must match", () => {
    const query = parseQuery("Санкции relations");
    expect(query.clauses).toEqual([
      { kind: "stems", words: [{ form: "санкции", stem: "санкц" }] },
      { kind: "stems", words: [{ form: "relations", stem: "relat" }] },
    ]);
    expect(query.text).toBe("Санкции relations");
  });

  it("reads quotes of every style as an exact phrase", () => {
    for (const input of ['"peace treaty"', "“peace treaty”", "«peace treaty»", "„peace treaty“"]) {
      expect(parseQuery(input).clauses).toEqual([{ kind: "exact", words: [{ form: "peace", stem: "peac" }, { form: "treaty", stem: "treati" }] }]);
    }
    expect(kinds('"peace treaty')).toEqual(["exact"]);
  });

  it("keeps words joined by punctuation, and Japanese, together as a stemmed phrase", () => {
    expect(parseQuery("Russian-Japanese").clauses).toEqual([{ kind: "stems", words: [{ form: "russian", stem: "russian" }, { form: "japanese", stem: "japanes" }] }]);
    expect(parseQuery("引き分け").clauses).toEqual([{ kind: "stems", words: ["引", "き", "分", "け"].map((form) => ({ form, stem: form })) }]);
  });

  it("reads a trailing star, and the last word while typing, as a prefix", () => {
    expect(parseQuery("санкц*").clauses).toEqual([{ kind: "prefix", prefix: "санкц" }]);
    expect(kinds("мирный дог", true)).toEqual(["stems", "prefix"]);
    expect(kinds("мирный дог ", true)).toEqual(["stems", "stems"]);
    expect(kinds("мирный дог")).toEqual(["stems", "stems"]);
    // One letter would match half the library: it stays a whole word.
    expect(kinds("с*")).toEqual(["stems"]);
  });

  it("has nothing to search for in punctuation alone", () => {
    expect(parseQuery(' " « » * - ').clauses).toEqual([]);
  });
});
