import { describe, expect, it } from "vitest";
import { languageAlternates } from "@/lib/i18n/alternates";

describe("languageAlternates", () => {
  it("lists the page in every interface language with an x-default", () => {
    expect(languageAlternates("ru", "/works/streltsov-2018")).toEqual({
      canonical: "/ru/works/streltsov-2018",
      languages: { en: "/en/works/streltsov-2018", ru: "/ru/works/streltsov-2018", ja: "/ja/works/streltsov-2018", "x-default": "/en/works/streltsov-2018" },
    });
    expect(languageAlternates("ja", "/").languages).toMatchObject({ ja: "/ja", "x-default": "/en" });
    expect(languageAlternates("ja", "?page=2")).toMatchObject({ canonical: "/ja?page=2", languages: { ru: "/ru?page=2", "x-default": "/en?page=2" } });
  });
});
