import { describe, expect, it } from "vitest";
import { pinpoint } from "@/lib/citation/pinpoint";
import { numberPageBreaks, paragraphPages } from "@/lib/reader/pages";

const paragraph = (text: string, ...pageBreaks: [number, number | null][]) => ({ text, pageBreaks: pageBreaks.map(([offset, page]) => ({ offset, page })) });

describe("page numbers", () => {
  const published = { status: "published" as const, firstPage: 70 };

  it("counts unnumbered breaks on from the first page and restarts at numbered ones", () => {
    const paragraphs = [paragraph("aaaa", [2, null]), paragraph("bbbb"), paragraph("cccc", [0, null], [3, 90]), paragraph("dddd", [1, null])];
    expect(numberPageBreaks(published, paragraphs)).toEqual([[71], [], [72, 90], [91]]);
    expect(paragraphPages(published, paragraphs)).toEqual([
      { first: 70, last: 71 },
      { first: 71, last: 71 },
      { first: 72, last: 90 },
      { first: 90, last: 91 },
    ]);
  });

  it("knows no page where the first page is unknown and breaks are unnumbered", () => {
    const paragraphs = [paragraph("aaaa", [2, null]), paragraph("bbbb")];
    const unknown = { status: "published" as const, firstPage: null };
    expect(numberPageBreaks(unknown, paragraphs)).toEqual([[null], []]);
    expect(paragraphPages(unknown, paragraphs)).toEqual([null, null]);
  });

  it("gives no page to an edition that records no breaks, or to the project's translation", () => {
    expect(paragraphPages(published, [paragraph("aaaa"), paragraph("bbbb")])).toEqual([null, null]);
    const translation = { status: "project-translation" as const, firstPage: 70 };
    expect(paragraphPages(translation, [paragraph("aaaa", [2, 71])])).toEqual([null]);
    expect(numberPageBreaks(translation, [paragraph("aaaa", [2, 71])])).toEqual([[null]]);
  });

  it("treats a break at the very end as opening the next paragraph's page", () => {
    expect(paragraphPages(published, [paragraph("aaaa", [4, null]), paragraph("bbbb")])).toEqual([
      { first: 70, last: 70 },
      { first: 71, last: 71 },
    ]);
  });
});

describe("pinpoint", () => {
  it("cites the page where it is known and the paragraph number otherwise", () => {
    expect(pinpoint(12, { first: 72, last: 72 })).toEqual({ label: "page", locator: "72" });
    expect(pinpoint(12, { first: 72, last: 73 })).toEqual({ label: "page", locator: "72–73" });
    expect(pinpoint(12, null)).toEqual({ label: "paragraph", locator: "12" });
  });
});
