import { describe, expect, it } from "vitest";
import { BYTE_ORDER_MARK, csvDocument, csvField } from "@/lib/export/csv";
import { workFromContent } from "./work-fixture";

/** An RFC 4180 reader: CRLF records, fields quoted where needed, quotes doubled inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (char === ",") (row.push(field), (field = ""));
    else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), i++;
    } else if (char === "\n" || char === "\r") throw new Error(`a bare line break outside quotes at ${i}`);
    else field += char;
  }
  if (quoted) throw new Error("an unclosed quote");
  if (field !== "" || row.length) throw new Error("the last record has no CRLF");
  return rows;
}

describe("the CSV export", () => {
  for (const folder of ["content/streltsov-2018", "tests/fixtures/content/hostile-markup"]) {
    it(`parses back to the units of ${folder}`, () => {
      const work = workFromContent(folder);
      const csv = csvDocument(work);
      expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
      const [header, ...rows] = parseCsv(csv.slice(1));
      expect(header).toEqual(["unit", "en_paragraphs", "en_text", "ru_paragraphs", "ru_text"]);
      expect(rows).toHaveLength(work.units.length);
      for (const [index, row] of rows.entries()) {
        const unit = work.units[index]!;
        expect(row).toEqual([
          String(unit.ordinal),
          ...["en", "ru"].flatMap((language) => [
            unit.paragraphs[language]!.map((paragraph) => paragraph.ordinal).join(" "),
            unit.paragraphs[language]!.map((paragraph) => paragraph.text).join("\n"),
          ]),
        ]);
      }
    });
  }

  it("quotes only fields that need it", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("encodes Cyrillic as UTF-8 after the byte order mark", () => {
    const bytes = Buffer.from(csvDocument(workFromContent("content/streltsov-2018")), "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Российско-японские отношения");
  });
});
