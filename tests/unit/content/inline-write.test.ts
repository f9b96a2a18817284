import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEditionFile } from "@/lib/content/edition-file";
import { InlineSyntaxError, parseInline } from "@/lib/content/inline";
import { serializeInline } from "@/lib/content/inline-write";

// Sources built from the markup's own pieces: words, spaces, escaped asterisks, emphasis, citations, URLs, page marks.
const word = fc.stringMatching(/^[A-Za-zА-Яа-яё0-9.,;:«»()—'"&<>-]{1,8}$/).filter((text) => !/<[a-z][a-z0-9+.-]*:/i.test(text));
const piece = fc.oneof(
  word,
  fc.constant(" "),
  fc.constant("\\*"),
  word.map((text) => `*${text}*`),
  fc.tuple(fc.stringMatching(/^[A-Za-zА-Яа-я .]{1,12}$/), fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4})?$/)).map(([label, key]) => `[${label}](ref:${key})`),
  fc.stringMatching(/^[a-z0-9/.-]{1,12}$/).map((path) => `<https://example.org/${path}>`),
  fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }).map((page) => (page === null ? "{page}" : `{page ${page}}`)),
);
const source = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(""));

describe("serializeInline, the inverse of parseInline", () => {
  it("gives back every text, mark and page break: parse(serialize(x)) = x", () => {
    fc.assert(
      fc.property(source, (written) => {
        const inline = parseInline(written);
        expect(parseInline(serializeInline(inline))).toEqual(inline);
      }),
      { numRuns: 500 },
    );
  });

  it("writes the canonical form back unchanged: serialize(parse(s)) = s once s is canonical", () => {
    fc.assert(
      fc.property(source, (written) => {
        const canonical = serializeInline(parseInline(written));
        expect(serializeInline(parseInline(canonical))).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  it("writes the article's paragraphs exactly as the files have them", () => {
    for (const file of ["content/streltsov-2018/en.txt", "content/streltsov-2018/ru.txt", "tests/fixtures/content/hostile-markup/en.txt"]) {
      for (const paragraph of parseEditionFile(readFileSync(file, "utf8"), file).paragraphs) expect(serializeInline(paragraph)).toBe(paragraph.source);
    }
    expect(serializeInline(parseInline("Moscow's {page 71} excessive, Vladivos{page}tok, \\*, *inter alia*"))).toBe("Moscow's {page 71} excessive, Vladivos{page}tok, \\*, *inter alia*");
  });

  it("refuses what the markup cannot say", () => {
    expect(() => serializeInline({ text: "[Batin](ref:batin-2017)", marks: [], pageBreaks: [] })).toThrow(InlineSyntaxError);
    expect(() => serializeInline({ text: "see {page} here", marks: [], pageBreaks: [] })).toThrow(InlineSyntaxError);
    expect(() => serializeInline({ text: "Batin", marks: [{ type: "cite", start: 0, end: 5, ref: "batin" }], pageBreaks: [] })).toThrow(/"\[label\]"/);
  });
});
