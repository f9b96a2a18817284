import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CARD_FACES, faceText, hasFaces, type CardDirection } from "@/lib/glossary/cards";
import { ankiTsv, cardsCsv, conceptId, ENTRY_COLUMNS, entryFields, glossaryTbx, LIST_SEPARATOR, tsvField, type ExportEntry } from "@/lib/glossary/export";
import { runningPolivanov } from "@/lib/glossary/forms";
import { parseGlossary, type GlossaryEntry } from "@/lib/glossary/schema";
import { stripStressMarks } from "@/lib/glossary/text";
import { parseDelimited } from "./delimited";
import { parseTbx, tbxProblems, type XmlNode } from "./tbx-structure";

const entries = parseGlossary(readFileSync("content/streltsov-2018/glossary.yaml", "utf8"), "glossary.yaml");
const work = { slug: "streltsov-2018", title: "Russian-Japanese relations: Systemic crisis or new opportunities?" };
const all: ExportEntry[] = entries.map((entry) => ({ work, entry }));
const enRu: CardDirection = { front: "en", back: "ru" };

/** Every field of an entry read back from its text columns. */
function entryFromColumns(row: Record<string, string>): Partial<GlossaryEntry> {
  const list = (value: string) => (value === "" ? undefined : value.split(LIST_SEPARATOR));
  const text = (value: string) => (value === "" ? undefined : value);
  return Object.fromEntries(
    Object.entries({
      id: row.id,
      category: row.category,
      en: list(row.en!),
      hepburn: text(row.hepburn!),
      kanji: text(row.kanji!),
      kana: text(row.kana!),
      polivanov: text(row.polivanov!),
      ru: text(row.ru!),
      ruForms: list(row.ruForms!),
      romanized: text(row.romanized!),
      journalistic: text(row.journalistic!),
      pos: row.pos,
      glossEn: row.glossEn,
      glossRu: row.glossRu,
      context: row.context,
      contextRu: text(row.contextRu!),
      related: list(row.related!),
      reference: text(row.reference!),
      conventional: row.conventional === "true" ? true : undefined,
      inEnglish: row.inEnglish === "false" ? false : undefined,
      inRussian: row.inRussian === "false" ? false : undefined,
      absentReason: text(row.absentReason!),
    }).filter(([, value]) => value !== undefined),
  ) as Partial<GlossaryEntry>;
}

describe("entryFields", () => {
  it("gives every field of the glossary file a column", () => {
    const fileFields = new Set(entries.flatMap((entry) => Object.keys(entry)));
    for (const field of fileFields) expect(ENTRY_COLUMNS, field).toContain(field);
    expect(entryFields(entries.find((entry) => entry.id === "chiho-sosei")!).polivanovRunning).toBe("тихо сосэй");
  });

  it("never puts the list separator inside a list item, so that lists split back exactly", () => {
    for (const entry of entries) for (const item of [...entry.en, ...(entry.ruForms ?? []), ...(entry.related ?? [])]) expect(item).not.toContain(LIST_SEPARATOR);
  });
});

describe("the Anki TSV", () => {
  const tsv = ankiTsv(all, enRu);
  const lines = tsv.split("\n");
  const headers = lines.filter((line) => line.startsWith("#"));
  const columns = headers.find((line) => line.startsWith("#columns:"))!.slice("#columns:".length).split("\t");
  const rows = parseDelimited(lines.filter((line) => !line.startsWith("#")).join("\n"), "\t", "\n");

  it("starts with Anki's file headers", () => {
    expect(lines[0]).toBe("#separator:tab");
    expect(lines[1]).toBe("#html:false");
    expect(columns.slice(0, 2)).toEqual(["front", "back"]);
    expect(headers).toContain(`#guid column:${columns.indexOf("guid") + 1}`);
    expect(headers).toContain(`#tags column:${columns.indexOf("tags") + 1}`);
    expect(tsv.endsWith("\n")).toBe(true);
  });

  it("has one card per entry with both sides, every row as wide as the header", () => {
    const expected = entries.filter((entry) => hasFaces(entry, enRu));
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(row).toHaveLength(columns.length);
  });

  it("reads back every field of every entry", () => {
    const expected = entries.filter((entry) => hasFaces(entry, enRu));
    rows.forEach((cells, index) => {
      const row = Object.fromEntries(columns.map((column, i) => [column, cells[i]!]));
      const entry = expected[index]!;
      expect(entryFromColumns(row), entry.id).toEqual(entry);
      expect(row.front).toBe(entry.en[0]);
      expect(row.back).toBe(entry.ru);
      expect(row.work).toBe(work.slug);
      expect(row.polivanovRunning).toBe(runningPolivanov(entry) ?? "");
      expect(row.guid).toBe(`parallel-reader:${work.slug}:${entry.id}:en-ru`);
      expect(row.tags!.split(" ")).toEqual([work.slug, entry.category]);
    });
  });

  it("puts the chosen sides first, in every direction", () => {
    for (const front of CARD_FACES) {
      for (const back of CARD_FACES) {
        if (front === back) continue;
        const direction = { front, back };
        const chosen = all.filter(({ entry }) => hasFaces(entry, direction));
        const parsed = parseDelimited(ankiTsv(chosen, direction).split("\n").filter((line) => !line.startsWith("#")).join("\n"), "\t", "\n");
        expect(parsed.map((row) => [row[0], row[1]])).toEqual(chosen.map(({ entry }) => [faceText(entry, front), faceText(entry, back)]));
      }
    }
  });

  it("quotes a field that holds a tab, a line break or a quote", () => {
    expect(tsvField("plain «ёлка»")).toBe("plain «ёлка»");
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
    expect(tsvField("a\tb")).toBe('"a\tb"');
    expect(tsvField("a\nb")).toBe('"a\nb"');
    const tricky: GlossaryEntry = { ...entries[0]!, context: 'Line one\nline "two"\twith a tab' };
    const parsed = parseDelimited(ankiTsv([{ work, entry: tricky }], enRu).split("\n").slice(5).join("\n"), "\t", "\n");
    expect(parsed[0]![3 + ENTRY_COLUMNS.indexOf("context")]).toBe(tricky.context);
  });
});

describe("the CSV", () => {
  const csv = cardsCsv(all, enRu);

  it("is UTF-8 with a byte order mark and CRLF line ends (RFC 4180)", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\r");
  });

  it("reads back every field of every entry under a header row", () => {
    const [header, ...rows] = parseDelimited(csv.slice(1), ",", "\r\n");
    expect(header).toEqual(["front", "back", "work", ...ENTRY_COLUMNS]);
    const expected = entries.filter((entry) => hasFaces(entry, enRu));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((cells, index) => {
      expect(cells).toHaveLength(header!.length);
      const row = Object.fromEntries(header!.map((column, i) => [column, cells[i]!]));
      expect(entryFromColumns(row)).toEqual(expected[index]);
    });
  });
});

describe("the TBX", () => {
  const xml = glossaryTbx(all, { title: `Glossary of ${work.title}`, entryUrl: (slug, key) => `https://reader.example/en/glossary/${key}?work=${slug}` });
  const { root, instructions } = parseTbx(xml);
  const concepts = root.children.find((child) => child.name === "text")!.children.find((child) => child.name === "body")!.children;

  it("has the structure TBX and its TBX-Basic dialect require", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(instructions.filter((name) => name === "?xml-model")).toHaveLength(2);
    expect(tbxProblems(root)).toEqual([]);
    expect(root.children[0]!.children[0]!.children.find((child) => child.name === "titleStmt")!.text).toBe(`Glossary of ${work.title}`);
  });

  it("has one conceptEntry per entry, with its category as subject field", () => {
    expect(concepts.map((concept) => concept.attributes.id)).toEqual(entries.map((entry) => conceptId(work.slug, entry.id)));
    expect(concepts[0]!.children.find((child) => child.name === "descrip")!.attributes.type).toBe("subjectField");
  });

  const terms = (concept: XmlNode, language: string) =>
    concept.children
      .filter((child) => child.name === "langSec" && child.attributes["xml:lang"] === language)
      .flatMap((langSec) => langSec.children.filter((child) => child.name === "termSec").map((termSec) => termSec.children[0]!.text));
  const descrip = (concept: XmlNode, language: string, type: string) =>
    concept.children.find((child) => child.name === "langSec" && child.attributes["xml:lang"] === language)?.children.find((child) => child.name === "descrip" && child.attributes.type === type)?.text;

  it("round-trips every entry's terms in every language and script", () => {
    entries.forEach((entry, index) => {
      const concept = concepts[index]!;
      expect(terms(concept, "en"), entry.id).toEqual(entry.en);
      expect(terms(concept, "ru"), entry.id).toEqual(entry.ru ? [stripStressMarks(entry.ru), ...(entry.ruForms ?? [])] : []);
      expect(terms(concept, "ru-Latn"), entry.id).toEqual([entry.romanized, entry.journalistic !== entry.romanized ? entry.journalistic : undefined].filter(Boolean));
      expect(terms(concept, "ja"), entry.id).toEqual([entry.kanji, entry.kana].filter(Boolean));
      expect(terms(concept, "ja-Latn"), entry.id).toEqual(entry.hepburn ? [entry.hepburn] : []);
      const running = runningPolivanov(entry);
      expect(terms(concept, "ja-Cyrl"), entry.id).toEqual([entry.polivanov, running !== entry.polivanov ? running : undefined].filter(Boolean));
      expect(descrip(concept, "en", "definition")).toBe(entry.glossEn);
      if (entry.ru) expect(descrip(concept, "ru", "definition")).toBe(entry.glossRu);
      const related = concept.children.filter((child) => child.name === "ref").map((ref) => ref.attributes.target);
      expect(related).toEqual((entry.related ?? []).map((key) => conceptId(work.slug, key)));
    });
  });

  it("keeps the stressed Russian headword as a note and marks the preferred term", () => {
    const peace = concepts[entries.findIndex((entry) => entry.id === "peace-treaty")]!;
    const russian = peace.children.find((child) => child.name === "langSec" && child.attributes["xml:lang"] === "ru")!;
    const first = russian.children.find((child) => child.name === "termSec")!;
    expect(first.children[0]!.text).toBe("мирный договор");
    expect(first.children.some((child) => child.name === "note" && child.text.includes("ми́рный догово́р"))).toBe(true);
    expect(first.children.find((child) => child.attributes.type === "administrativeStatus")!.text).toBe("preferredTerm-admn-sts");
  });

  it("escapes markup characters and leaves out cross-references to entries not in the file", () => {
    const base = entries.find((entry) => entry.id === "hikiwake")!;
    const hostile: GlossaryEntry = { ...base, en: ["<b>&</b>"], glossEn: 'a "quote" & <tag>', related: ["missing-entry"] };
    const document = parseTbx(glossaryTbx([{ work, entry: hostile }], { title: "x" }));
    expect(tbxProblems(document.root)).toEqual([]);
    const concept = document.root.children[1]!.children[0]!.children[0]!;
    expect(terms(concept, "en")).toEqual(["<b>&</b>"]);
    expect(descrip(concept, "en", "definition")).toBe('a "quote" & <tag>');
    expect(concept.children.some((child) => child.name === "ref")).toBe(false);
  });

  it("is still a TBX document when the glossary is empty", () => {
    const { root: empty } = parseTbx(glossaryTbx([], { title: "Empty" }));
    expect(tbxProblems(empty)).toEqual([]);
    expect(empty.children[1]!.children).toEqual([]);
  });
});
