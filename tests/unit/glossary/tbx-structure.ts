import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Reads a TBX document into an ordered tree and checks it against the TBX
 * core structure (ISO 30042:2019, TBXcoreStructV03) and the TBX-Basic
 * dialect's data categories (DCA style): the elements, their order and
 * required attributes, the picklists, and that every crossReference leads to
 * a conceptEntry. Returns the problems found; none for a valid document.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseTbx(xml: string): { root: XmlNode; instructions: string[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, processEntities: true, parseTagValue: false, parseAttributeValue: false });
  type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };
  const convert = (raw: Raw): XmlNode | string => {
    if ("#text" in raw) return String(raw["#text"]);
    const name = Object.keys(raw).find((key) => key !== ":@")!;
    const children = ((raw[name] as Raw[] | undefined) ?? []).map(convert);
    return {
      name,
      attributes: raw[":@"] ?? {},
      children: children.filter((child): child is XmlNode => typeof child !== "string"),
      text: children.map((child) => (typeof child === "string" ? child : child.text)).join(""),
    };
  };
  const nodes = (parser.parse(xml) as Raw[]).map(convert).filter((node): node is XmlNode => typeof node !== "string");
  const roots = nodes.filter((node) => !node.name.startsWith("?"));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return { root: roots[0]!, instructions: nodes.filter((node) => node.name.startsWith("?")).map((node) => node.name) };
}

const PICKLISTS: Record<string, readonly string[]> = {
  partOfSpeech: ["noun", "verb", "adjective", "adverb", "other"],
  termType: ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
  administrativeStatus: ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"],
};
const TERM_NOTES = new Set([...Object.keys(PICKLISTS), "grammaticalGender", "geographicalUsage", "termLocation"]);
const AUX_INFO = new Set(["admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"]);
/** Where TBX-Basic allows each descrip type. */
const DESCRIP_LEVELS: Record<string, readonly string[]> = { subjectField: ["conceptEntry"], definition: ["conceptEntry", "langSec"], context: ["termSec"] };
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

export function tbxProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  const expect = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  const names = (node: XmlNode) => node.children.map((child) => child.name);

  expect(root.name === "tbx", `the root is <${root.name}>, not <tbx>`);
  expect(root.attributes.type === "TBX-Basic", "tbx/@type is not TBX-Basic");
  expect(root.attributes.style === "dca", "tbx/@style is not dca");
  expect(root.attributes["xml:lang"] === "en", "tbx/@xml:lang is missing");
  expect(root.attributes.xmlns === "urn:iso:std:iso:30042:ed-2", "tbx is not in the TBX namespace");
  expect(names(root).join(",") === "tbxHeader,text", `tbx holds ${names(root).join(",")}, not tbxHeader then text`);

  const header = root.children.find((child) => child.name === "tbxHeader");
  const fileDesc = header?.children[0];
  expect(fileDesc?.name === "fileDesc", "tbxHeader does not begin with fileDesc");
  if (fileDesc) {
    expect(/^(publicationStmt,)?(titleStmt,)?(sourceDesc,?)+$/.test(names(fileDesc).join(",")), `fileDesc holds ${names(fileDesc).join(",")}`);
    for (const sourceDesc of fileDesc.children.filter((child) => child.name === "sourceDesc")) {
      expect(sourceDesc.children.length > 0 && sourceDesc.children.every((child) => child.name === "p"), "a sourceDesc holds no <p>");
    }
  }

  const text = root.children.find((child) => child.name === "text");
  const body = text?.children.find((child) => child.name === "body");
  const entries = body?.children ?? [];
  if (body) expect(entries.length > 0 && entries.every((entry) => entry.name === "conceptEntry"), "body holds something other than conceptEntry, or nothing");
  const ids = new Set<string>();

  for (const entry of entries) {
    const id = entry.attributes.id ?? "";
    expect(NCNAME.test(id), `conceptEntry id "${id}" is not an XML name`);
    expect(!ids.has(id), `conceptEntry id "${id}" is used twice`);
    ids.add(id);
    const children = names(entry);
    const firstLangSec = children.indexOf("langSec");
    expect(firstLangSec >= 0, `${id}: no langSec`);
    expect(children.slice(0, firstLangSec).every((name) => AUX_INFO.has(name)) && children.slice(firstLangSec).every((name) => name === "langSec"), `${id}: holds ${children.join(",")}`);
    checkAux(entry, "conceptEntry", id);
    for (const langSec of entry.children.filter((child) => child.name === "langSec")) {
      const language = langSec.attributes["xml:lang"] ?? "";
      expect(LANGUAGE_TAG.test(language), `${id}: langSec xml:lang "${language}" is not a language tag`);
      expect(langSec.children.every((child) => child.name === "termSec" || AUX_INFO.has(child.name)), `${id}/${language}: holds ${names(langSec).join(",")}`);
      expect(langSec.children.some((child) => child.name === "termSec"), `${id}/${language}: no termSec`);
      checkAux(langSec, "langSec", `${id}/${language}`);
      for (const termSec of langSec.children.filter((child) => child.name === "termSec")) {
        const parts = names(termSec);
        expect(parts[0] === "term" && parts.filter((name) => name === "term").length === 1, `${id}/${language}: termSec holds ${parts.join(",")}`);
        expect(termSec.children[0]?.text.trim() !== "", `${id}/${language}: an empty term`);
        const notesEnd = parts.findIndex((name, index) => index > 0 && name !== "termNote" && name !== "termNoteGrp");
        expect((notesEnd === -1 ? [] : parts.slice(notesEnd)).every((name) => AUX_INFO.has(name)), `${id}/${language}: termSec holds ${parts.join(",")}`);
        const notes = termSec.children.filter((child) => child.name === "termNote");
        expect(notes.some((note) => note.attributes.type === "partOfSpeech"), `${id}/${language}: a term without partOfSpeech`);
        for (const note of notes) {
          const type = note.attributes.type ?? "";
          expect(TERM_NOTES.has(type), `${id}/${language}: termNote type "${type}" is not a TBX-Basic data category`);
          if (PICKLISTS[type]) expect(PICKLISTS[type]!.includes(note.text), `${id}/${language}: ${type} "${note.text}" is not in TBX-Basic's picklist`);
        }
        checkAux(termSec, "termSec", `${id}/${language}`);
      }
    }
  }
  for (const entry of entries) {
    for (const ref of entry.children.filter((child) => child.name === "ref")) {
      expect(ids.has(ref.attributes.target ?? ""), `${entry.attributes.id}: crossReference to "${ref.attributes.target}", which is no conceptEntry`);
    }
  }
  return problems;

  function checkAux(node: XmlNode, level: string, where: string) {
    for (const child of node.children) {
      if (child.name === "descrip") {
        const type = child.attributes.type ?? "";
        expect(DESCRIP_LEVELS[type]?.includes(level) ?? false, `${where}: descrip type "${type}" is not allowed in ${level}`);
      }
      if (child.name === "ref") expect(child.attributes.type === "crossReference", `${where}: ref of type "${child.attributes.type}"`);
      if (child.name === "xref") {
        expect(child.attributes.type === "externalCrossReference", `${where}: xref of type "${child.attributes.type}"`);
        expect(/^https?:\/\//.test(child.attributes.target ?? ""), `${where}: xref target "${child.attributes.target}" is not an http(s) URL`);
      }
    }
  }
}
