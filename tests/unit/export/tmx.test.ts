import { describe, expect, it } from "vitest";
import { PARAGRAPH_SEPARATOR, tmxDocument } from "@/lib/export/tmx";
import { parseXml, walk } from "./tei-structure";
import { workFromContent } from "./work-fixture";

const HEADER_ATTRIBUTES = ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"];

for (const folder of ["content/streltsov-2018", "tests/fixtures/content/hostile-markup"]) {
  describe(`the TMX export of ${folder}`, () => {
    const work = workFromContent(folder);
    const root = parseXml(tmxDocument(work));

    it("is TMX 1.4 with every header attribute the standard requires", () => {
      expect(root.name).toBe("tmx");
      expect(root.attributes.version).toBe("1.4");
      const header = root.children.find((child) => child.name === "header")!;
      for (const name of HEADER_ATTRIBUTES) expect(header.attributes[name], name).toBeTruthy();
      expect(header.attributes).toMatchObject({ segtype: "paragraph", srclang: "en", adminlang: "en", datatype: "plaintext" });
      expect(header.attributes.creationdate).toMatch(/^\d{8}T\d{6}Z$/);
      expect(root.children.map((child) => child.name)).toEqual(["header", "body"]);
    });

    it("round-trips every unit to the original texts, a side with no paragraphs left out", () => {
      const units = root.children.find((child) => child.name === "body")!.children;
      expect(units.map((tu) => Number(tu.attributes.tuid))).toEqual(work.units.map((unit) => unit.ordinal));
      for (const [index, tu] of units.entries()) {
        const unit = work.units[index]!;
        const expected = Object.entries(unit.paragraphs)
          .filter(([, paragraphs]) => paragraphs.length > 0)
          .map(([language, paragraphs]) => [language, paragraphs.map((paragraph) => paragraph.text).join(PARAGRAPH_SEPARATOR)]);
        const found = tu.children
          .filter((child) => child.name === "tuv")
          .map((tuv) => [tuv.attributes["xml:lang"], tuv.children.find((child) => child.name === "seg")!.text]);
        expect(found, `unit ${unit.ordinal}`).toEqual(expected);
        for (const tuv of tu.children) expect(tuv.children.find((child) => child.name === "seg")!.children, "segments are plain text").toEqual([]);
      }
    });
  });
}

it("keeps one side only where the other has no paragraph", () => {
  const root = parseXml(tmxDocument(workFromContent("tests/fixtures/content/hostile-markup")));
  const third = [...walk(root)].find((node) => node.name === "tu" && node.attributes.tuid === "3")!;
  expect(third.children.map((tuv) => tuv.attributes["xml:lang"])).toEqual(["en"]);
});
