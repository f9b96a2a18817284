import { describe, expect, it } from "vitest";
import { parseEditionFile } from "@/lib/content/edition-file";

const file = "content/x/en.txt";

describe("parseEditionFile", () => {
  it("reads headers, kinds, reference keys, sections and wrapped lines", () => {
    const { paragraphs, issues } = parseEditionFile(
      ["[1 title]", "A title", "", "[2 heading]", "First part", "", "[3 body]", "One line", "and a second one [Ref 2017](ref:r-2017).", "", "[4 reference r-2017]", "Ref (2017)."].join("\n"),
      file,
    );
    expect(issues).toEqual([]);
    expect(paragraphs.map((p) => [p.id, p.kind, p.section, p.refKey, p.line])).toEqual([
      [1, "title", 0, null, 1],
      [2, "heading", 1, null, 4],
      [3, "body", 1, null, 7],
      [4, "reference", 1, "r-2017", 11],
    ]);
    expect(paragraphs[2]!.text).toBe("One line and a second one [Ref 2017].");
  });

  it("names the line of every problem", () => {
    const { issues } = parseEditionFile(
      ["[1 title]", "T", "", "no header here", "", "[3 body]", "skipped id", "", "[4 chapter]", "unknown kind", "", "[5 body]", "*unclosed", "", "[6 body]", "cites [X](ref:missing)"].join("\n"),
      file,
    );
    expect(issues.map((issue) => [issue.line, issue.message])).toEqual([
      [4, expect.stringContaining('expected a paragraph header such as "[12 body]"')],
      [6, "paragraph id 3 should be 2: ids run 1, 2, 3, … in file order"],
      [9, expect.stringContaining('unknown paragraph kind "chapter"')],
      [12, "paragraph id 5 should be 4: ids run 1, 2, 3, … in file order"],
      [13, "emphasis opened with '*' is never closed"],
      [15, "paragraph id 6 should be 4: ids run 1, 2, 3, … in file order"],
      [15, expect.stringContaining('points to "missing"')],
    ]);
    expect(issues.every((issue) => issue.file === file)).toBe(true);
  });

  it("rejects a key on a paragraph that is not a reference, and duplicate keys", () => {
    const { issues } = parseEditionFile(["[1 body k]", "x", "", "[2 reference a]", "y", "", "[3 reference a]", "z"].join("\n"), file);
    expect(issues.map((issue) => issue.message)).toEqual(['only a reference paragraph carries a key ("k")', 'reference key "a" is already used at line 4']);
  });

  it("accepts Windows line ends and a byte-order mark", () => {
    const { paragraphs, issues } = parseEditionFile("\uFEFF[1 body]\r\nText\r\n", file);
    expect(issues).toEqual([]);
    expect(paragraphs[0]!.text).toBe("Text");
  });
});
