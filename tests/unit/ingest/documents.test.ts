import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEditionFile } from "@/lib/content/edition-file";
import { ingestDocument } from "@/lib/ingest/ingest";
import { renderDocx, renderPdf } from "./documents";

export function articleRussianParagraphs() {
  return parseEditionFile(readFileSync("content/streltsov-2018/ru.txt", "utf8"), "ru.txt").paragraphs;
}

describe("documents made like the printed ones", () => {
  it("recovers the article's Russian text from a PDF with running headers, folios and hyphenation", async () => {
    const source = articleRussianParagraphs().filter((paragraph) => paragraph.kind !== "reference");
    const pdf = await renderPdf({
      paragraphs: source.map((paragraph) => ({ text: paragraph.text, heading: paragraph.kind === "heading" || paragraph.kind === "title" })),
      header: "КОНТРАПУНКТ № 3, 2017",
      firstPage: 70,
    });
    const result = await ingestDocument(pdf.bytes, { file: "streltsov-ru.pdf" });

    expect(result.format).toBe("pdf");
    expect(result.pages.recovered).toBe(true);
    expect(result.pages.first).toBe(70);
    expect(result.pages.last).toBe(70 + result.pages.count - 1);
    expect(result.paragraphs.map((paragraph) => paragraph.text)).toEqual(pdf.paragraphs);
    const breaks = result.paragraphs.flatMap((paragraph, index) => paragraph.pageBreaks.map((pageBreak) => ({ paragraph: index, ...pageBreak })));
    expect(breaks).toEqual(pdf.pageBreaks);
    expect(breaks.length).toBeGreaterThanOrEqual(8);
    // Some page breaks fall inside a paragraph, and the headers and folios are gone.
    expect(breaks.some((pageBreak) => pageBreak.offset > 0)).toBe(true);
    expect(result.paragraphs.some((paragraph) => paragraph.text.includes("КОНТРАПУНКТ"))).toBe(false);
    expect(result.removed.filter((line) => line.reason === "page-number")).toHaveLength(result.pages.count);

    // Every word printed across a line end reads as it should, real hyphens kept.
    const hyphenated = pdf.lineEndWords.filter((word) => word.hyphen === "inserted");
    const ownHyphen = pdf.lineEndWords.filter((word) => word.hyphen === "own");
    expect(hyphenated.length).toBeGreaterThan(10);
    expect(ownHyphen.map((word) => word.word)).toEqual(expect.arrayContaining([expect.stringMatching(/^\p{L}+-\p{L}+$/u)]));
    const text = result.paragraphs.map((paragraph) => paragraph.text).join("\n");
    for (const word of [...hyphenated, ...ownHyphen]) expect(text).toContain(word.word);
    expect(result.mixedScripts).toEqual([]);
  });

  it("reads a DOCX: headings, italics, page numbering from the section, a paragraph split by a page break", async () => {
    const docx = await renderDocx();
    const result = await ingestDocument(docx.bytes, { file: "streltsov-ru.docx" });
    expect(result.format).toBe("docx");
    expect(result.paragraphs.map((paragraph) => paragraph.text)).toEqual(docx.paragraphs);
    expect(result.paragraphs.map((paragraph) => paragraph.heading)).toEqual([false, true, false, false, true, false]);
    const italic = result.paragraphs[2]!;
    expect(italic.em.map((span) => italic.text.slice(span.start, span.end))).toEqual(["Токио"]);
    expect(result.pages).toEqual({ count: 2, numbers: [70, 71], recovered: true, first: 70, last: 71 });
    const breaks = result.paragraphs.flatMap((paragraph, index) => paragraph.pageBreaks.map((pageBreak) => ({ paragraph: index, ...pageBreak })));
    expect(breaks).toEqual(docx.pageBreaks);
    expect(result.joinedAcrossPages).toBe(1);
    // Real hyphens are kept.
    expect(result.paragraphs[3]!.text).toContain("Северо-Восточной");
    expect(result.paragraphs[2]!.text).toContain("по-прежнему");
  });
});
