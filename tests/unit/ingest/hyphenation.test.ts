import { describe, expect, it } from "vitest";
import { decideLineEndHyphen, DocumentWords } from "@/lib/ingest/hyphenation";

const words = new DocumentWords([
  "Japan joined the Asia-Pacific forum; the image of Japan and the making of its policy. Relations improved, and something changed.",
  "Российско-японские отношения по-прежнему сложны; социально-экономическое положение, экономический кризис, экономических связей. Кто-то говорит об отношениях.",
]);

describe("words hyphenated at line ends", () => {
  it("joins words the typesetter broke", () => {
    expect(decideLineEndHyphen("отно", "шения", words)).toBe("join");
    expect(decideLineEndHyphen("rela", "tions", words)).toBe("join");
    expect(decideLineEndHyphen("some", "thing", words)).toBe("join");
    // Another form of the joined word occurs: отношениях.
    expect(decideLineEndHyphen("отноше", "ния", words)).toBe("join");
    expect(decideLineEndHyphen("по", "литика", words)).toBe("join");
    expect(decideLineEndHyphen("предложе", "ние", new DocumentWords(["предложения Японии", "ни слова"]))).toBe("join");
  });

  it("keeps real hyphens: compounds of names, compounds the document has, words of two known parts", () => {
    expect(decideLineEndHyphen("Asia", "Pacific", words)).toBe("keep");
    expect(decideLineEndHyphen("Северо", "Восточная", words)).toBe("keep");
    expect(decideLineEndHyphen("image", "making", words)).toBe("keep");
    expect(decideLineEndHyphen("Российско", "японские", words)).toBe("keep");
    expect(decideLineEndHyphen("социально", "экономического", words)).toBe("keep");
    expect(decideLineEndHyphen("COVID", "19", words)).toBe("keep");
  });

  it("keeps the hyphen of Russian particles and по- adverbs", () => {
    expect(decideLineEndHyphen("кто", "то", words)).toBe("keep");
    expect(decideLineEndHyphen("что", "нибудь", words)).toBe("keep");
    expect(decideLineEndHyphen("кое", "где", words)).toBe("keep");
    expect(decideLineEndHyphen("по", "русски", words)).toBe("keep");
    expect(decideLineEndHyphen("по", "прежнему", new DocumentWords())).toBe("keep");
  });
});
