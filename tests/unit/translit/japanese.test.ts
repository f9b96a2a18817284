import { describe, expect, it } from "vitest";
import { hepburnToKana, hepburnToPolivanov, kanaToPolivanov, stripMacrons } from "@/lib/translit";

type Pair = readonly [source: string, expected: string];

describe("kanaToPolivanov", () => {
  it("follows the Polivanov table for single and combined kana", () => {
    // The main table of the Polivanov system (ru/en Wikipedia, "Система Поливанова").
    const pairs: Pair[] = [
      ["しちつふじぢずづ", "ситицуфудзидзидзудзу"],
      ["しゃちゃじゃきょりゅ", "сятядзякёрю"],
      ["やゆよえ", "яюёэ"],
      ["シャチホコ", "сятихоко"],
    ];
    for (const [kana, cyrillic] of pairs) expect(kanaToPolivanov(kana), kana).toBe(cyrillic);
  });

  it("writes ん as нъ before vowels and y-kana, м before b, p, m, н elsewhere", () => {
    // Examples of the Polivanov articles: 新聞 симбун, 群馬 Гумма, 先輩 сэмпай, 今夜 конъя, 原因 гэнъин.
    const pairs: Pair[] = [
      ["しんぶん", "симбун"],
      ["ぐんま", "гумма"],
      ["せんぱい", "сэмпай"],
      ["こんや", "конъя"],
      ["げんいん", "гэнъин"],
      ["ほんだ", "хонда"],
    ];
    for (const [kana, cyrillic] of pairs) expect(kanaToPolivanov(kana), kana).toBe(cyrillic);
  });

  it("doubles the consonant after っ and writes い after a vowel as й", () => {
    // 切手 киттэ, 北海道 Хоккайдо:, 先生 сэнсэй, 水瓜 суйка, 大きい о:кии (Polivanov table notes).
    const pairs: Pair[] = [
      ["きって", "киттэ"],
      ["ほっかいどう", "хоккайдо:"],
      ["せんせい", "сэнсэй"],
      ["すいか", "суйка"],
      ["おおきい", "о:кии"],
    ];
    for (const [kana, cyrillic] of pairs) expect(kanaToPolivanov(kana), kana).toBe(cyrillic);
  });

  it("marks long vowels as asked, including the katakana ー", () => {
    expect(kanaToPolivanov("とうきょう")).toBe("то:кё:");
    expect(kanaToPolivanov("とうきょう", { longVowels: "macron" })).toBe("то\u0304кё\u0304");
    expect(kanaToPolivanov("とうきょう", { longVowels: "none" })).toBe("токё");
    expect(kanaToPolivanov("ラーメン")).toBe("ра:мэн");
    expect(kanaToPolivanov("コーヒー")).toBe("ко:хи:");
  });
});

describe("hepburnToKana", () => {
  it("reads macrons, circumflexes and unmarked romaji", () => {
    const pairs: Pair[] = [
      ["chihō sōsei", "ちほう そうせい"],
      ["chihou sousei", "ちほう そうせい"],
      ["chihô sôsei", "ちほう そうせい"],
      ["hikiwake", "ひきわけ"],
      ["Jun'ichirō", "じゅんいちろう"],
      ["shimbun", "しんぶん"],
      ["matcha", "まっちゃ"],
    ];
    for (const [romaji, kana] of pairs) expect(hepburnToKana(romaji), romaji).toBe(kana);
  });
});

describe("hepburnToPolivanov", () => {
  it("renders the article's Japanese terms", () => {
    // The terms of en.txt (paragraphs 17 and 20) as the Russian edition writes them.
    const running: Pair[] = [
      ["hikiwake", "хикиваке"],
      ["chihō sōsei", "тихо сосэй"],
      ["josei katsuyaku", "дзёсэй кацуяку"],
      ["ichioku katsuyaku", "итиоку кацуяку"],
      ["Shinzō Abe", "Синдзо Абэ"],
      ["Jun'ichirō Koizumi", "Дзюнъитиро Коидзуми"],
    ];
    for (const [romaji, cyrillic] of running) expect(hepburnToPolivanov(romaji, { longVowels: "none" }), romaji).toBe(cyrillic);
    expect(hepburnToPolivanov("chihō sōsei")).toBe("тихо: со:сэй");
    expect(hepburnToPolivanov("ichioku sōkatsuyaku")).toBe("итиоку со:кацуяку");
    expect(hepburnToPolivanov("Jun'ichirō Koizumi")).toBe("Дзюнъитиро: Коидзуми");
  });

  it("gives the Russian Wikipedia forms of well-known names", () => {
    // Article titles of the Russian Wikipedia, which follows Polivanov.
    const pairs: Pair[] = [
      ["Fukushima", "Фукусима"],
      ["Chiba", "Тиба"],
      ["Shinjuku", "Синдзюку"],
      ["Kagoshima", "Кагосима"],
      ["Sendai", "Сэндай"],
      ["Yoshihiko Noda", "Ёсихико Нода"],
      ["Yukio Hatoyama", "Юкио Хатояма"],
      ["Fumio Kishida", "Фумио Кисида"],
      ["Yoshihide Suga", "Ёсихидэ Суга"],
      ["Tarō Asō", "Таро Асо"],
      ["Jun'ichirō Tanizaki", "Дзюнъитиро Танидзаки"],
      ["Asahi Shimbun", "Асахи Симбун"],
      ["Nihon Keizai Shimbun", "Нихон Кэйдзай Симбун"],
    ];
    for (const [romaji, cyrillic] of pairs) expect(hepburnToPolivanov(romaji, { longVowels: "none" }), romaji).toBe(cyrillic);
  });

  it("uses the conventional spellings unless told not to", () => {
    // Conventional Russian spellings (Большая российская энциклопедия, atlases): Токио, Хоккайдо, …
    const conventional: Pair[] = [
      ["Tōkyō", "Токио"],
      ["Tokyo", "Токио"],
      ["Hokkaidō", "Хоккайдо"],
      ["Ōsaka", "Осака"],
      ["Kyōto", "Киото"],
      ["Yokohama", "Иокогама"],
      ["Kyūshū", "Кюсю"],
      ["jūdō", "дзюдо"],
    ];
    for (const [romaji, cyrillic] of conventional) expect(hepburnToPolivanov(romaji), romaji).toBe(cyrillic);
    expect(hepburnToPolivanov("Tōkyō", { conventional: false })).toBe("То:кё:");
    expect(hepburnToPolivanov("Yokohama", { conventional: false })).toBe("Ёкохама");
    expect(hepburnToPolivanov("Hokkaidō", { conventional: false, longVowels: "macron" })).toBe("Хоккайдо\u0304");
    expect(hepburnToPolivanov("hikiwake", { conventional: false })).toBe("хикивакэ");
  });

  it("passes punctuation and digits through", () => {
    expect(hepburnToPolivanov("Tōkyō-Ōsaka, 2016")).toBe("Токио-Осака, 2016");
  });
});

describe("stripMacrons", () => {
  it("removes macrons and circumflexes only", () => {
    expect(stripMacrons("Tōkyō Ōsaka Kyūshū")).toBe("Tokyo Osaka Kyushu");
    expect(stripMacrons("Tôkyô ÛÂ")).toBe("Tokyo UA");
    expect(stripMacrons("café о\u0304")).toBe("café о");
  });
});
