import { describe, expect, it } from "vitest";
import { removePageFurniture } from "@/lib/ingest/furniture";
import type { LayoutPage } from "@/lib/ingest/layout";

const page = (...lines: string[]): LayoutPage => ({ lines: lines.map((text) => ({ text, startsParagraph: null })) });

describe("running headers, footers and page numbers", () => {
  it("removes a journal's alternating headers and the folios at the foot, and reads the numbering", () => {
    // As pdftotext gives a Kontrapunkt article: the first page has no running header; even pages carry
    // the journal, odd pages the author; the page number stands alone at the foot.
    const pages = [
      page("Д. В. Стрельцов", "Российско-японские отношения", "Российско-японские отношения переживают сложный", "70"),
      page("КОНТРАПУНКТ № 3, 2017", "переходный период: характер межгосударственных", "отношений будет пересмотрен.", "71"),
      page("Д. В. Стрельцов. Российско-японские отношения", "Абэ преследовал ряд стратегических целей:", "улучшить отношения с Россией.", "72"),
      page("КОНТРАПУНКТ № 3, 2017", "Токио рассчитывал на прорыв.", "73"),
      page("Д. В. Стрельцов. Российско-японские отношения", "Москва же не спешила.", "74"),
    ];
    const result = removePageFurniture(pages);
    expect(result.pageNumbers).toEqual([70, 71, 72, 73, 74]);
    expect(result.numbersRecovered).toBe(true);
    expect(result.pages.map((cleaned) => cleaned.lines.map((line) => line.text))).toEqual([
      ["Д. В. Стрельцов", "Российско-японские отношения", "Российско-японские отношения переживают сложный"],
      ["переходный период: характер межгосударственных", "отношений будет пересмотрен."],
      ["Абэ преследовал ряд стратегических целей:", "улучшить отношения с Россией."],
      ["Токио рассчитывал на прорыв."],
      ["Москва же не спешила."],
    ]);
    expect(result.removed.filter((line) => line.reason === "page-number").map((line) => line.text)).toEqual(["70", "71", "72", "73", "74"]);
    expect(result.removed.filter((line) => line.reason === "running-header")).toHaveLength(4);
  });

  it("reads the number out of a header that carries it, whichever side it stands on", () => {
    const pages = [
      page("76 КОНТРАПУНКТ № 3, 2017", "Экономика должна следовать", "за политикой."),
      page("Д. В. Стрельцов 77", "Инвестиции в Россию", "рассматриваются как помощь."),
      page("78 КОНТРАПУНКТ № 3, 2017", "Россия же считает иначе."),
      page("Д. В. Стрельцов 79", "Проекты выгодны обеим сторонам."),
    ];
    const result = removePageFurniture(pages);
    expect(result.pageNumbers).toEqual([76, 77, 78, 79]);
    expect(result.pages.map((cleaned) => cleaned.lines[0]!.text)).toEqual(["Экономика должна следовать", "Инвестиции в Россию", "Россия же считает иначе.", "Проекты выгодны обеим сторонам."]);
  });

  it("leaves a text without furniture alone, numbers in the text included", () => {
    const pages = [page("В 2016 г. визит Абэ в Сочи", "стал поворотным.", "2016"), page("Переговоры в Нагато", "продолжились в декабре.")];
    const result = removePageFurniture(pages);
    expect(result.numbersRecovered).toBe(false);
    expect(result.pageNumbers).toEqual([null, null]);
    expect(result.pages[1]!.lines).toHaveLength(2);
    expect(result.pages[0]!.lines.map((line) => line.text)).toEqual(["В 2016 г. визит Абэ в Сочи", "стал поворотным."]);
  });
});
