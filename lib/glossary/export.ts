/**
 * The glossary as files for other tools: flashcards as Anki-importable TSV and
 * as CSV (RFC 4180), and the whole glossary as TBX (ISO 30042 TermBase
 * eXchange, TBX-Basic dialect, DCA style) for terminology tools and CAT
 * software. Pure functions from entries to text.
 */
import { BYTE_ORDER_MARK, csvField } from "../export/csv.ts";
import { element, XML_DECLARATION, xmlText } from "../export/xml.ts";
import { faceText, hasFaces, type CardDirection } from "./cards.ts";
import { runningPolivanov } from "./forms.ts";
import { stripStressMarks } from "./text.ts";
import type { GlossaryEntry } from "./schema.ts";

/** An entry with the work whose glossary holds it. */
export interface ExportEntry {
  work: { slug: string; title: string };
  entry: GlossaryEntry;
}

/** Separates the items of a list field (en, ruForms, related) in TSV and CSV. */
export const LIST_SEPARATOR = "; ";

/**
 * The columns of an entry in TSV and CSV: every field of the glossary file,
 * in its order, named as there, with the running-text Polivanov form after
 * the strict one.
 */
export const ENTRY_COLUMNS = [
  "id",
  "category",
  "en",
  "hepburn",
  "kanji",
  "kana",
  "polivanov",
  "polivanovRunning",
  "ru",
  "ruForms",
  "romanized",
  "journalistic",
  "pos",
  "glossEn",
  "glossRu",
  "context",
  "contextRu",
  "related",
  "reference",
  "conventional",
  "inEnglish",
  "inRussian",
  "absentReason",
] as const;

export type EntryColumn = (typeof ENTRY_COLUMNS)[number];

/** An entry's fields as text, one per column; absent fields are empty, lists joined with LIST_SEPARATOR. */
export function entryFields(entry: GlossaryEntry): Record<EntryColumn, string> {
  const list = (items: readonly string[] | undefined) => (items ?? []).join(LIST_SEPARATOR);
  const flag = (value: boolean | undefined) => (value === undefined ? "" : String(value));
  return {
    id: entry.id,
    category: entry.category,
    en: list(entry.en),
    hepburn: entry.hepburn ?? "",
    kanji: entry.kanji ?? "",
    kana: entry.kana ?? "",
    polivanov: entry.polivanov ?? "",
    polivanovRunning: runningPolivanov(entry) ?? "",
    ru: entry.ru ?? "",
    ruForms: list(entry.ruForms),
    romanized: entry.romanized ?? "",
    journalistic: entry.journalistic ?? "",
    pos: entry.pos,
    glossEn: entry.glossEn,
    glossRu: entry.glossRu,
    context: entry.context,
    contextRu: entry.contextRu ?? "",
    related: list(entry.related),
    reference: entry.reference ?? "",
    conventional: flag(entry.conventional),
    inEnglish: flag(entry.inEnglish),
    inRussian: flag(entry.inRussian),
    absentReason: entry.absentReason ?? "",
  };
}

/** The front and back columns come first, so that Anki's Basic note type takes them as Front and Back without remapping. */
const CARD_COLUMNS = ["front", "back", "work", ...ENTRY_COLUMNS] as const;

function cardRow({ work, entry }: ExportEntry, direction: CardDirection): string[] {
  const fields = entryFields(entry);
  return [faceText(entry, direction.front) ?? "", faceText(entry, direction.back) ?? "", work.slug, ...ENTRY_COLUMNS.map((column) => fields[column])];
}

/** A stable note id, so that importing the file again updates the notes instead of duplicating them. */
function noteGuid({ work, entry }: ExportEntry, direction: CardDirection): string {
  return `parallel-reader:${work.slug}:${entry.id}:${direction.front}-${direction.back}`;
}

/**
 * A TSV field as Anki's importer reads it: quoted (quotes doubled) when it
 * holds a tab, a line break or a quote, else as it is.
 */
export function tsvField(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Flashcards for Anki (File › Import): the file headers set the separator,
 * plain text, the column names, a GUID column (re-importing updates the
 * notes) and a tags column (work and category). Columns: front, back, then
 * every field of the entry. An entry without a form on either side makes no card.
 */
export function ankiTsv(entries: readonly ExportEntry[], direction: CardDirection): string {
  const cards = entries.filter(({ entry }) => hasFaces(entry, direction));
  const columns = [...CARD_COLUMNS, "guid", "tags"];
  const header = [
    "#separator:tab",
    "#html:false",
    `#columns:${columns.join("\t")}`,
    `#guid column:${columns.indexOf("guid") + 1}`,
    `#tags column:${columns.indexOf("tags") + 1}`,
  ];
  const rows = cards.map((item) => [...cardRow(item, direction), noteGuid(item, direction), `${item.work.slug} ${item.entry.category}`]);
  return [...header, ...rows.map((row) => row.map(tsvField).join("\t"))].join("\n") + "\n";
}

/** The same cards as CSV (RFC 4180: CRLF, quoted fields), UTF-8 with a byte order mark so that spreadsheets read Cyrillic and kana. */
export function cardsCsv(entries: readonly ExportEntry[], direction: CardDirection): string {
  const cards = entries.filter(({ entry }) => hasFaces(entry, direction));
  const rows = [[...CARD_COLUMNS], ...cards.map((item) => cardRow(item, direction))];
  return BYTE_ORDER_MARK + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/**
 * TBX-Basic's part-of-speech picklist (noun, verb, adjective, adverb, other)
 * has no proper noun: names and abbreviations are nouns, and the title of a
 * source is "other", a phrase by term type.
 */
const TBX_PART_OF_SPEECH: Record<GlossaryEntry["pos"], string> = {
  noun: "noun",
  "noun-phrase": "noun",
  "proper-noun": "noun",
  adjective: "adjective",
  abbreviation: "noun",
  title: "other",
};

/** The term type of an entry's main term, where TBX-Basic's picklist has one. */
const TBX_TERM_TYPE: Partial<Record<GlossaryEntry["pos"], string>> = { abbreviation: "abbreviation", title: "phrase" };

const CATEGORY_NAMES: Record<GlossaryEntry["category"], string> = {
  "japanese-term": "Japanese term",
  "russian-political": "Russian political term",
  person: "person",
  place: "place",
  "document-event-institution": "document, event or institution",
  "source-media": "source or media outlet",
};

/** A conceptEntry id: an XML name (NCName) unique in the file, made of the work's slug and the entry's id. */
export function conceptId(work: string, key: string): string {
  const id = `${work}.${key}`;
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

interface TermSpec {
  term: string;
  notes?: { termType?: string; administrativeStatus?: string };
  /** Free-text notes, in order. */
  remarks?: string[];
}

function termSec(spec: TermSpec, partOfSpeech: string): string {
  const termNotes = [
    element("termNote", { type: "partOfSpeech" }, partOfSpeech),
    spec.notes?.termType ? element("termNote", { type: "termType" }, spec.notes.termType) : "",
    spec.notes?.administrativeStatus ? element("termNote", { type: "administrativeStatus" }, spec.notes.administrativeStatus) : "",
  ];
  const remarks = (spec.remarks ?? []).map((remark) => element("note", {}, xmlText(remark)));
  return element("termSec", {}, [element("term", {}, xmlText(spec.term)), ...termNotes, ...remarks].join(""));
}

/** A language section: its descriptions and notes first, then one termSec per term (TBX requires at least one term). */
function langSec(language: string, terms: TermSpec[], partOfSpeech: string, info: { definition?: string; notes?: string[] } = {}): string {
  if (terms.length === 0) return "";
  const head = [
    info.definition ? element("descrip", { type: "definition" }, xmlText(info.definition)) : "",
    ...(info.notes ?? []).map((note) => element("note", {}, xmlText(note))),
  ];
  return element("langSec", { "xml:lang": language }, [...head, ...terms.map((term) => termSec(term, partOfSpeech))].join(""));
}

/** The first term of a language is the preferred one; the others (variant spellings, short forms) are admitted. */
function ranked(terms: TermSpec[]): TermSpec[] {
  return terms.map((term, index) => ({
    ...term,
    notes: { ...term.notes, administrativeStatus: index === 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts", ...(index > 0 ? { termType: term.notes?.termType ?? "variant" } : {}) },
  }));
}

function conceptEntry({ work, entry }: ExportEntry, labels: Map<string, string>, entryUrl?: (work: string, key: string) => string): string {
  const pos = TBX_PART_OF_SPEECH[entry.pos];
  const mainType = TBX_TERM_TYPE[entry.pos];
  const absence = entry.absentReason ? [entry.absentReason] : [];

  const english = langSec(
    "en",
    ranked(entry.en.map((term, index) => ({ term, notes: index === 0 && mainType ? { termType: mainType } : {} }))),
    pos,
    { definition: entry.glossEn, notes: [`In this article: ${entry.context}`, ...absence] },
  );

  const russianTerms: TermSpec[] = entry.ru
    ? [
        { term: stripStressMarks(entry.ru), remarks: [`With stress marks: ${entry.ru}`], notes: mainType ? { termType: mainType } : {} },
        ...(entry.ruForms ?? []).map((form) => ({ term: form })),
      ]
    : [];
  const russian = langSec("ru", ranked(russianTerms), pos, { definition: entry.glossRu, notes: entry.contextRu ? [`В этой статье: ${entry.contextRu}`] : [] });

  const romanisedRussian = langSec(
    "ru-Latn",
    ranked([
      ...(entry.romanized ? [{ term: entry.romanized, remarks: ["ALA-LC romanization"] }] : []),
      ...(entry.journalistic && entry.journalistic !== entry.romanized ? [{ term: entry.journalistic, remarks: ["Journalistic romanization"] }] : []),
    ]),
    pos,
  );

  const japanese = langSec(
    "ja",
    ranked([
      ...(entry.kanji ? [{ term: entry.kanji, remarks: entry.kana ? [`Reading: ${entry.kana}`] : [] }] : []),
      ...(entry.kana ? [{ term: entry.kana, notes: { termType: "variant" }, remarks: ["Kana spelling"] }] : []),
    ]),
    pos,
  );
  const hepburn = langSec("ja-Latn", ranked(entry.hepburn ? [{ term: entry.hepburn, remarks: ["Modified Hepburn romanization"] }] : []), pos);
  const running = runningPolivanov(entry);
  const polivanov = langSec(
    "ja-Cyrl",
    ranked([
      ...(entry.polivanov ? [{ term: entry.polivanov, remarks: ["Polivanov system, long vowels marked with a colon"] }] : []),
      ...(running && running !== entry.polivanov ? [{ term: running, remarks: ["Polivanov system as written in running text"] }] : []),
    ]),
    pos,
  );

  const head = [
    element("descrip", { type: "subjectField" }, xmlText(CATEGORY_NAMES[entry.category])),
    element("note", {}, xmlText(`From the glossary of ${work.title}`)),
    // A crossReference target is an IDREF: only entries in the same file can be pointed at.
    ...(entry.related ?? []).flatMap((key) => {
      const label = labels.get(`${work.slug}/${key}`);
      return label === undefined ? [] : [element("ref", { type: "crossReference", target: conceptId(work.slug, key) }, xmlText(label))];
    }),
    entryUrl ? element("xref", { type: "externalCrossReference", target: entryUrl(work.slug, entry.id) }, "Glossary entry") : "",
  ];
  return element("conceptEntry", { id: conceptId(work.slug, entry.id) }, [...head, english, russian, romanisedRussian, japanese, hepburn, polivanov].join(""));
}

/** The TBX-Basic dialect's schemas (core structure RELAX NG and the DCA Schematron), for validating tools. */
const TBX_BASIC_SCHEMAS = [
  '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
  '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
  "",
].join("\n");

export interface TbxOptions {
  title: string;
  /** Where each entry can be read on the web, for an external cross-reference. */
  entryUrl?: (work: string, key: string) => string;
}

/**
 * The glossary as a TBX-Basic document (TBX v3, DCA style): one conceptEntry
 * per entry with its category as subject field; a langSec per language and
 * script (en; ru, with the headword without stress marks as the term; ru-Latn
 * for the romanisations; ja for kanji and kana; ja-Latn for Hepburn; ja-Cyrl
 * for Polivanov), each term with its part of speech; definitions from the
 * glosses; cross-references between related entries.
 */
export function glossaryTbx(entries: readonly ExportEntry[], options: TbxOptions): string {
  const labels = new Map(entries.map(({ work, entry }) => [`${work.slug}/${entry.id}`, entry.en[0]!]));
  const works = [...new Map(entries.map(({ work }) => [work.slug, work.title])).values()];
  const sources = works.length > 0 ? works.map((title) => element("p", {}, xmlText(`Glossary of ${title}`))).join("") : element("p", {}, "No entries");
  const header = element("tbxHeader", {}, element("fileDesc", {}, element("titleStmt", {}, element("title", {}, xmlText(options.title))) + element("sourceDesc", {}, sources)));
  // A body holds at least one conceptEntry; an empty glossary has an empty text.
  const text = entries.length > 0 ? `<text>\n<body>\n${entries.map((item) => conceptEntry(item, labels, options.entryUrl)).join("\n")}\n</body>\n</text>` : "<text/>";
  return `${XML_DECLARATION}${TBX_BASIC_SCHEMAS}<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n${header}\n${text}\n</tbx>\n`;
}
