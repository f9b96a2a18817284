import { describe, expect, it } from "vitest";
import { cleanPages } from "@/lib/ingest/ingest";
import { markdownInline, textPages } from "@/lib/ingest/text-input";

describe("plain text and Markdown", () => {
  it("reads Markdown headings and emphasis", () => {
    const pages = textPages("# Введение\n\nПолитика *администрации* Абэ\nкак источник **дивидендов**.\n\nВторой абзац с [ссылкой](https://example.org).\n", "markdown");
    const { paragraphs } = cleanPages(pages);
    expect(paragraphs).toEqual([
      { text: "Введение", em: [], pageBreaks: [], heading: true },
      { text: "Политика администрации Абэ как источник дивидендов.", em: [{ start: 9, end: 22 }], pageBreaks: [], heading: false },
      { text: "Второй абзац с ссылкой.", em: [], pageBreaks: [], heading: false },
    ]);
    expect(markdownInline("snake_case_name и \\*звёздочка\\*")).toEqual({ text: "snake_case_name и *звёздочка*", em: [] });
  });

  it("cleans pdftotext output: form feeds, running headers, folios, hyphens and a paragraph split by a page", () => {
    const extracted = [
      "КОНТРАПУНКТ № 3, 2017\n\n    Российско-японские отношения пере-\nживают сложный переходный период. Ха-\nрактер отношений, сложившийся на фоне\n\n70\n",
      "КОНТРАПУНКТ № 3, 2017\n\nукраинского кризиса, будет пересмотрен.\n    Абэ преследовал ряд стратегических\nцелей в Азиатско-Тихоокеанском регионе.\n\n71\n",
      "КОНТРАПУНКТ № 3, 2017\n\n    Токио по-\nпрежнему ждал. Характер переговоров не изменился.\n\n72\n",
    ].join("\f");
    const result = cleanPages(textPages(extracted, "text"));
    expect(result.pages).toMatchObject({ count: 3, numbers: [70, 71, 72], recovered: true, first: 70, last: 72 });
    expect(result.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Российско-японские отношения переживают сложный переходный период. Характер отношений, сложившийся на фоне украинского кризиса, будет пересмотрен.",
      "Абэ преследовал ряд стратегических целей в Азиатско-Тихоокеанском регионе.",
      "Токио по-прежнему ждал. Характер переговоров не изменился.",
    ]);
    const first = result.paragraphs[0]!;
    expect(first.pageBreaks).toEqual([{ offset: first.text.indexOf("украинского"), page: 71 }]);
    expect(result.paragraphs[2]!.pageBreaks).toEqual([{ offset: 0, page: 72 }]);
    expect(result.joinedAcrossPages).toBe(1);
    expect(result.hyphens.map((hyphen) => [hyphen.printed, hyphen.decision])).toEqual([
      ["пере-|живают", "join"],
      ["Ха-|рактер", "join"],
      ["по-|прежнему", "keep"],
    ]);
  });

  it("does not join across a page a paragraph that ended, nor one the next page opens with a capital", () => {
    const result = cleanPages(textPages("Первый абзац кончается здесь.\n\f\nВторой абзац начинается.\n\fпродолжение второго.", "text"));
    expect(result.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Первый абзац кончается здесь.", "Второй абзац начинается.", "продолжение второго."]);
  });
});
