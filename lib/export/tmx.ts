/**
 * A work as a TMX 1.4b translation memory: one <tu> per alignment unit, one
 * <tuv> per edition that has paragraphs in it (plain text; the paragraphs of
 * one edition in a unit are joined by a line break).
 */
import type { ReaderWork } from "../db/reader.ts";
import { EXPORT_TOOL } from "./tool.ts";
import { element, XML_DECLARATION, xmlText } from "./xml.ts";

/** What separates the paragraphs of one edition inside a unit's segment. */
export const PARAGRAPH_SEPARATOR = "\n";

/** TMX dates are UTC in the basic ISO 8601 form, 20261128T023000Z. */
function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function tmxDocument(work: ReaderWork): string {
  // The source language is the published original's; the project's translations are targets.
  const source = work.editions.find((edition) => edition.status === "published") ?? work.editions[0];
  const header = element(
    "header",
    {
      creationtool: EXPORT_TOOL.name,
      creationtoolversion: EXPORT_TOOL.version,
      segtype: "paragraph",
      "o-tmf": EXPORT_TOOL.name,
      adminlang: "en",
      srclang: source?.language ?? "*all*",
      datatype: "plaintext",
      creationdate: tmxDate(work.updatedAt),
    },
    element("prop", { type: "x-work" }, xmlText(work.slug)) + element("note", {}, xmlText(work.title)),
  );
  const units = work.units
    .map((unit) => {
      const variants = work.editions
        .filter((edition) => (unit.paragraphs[edition.language]?.length ?? 0) > 0)
        .map((edition) => {
          const paragraphs = unit.paragraphs[edition.language]!;
          return element(
            "tuv",
            { "xml:lang": edition.language },
            element("prop", { type: "x-paragraphs" }, paragraphs.map((paragraph) => paragraph.ordinal).join(" ")) +
              `<seg>${xmlText(paragraphs.map((paragraph) => paragraph.text).join(PARAGRAPH_SEPARATOR))}</seg>`,
          );
        });
      return variants.length ? element("tu", { tuid: unit.ordinal }, variants.join("")) : "";
    })
    .join("\n");
  return `${XML_DECLARATION}<tmx version="1.4">\n${header}\n<body>\n${units}\n</body>\n</tmx>\n`;
}
