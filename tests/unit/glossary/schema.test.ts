import { describe, expect, it } from "vitest";
import { GlossaryError, parseGlossary } from "@/lib/glossary/schema";

const HIKIWAKE = `- id: hikiwake
  category: japanese-term
  en: [hikiwake]
  hepburn: hikiwake
  kanji: 引き分け
  kana: ひきわけ
  polivanov: хикивакэ
  ru: хикиваке
  conventional: true
  pos: noun
  glossEn: a draw
  glossRu: ничья́
  context: Putin's word for a settlement without a loser.
  related: [peace-treaty]
`;

const PEACE_TREATY = `- id: peace-treaty
  category: russian-political
  en: [peace treaty]
  hepburn: heiwa jōyaku
  kanji: 平和条約
  kana: へいわじょうやく
  polivanov: "хэйва дзё:яку"
  ru: ми́рный догово́р
  romanized: mirnyĭ dogovor
  pos: noun-phrase
  glossEn: peace treaty
  glossRu: догово́р о ми́ре
  context: The treaty Russia and Japan never signed.
`;

const VALID = HIKIWAKE + "\n" + PEACE_TREATY;

function errorOf(yaml: string): GlossaryError {
  try {
    parseGlossary(yaml, "glossary.yaml");
  } catch (error) {
    if (error instanceof GlossaryError) return error;
    throw error;
  }
  throw new Error("expected a GlossaryError");
}

describe("parseGlossary", () => {
  it("returns typed entries for a valid file", () => {
    const entries = parseGlossary(VALID, "glossary.yaml");
    expect(entries.map((entry) => entry.id)).toEqual(["hikiwake", "peace-treaty"]);
    expect(entries[1]?.romanized).toBe("mirnyĭ dogovor");
  });

  it("names file, line, entry and field of a bad kana", () => {
    const error = errorOf(VALID.replace("kana: ひきわけ", "kana: hikiwake"));
    expect(error.message).toBe('glossary.yaml:6: entry "hikiwake", field "kana": must be hiragana or katakana');
  });

  it("catches a polivanov field that is not the computed form", () => {
    const error = errorOf(VALID.replace("polivanov: хикивакэ", "polivanov: хикиваке"));
    expect(error.message).toBe('glossary.yaml:7: entry "hikiwake", field "polivanov": must be "хикивакэ", the Polivanov form of hepburn "hikiwake"');
  });

  it("catches kana that does not read as the Hepburn", () => {
    const error = errorOf(VALID.replace("kana: へいわじょうやく", "kana: へいわじょやく"));
    expect(error.issues).toEqual([expect.objectContaining({ line: 21, entryId: "peace-treaty", field: "kana" })]);
  });

  it("catches a romanisation that is not the computed one", () => {
    const error = errorOf(VALID.replace("romanized: mirnyĭ dogovor", "romanized: mirnyj dogovor"));
    expect(error.message).toContain('entry "peace-treaty", field "romanized": must be "mirnyĭ dogovor"');
  });

  it("requires a transcribed headword to be the running-text Polivanov form unless conventional", () => {
    const error = errorOf(VALID.replace("  conventional: true\n", ""));
    expect(error.message).toContain('entry "hikiwake", field "ru": must be "хикивакэ", the running-text Polivanov form of "hikiwake"');
  });

  it("rejects a conventional flag that changes nothing", () => {
    const error = errorOf(VALID.replace("  romanized: mirnyĭ dogovor\n", "  romanized: mirnyĭ dogovor\n  conventional: true\n"));
    expect(error.issues).toEqual([expect.objectContaining({ entryId: "peace-treaty", field: "conventional" })]);
  });

  it("names missing, unknown and malformed fields", () => {
    const error = errorOf(VALID.replace("  glossEn: a draw\n", "").replace("category: russian-political", "category: politics").replace("  pos: noun\n", "  pos: noun\n  gloss: x\n"));
    expect(error.issues.map((issue) => [issue.entryId, issue.field, issue.message])).toEqual([
      ["hikiwake", "glossEn", "is required"],
      ["hikiwake", "gloss", "is not a glossary field"],
      ["peace-treaty", "category", expect.stringContaining("must be one of japanese-term, russian-political")],
    ]);
  });

  it("rejects duplicate ids and unknown related ids", () => {
    const error = errorOf(VALID.replace("id: peace-treaty", "id: hikiwake"));
    expect(error.issues.map((issue) => `${issue.line} ${issue.field} ${issue.message}`)).toEqual([
      '14 related[0] "peace-treaty" is not the id of an entry',
      "16 id is already used at line 1",
    ]);
  });

  it("rejects a stress mark that does not follow a vowel", () => {
    const error = errorOf(VALID.replace("ru: ми́рный догово́р", "ru: м\u0301ирный договор"));
    expect(error.issues).toEqual([expect.objectContaining({ entryId: "peace-treaty", field: "ru", message: "a stress mark (U+0301) must follow a vowel" })]);
  });

  it("reports YAML syntax errors and a file that is not a list", () => {
    expect(errorOf("- id: hikiwake\n  en: [a]\n  en: [b]\n").message).toMatch(/^glossary\.yaml:3: not valid YAML: Map keys must be unique/);
    expect(errorOf("id: hikiwake\n").message).toBe("glossary.yaml:1: must be a list of entries");
  });
});
