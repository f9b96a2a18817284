import { describe, expect, it } from "vitest";
import { parseAlignmentFile } from "@/lib/content/alignment-file";

const file = "content/x/alignment.tsv";
const tsv = (...rows: string[][]) => rows.map((row) => row.join("\t")).join("\n");

describe("parseAlignmentFile", () => {
  it("reads 1:1, 1:2, 2:1 and 1:0 units", () => {
    const { units, issues } = parseAlignmentFile(
      tsv(["unit", "en", "ru"], ["1", "1", "1"], ["2", "2", "2,3"], ["3", "3,4", "4"], ["4", "5", "-"]),
      file,
      { en: 5, ru: 4 },
    );
    expect(issues).toEqual([]);
    expect(units.map((unit) => unit.paragraphs)).toEqual([
      { en: [1], ru: [1] },
      { en: [2], ru: [2, 3] },
      { en: [3, 4], ru: [4] },
      { en: [5], ru: [] },
    ]);
  });

  it("finds paragraphs out of order, missing, repeated or unknown, and names the line", () => {
    const { issues } = parseAlignmentFile(
      tsv(["unit", "en", "ru"], ["1", "1", "2"], ["2", "2", "1"], ["4", "3", "-"], ["4", "9", "x"], ["5", "-", "-"]),
      file,
      { en: 4, ru: 3 },
    );
    expect(issues.map((issue) => `${issue.line ?? "-"}: ${issue.message}`)).toEqual([
      "2: ru paragraph 2 is out of order: expected 1",
      "3: ru paragraph 1 is out of order: expected 3",
      '4: unit number "4" should be 3: units run 1, 2, 3, …',
      "5: en paragraph 9 does not exist (the edition has 4)",
      '5: "x" in the ru column is not "-" or a list of paragraph ids',
      "6: the unit holds no paragraph",
      "-: en paragraphs 4–4 are in no unit",
      "-: ru paragraphs 3–3 are in no unit",
    ]);
  });

  it("checks the header against the editions", () => {
    const { issues } = parseAlignmentFile(tsv(["unit", "en", "de"], ["1", "1", "1"]), file, { en: 1, ru: 1 });
    expect(issues.map((issue) => issue.message)).toEqual(['the header has no column for the "ru" edition', 'column "de" names no edition of this work']);
  });
});
