import { describe, expect, it } from "vitest";
import { InlineSyntaxError, parseInline } from "@/lib/content/inline";

describe("parseInline", () => {
  it("turns *emphasis* into a mark over plain text", () => {
    expect(parseInline("such as *chihososei* (revitalization)")).toEqual({
      text: "such as chihososei (revitalization)",
      marks: [{ type: "em", start: 8, end: 18 }],
      pageBreaks: [],
    });
  });

  it("keeps an escaped asterisk as text", () => {
    expect(parseInline("a \\* b").text).toBe("a * b");
  });

  it("keeps a citation's label with its brackets and links it to the reference key", () => {
    const parsed = parseInline("said [Batin Yu. 2017](ref:batin-2017).");
    expect(parsed.text).toBe("said [Batin Yu. 2017].");
    expect(parsed.marks).toEqual([{ type: "cite", start: 5, end: 21, ref: "batin-2017" }]);
  });

  it("records page marks between words with one space kept, and inside words with the word joined", () => {
    const between = parseInline("Moscow's {page} excessive");
    expect(between.text).toBe("Moscow's excessive");
    expect(between.pageBreaks).toEqual([{ offset: 9, page: null }]);

    const inside = parseInline("Vladivos{page 72}tok");
    expect(inside.text).toBe("Vladivostok");
    expect(inside.pageBreaks).toEqual([{ offset: 8, page: 72 }]);
  });

  it("links http(s) URLs but leaves any other scheme as plain text", () => {
    const web = parseInline("URL: <https://rg.ru/x.html>.");
    expect(web.text).toBe("URL: <https://rg.ru/x.html>.");
    expect(web.marks).toEqual([{ type: "url", start: 6, end: 26, href: "https://rg.ru/x.html" }]);

    const script = parseInline("<javascript:alert(1)>");
    expect(script.text).toBe("<javascript:alert(1)>");
    expect(script.marks).toEqual([]);
  });

  it("treats HTML as text", () => {
    const parsed = parseInline("<script>alert(1)</script> & <b>");
    expect(parsed.text).toBe("<script>alert(1)</script> & <b>");
    expect(parsed.marks).toEqual([]);
  });

  it("reports unclosed emphasis and malformed page marks with their column", () => {
    expect(() => parseInline("an *open emphasis")).toThrow(InlineSyntaxError);
    try {
      parseInline("text {page x} more");
    } catch (error) {
      expect(error).toBeInstanceOf(InlineSyntaxError);
      expect((error as InlineSyntaxError).column).toBe(6);
    }
    expect.assertions(3);
  });
});
