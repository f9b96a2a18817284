import { describe, expect, it } from "vitest";
import { cyrillicToLatin, type CyrillicSystem } from "@/lib/translit";

type Pair = readonly [cyrillic: string, latin: string];

function expectPairs(system: CyrillicSystem, pairs: readonly Pair[]): void {
  for (const [cyrillic, latin] of pairs) expect(cyrillicToLatin(cyrillic, system), cyrillic).toBe(latin);
}

describe("cyrillicToLatin, ISO 9 / GOST 7.79-2000 system B", () => {
  it("renders the standard's pangram", () => {
    // The pangram and its system B rendering from the iuliia schema gost_779_alt
    // (github.com/nalgeon/iuliia, after GOST 7.79-2000 table B); the schema's
    // sample types a Cyrillic "е" in "е`" by mistake, written here as Latin e.
    expectPairs("iso9", [
      [
        "Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю",
        "Yuliya, s``esh` eshhyo e`tix myagkix franczuzskix bulok iz Joshkar-Oly`, da vy`pej altajskogo chayu",
      ],
    ]);
  });

  it("writes ц as c before i, e, y, j and as cz elsewhere", () => {
    // GOST 7.79-2000, note to table B: "c" before i, e, y, j; "cz" in all other cases.
    expectPairs("iso9", [
      ["цирк", "cirk"],
      ["Цой", "Czoj"],
      ["Ельцин", "El`cin"],
      ["отцы", "otcy`"],
      ["улица", "ulicza"],
    ]);
  });

  it("keeps the case of the source", () => {
    // GOST 7.79-2000 B letter values (щ → shh, х → x) in title case and all caps.
    expectPairs("iso9", [
      ["Щука", "Shhuka"],
      ["ЩУКА", "SHHUKA"],
      ["Хабаровск", "Xabarovsk"],
      ["Коммерсантъ", "Kommersant``"],
    ]);
  });
});

describe("cyrillicToLatin, ALA-LC (Library of Congress)", () => {
  it("renders the pangram with diacritics and ligature ties", () => {
    // iuliia schema ala_lc (after the ALA-LC Russian table, 2012); ё is the Latin ë
    // of the LC table, which the schema's sample leaves in Cyrillic.
    expectPairs("loc", [
      [
        "Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю",
        "I\u0361ulii\u0361a, sʺeshʹ eshchë ėtikh mi\u0361agkikh frant\u0361suzskikh bulok iz Ĭoshkar-Oly, da vypeĭ altaĭskogo chai\u0361u",
      ],
    ]);
  });

  it("gives the catalogue forms of Russian periodicals", () => {
    // Title headings as the Library of Congress catalogue writes them.
    expectPairs("loc", [
      ["Коммерсантъ", "Kommersantʺ"],
      ["Известия", "Izvestii\u0361a"],
      ["Российская газета", "Rossiĭskai\u0361a gazeta"],
      ["Независимая газета", "Nezavisimai\u0361a gazeta"],
      ["Эхо Москвы", "Ėkho Moskvy"],
      ["Иноземцев", "Inozemt\u0361sev"],
    ]);
  });
});

describe("cyrillicToLatin, journalistic", () => {
  it("reproduces the forms the article itself prints", () => {
    // en.txt: the references (Rossiyskaya Gazeta, Ekho Moskvy, Kommersant,
    // Inozemtsev, voyenno-morskiye, Yuzhno-Kitayskom) and the body (Shuvalov).
    expectPairs("journalistic", [
      ["Российская Газета", "Rossiyskaya Gazeta"],
      ["Российская газета", "Rossiyskaya gazeta"],
      ["Коммерсантъ", "Kommersant"],
      ["Эхо Москвы", "Ekho Moskvy"],
      ["Иноземцев", "Inozemtsev"],
      ["военно-морские учения", "voyenno-morskiye ucheniya"],
      ["в Южно-Китайском море", "v Yuzhno-Kitayskom more"],
      ["Игорь Шувалов", "Igor Shuvalov"],
      ["мирный договор", "mirny dogovor"],
    ]);
  });

  it("writes ye initially and after vowels, and drops the soft and hard signs", () => {
    // Well-known press spellings: Yeltsin, Viktor Yerofeyev, Izvestiya, TASS, Pyotr, Khrushchyov.
    expectPairs("journalistic", [
      ["Ельцин", "Yeltsin"],
      ["Виктор Ерофеев", "Viktor Yerofeyev"],
      ["Известия", "Izvestiya"],
      ["ТАСС", "TASS"],
      ["Пётр", "Pyotr"],
      ["Хрущёв", "Khrushchyov"],
    ]);
  });

  it("leaves non-Cyrillic characters alone", () => {
    expect(cyrillicToLatin("G7 и «Большая семёрка» — 2016", "journalistic")).toBe("G7 i «Bolshaya semyorka» — 2016");
  });
});
