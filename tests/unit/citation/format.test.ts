import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CITATION_STYLES, exportItem, formatCitations, russianLocale, STYLES_DIRECTORY } from "@/lib/citation/format";
import { editionItem, type CitableEdition } from "@/lib/citation/item";

const english: CitableEdition = {
  language: "en",
  status: "published",
  title: "Russian-Japanese relations: Systemic crisis or new opportunities?",
  authors: [{ family: "Streltsov", given: "Dmitry Victorovich" }],
  journal: "Russian Japanology Review",
  year: 2018,
  volume: null,
  issue: null,
  pageRange: null,
  doi: null,
  url: "https://www.japanreview.ru/jour/article/view/60",
};

const russian: CitableEdition = {
  language: "ru",
  status: "project-translation",
  title: "Российско-японские отношения: системный кризис или новые возможности?",
  authors: [{ family: "Стрельцов", given: "Дмитрий Викторович" }],
  journal: "Контрапункт",
  year: 2017,
  volume: null,
  issue: "3",
  pageRange: "70–85",
  doi: null,
  url: null,
};

/** What a reader copies from citeproc's HTML: its text, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&")
    .trim();
}

const byStyle = (citations: ReturnType<typeof formatCitations>) =>
  Object.fromEntries(citations.map((citation) => [citation.style, { html: citation, reference: text(citation.reference), inText: text(citation.inText) }]));

describe("formatCitations", () => {
  it("formats the English edition in every style with a paragraph pinpoint", () => {
    const citations = byStyle(formatCitations(editionItem("streltsov-2018", english), { label: "paragraph", locator: "12" }));
    expect(Object.keys(citations)).toEqual([...CITATION_STYLES]);
    expect(citations.apa!.reference).toBe(
      "Streltsov, D. V. (2018). Russian-Japanese relations: Systemic crisis or new opportunities? Russian Japanology Review. https://www.japanreview.ru/jour/article/view/60",
    );
    expect(citations.apa!.html.reference).toContain("<i>Russian Japanology Review</i>");
    expect(citations.apa!.inText).toBe("(Streltsov, 2018, para. 12)");
    expect(citations.chicago!.reference).toBe(
      "Streltsov, Dmitry Victorovich. 2018. “Russian-Japanese Relations: Systemic Crisis or New Opportunities?” Russian Japanology Review. https://www.japanreview.ru/jour/article/view/60.",
    );
    expect(citations.chicago!.inText).toBe("(Streltsov 2018, para. 12)");
    expect(citations.mla!.reference).toContain("Streltsov, Dmitry Victorovich. “Russian-Japanese Relations: Systemic Crisis or New Opportunities?” Russian Japanology Review, 2018");
    expect(citations.gost!.reference).toBe("1.\tStreltsov\u00a0D. V. Russian-Japanese relations: Systemic crisis or new opportunities? / D. V. Streltsov // Russian Japanology Review. – 2018.");
  });

  it("cites the printed Russian edition by issue and pages, with «абз.» and «с.» pinpoints in GOST", () => {
    const item = editionItem("streltsov-2018", russian);
    const paragraph = byStyle(formatCitations(item, { label: "paragraph", locator: "12" }));
    expect(paragraph.gost!.reference).toBe(
      "1.\tСтрельцов\u00a0Д. В. Российско-японские отношения: системный кризис или новые возможности? / Д. В. Стрельцов // Контрапункт. – 2017. – №\u00a03. – С.\u00a070-85.",
    );
    expect(paragraph.gost!.inText).toBe("[1,\u00a0абз.\u00a012]");
    expect(paragraph.apa!.reference).toBe("Стрельцов, Д. В. (2017). Российско-японские отношения: системный кризис или новые возможности? Контрапункт, (3), 70–85.");
    const page = byStyle(formatCitations(item, { label: "page", locator: "72" }));
    expect(page.gost!.inText).toBe("[1,\u00a0с.\u00a072]");
    expect(page.apa!.inText).toBe("(Стрельцов, 2017, p. 72)");
    expect(page.chicago!.inText).toBe("(Стрельцов 2017, 72)");
  });

  it("leaves unknown facts out instead of printing placeholders", () => {
    const bare = editionItem("bare", { ...english, year: null, url: null, journal: null, authors: [] });
    expect(bare).toEqual({ id: "bare-en", type: "document", language: "en", title: english.title });
    for (const citation of formatCitations(bare, null)) {
      expect(text(citation.reference)).not.toMatch(/null|undefined|NaN/);
      expect(text(citation.reference)).toContain("Russian-Japanese");
    }
  });

  it("escapes markup in the data, leaving only citeproc's own formatting elements", () => {
    const hostile = editionItem("hostile", { ...english, title: '<script>alert("x")</script> <img src=x onerror=alert(1)> & more' });
    for (const citation of formatCitations(hostile, null)) {
      for (const html of [citation.reference, citation.inText]) {
        const elements = [...html.matchAll(/<\/?([a-z]+)/g)].map((match) => match[1]);
        expect(elements.filter((element) => !["div", "i", "b", "span", "sup", "sub"].includes(element!))).toEqual([]);
      }
      // Title case may change the letters, never the escaping.
      expect(citation.reference).toMatch(/&#60;img src=x onerror=alert\(1\)&#62;/i);
      expect(text(citation.reference)).toContain('<script>alert(');
    }
  });
});

describe("exportItem", () => {
  const item = editionItem("streltsov-2018", russian);

  it("writes Unicode BibTeX keyed by the item id", () => {
    const bibtex = exportItem(item, "bibtex");
    expect(bibtex).toMatch(/^@article\{streltsov2018ru,/);
    expect(bibtex).toContain("Стрельцов, Дмитрий Викторович");
    expect(bibtex).toContain("journal = {Контрапункт}");
    expect(bibtex).toContain("pages = {70–85}");
  });

  it("writes RIS and CSL-JSON", () => {
    const ris = exportItem(item, "ris");
    expect(ris).toContain("TY  - JOUR");
    expect(ris).toContain("AU  - Стрельцов, Дмитрий Викторович");
    expect(ris).toContain("T2  - Контрапункт");
    expect(JSON.parse(exportItem(item, "csl-json"))).toEqual([item]);
  });
});

describe("the vendored styles", () => {
  it("carry their CC BY-SA licence", () => {
    for (const file of ["chicago-author-date.csl", "modern-language-association.csl", "gost-r-7-0-100-2018.csl", "locales-ru-RU.xml"]) {
      expect(readFileSync(path.join(STYLES_DIRECTORY, file), "utf8"), file).toMatch(/creativecommons\.org\/licenses\/by-sa\/3\.0/);
    }
    expect(readFileSync(path.join(STYLES_DIRECTORY, "README.md"), "utf8")).toContain("CC BY-SA 3.0");
  });

  it("names the locale file when the term to override is missing", () => {
    expect(() => russianLocale("<locale/>")).toThrow(/locales-ru-RU\.xml.*paragraph/);
  });
});
