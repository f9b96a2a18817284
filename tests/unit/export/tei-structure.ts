import { XMLParser } from "fast-xml-parser";

/**
 * Checks a TEI document against the content models TEI P5 gives the
 * elements the exporter writes (order and presence of children, empty
 * elements, required attributes), and that every xml:id is unique and every
 * local pointer (#en-12) leads to one. Returns the problems found; none for
 * a valid document.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The node's text with all markup removed. */
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, processEntities: true, parseTagValue: false });
  type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };
  const convert = (raw: Raw): XmlNode | string => {
    if ("#text" in raw) return String(raw["#text"]);
    const name = Object.keys(raw).find((key) => key !== ":@")!;
    const children = (raw[name] as Raw[]).map(convert);
    return {
      name,
      attributes: raw[":@"] ?? {},
      children: children.filter((child): child is XmlNode => typeof child !== "string"),
      text: children.map((child) => (typeof child === "string" ? child : child.text)).join(""),
    };
  };
  const roots = (parser.parse(xml) as Raw[]).map(convert).filter((node): node is XmlNode => typeof node !== "string" && node.name !== "?xml");
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

export function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

const INLINE = ["hi", "ref", "pb"];
/** Children allowed per element (TEI P5 content models, restricted to what may occur here). */
const ALLOWED: Record<string, string[]> = {
  TEI: ["teiHeader", "text"],
  teiHeader: ["fileDesc", "encodingDesc", "profileDesc", "revisionDesc"],
  fileDesc: ["titleStmt", "editionStmt", "extent", "publicationStmt", "seriesStmt", "notesStmt", "sourceDesc"],
  titleStmt: ["title", "author", "editor", "respStmt", "funder", "principal", "sponsor", "meeting"],
  author: ["persName", "name", "surname", "forename"],
  persName: ["surname", "forename", "name"],
  respStmt: ["resp", "name", "persName", "orgName"],
  publicationStmt: ["publisher", "distributor", "authority", "date", "availability", "idno", "pubPlace", "address", "p"],
  availability: ["licence", "p"],
  sourceDesc: ["bibl", "biblStruct", "listBibl", "p"],
  listBibl: ["head", "bibl", "biblStruct"],
  encodingDesc: ["projectDesc", "samplingDecl", "editorialDecl", "appInfo", "p"],
  projectDesc: ["p"],
  appInfo: ["application"],
  application: ["label", "ptr", "ref", "desc", "p"],
  profileDesc: ["langUsage", "textClass", "abstract"],
  langUsage: ["language"],
  text: ["front", "body", "group", "back", "linkGrp"],
  group: ["head", "text", "group"],
  front: ["titlePage", "div", "p"],
  titlePage: ["docTitle", "docAuthor", "byline", "docDate", "docImprint", "titlePart"],
  docTitle: ["titlePart"],
  body: ["div", "p", "head", "listBibl", "note"],
  back: ["div", "listBibl", "linkGrp", "p"],
  div: ["head", "p", "listBibl", "note", "div", "linkGrp"],
  linkGrp: ["link"],
  p: INLINE,
  head: INLINE,
  titlePart: INLINE,
  docAuthor: INLINE,
  note: INLINE,
  hi: INLINE,
  ref: INLINE.filter((name) => name !== "ref"),
  bibl: [...INLINE, "author", "title", "date", "biblScope", "idno", "ptr", "note", "editor", "publisher", "pubPlace"],
};
const EMPTY = new Set(["pb", "link", "ptr"]);
/** Elements that say nothing when empty. */
const WITH_CONTENT = new Set(["title", "titlePart", "head", "docAuthor", "resp", "name", "surname", "forename", "language", "licence", "note", "bibl", "hi", "ref", "label", "distributor", "biblScope", "idno"]);

/** Children that must come first (in this order) when present, and those required. */
const ORDERED: Record<string, { order: string[]; required: string[] }> = {
  TEI: { order: ["teiHeader", "text"], required: ["teiHeader", "text"] },
  teiHeader: { order: ["fileDesc", "encodingDesc", "profileDesc", "revisionDesc"], required: ["fileDesc"] },
  fileDesc: { order: ALLOWED.fileDesc!, required: ["titleStmt", "publicationStmt", "sourceDesc"] },
  text: { order: ["front", "body", "group", "linkGrp", "back"], required: [] },
  respStmt: { order: [], required: ["resp"] },
  titleStmt: { order: [], required: ["title"] },
  docTitle: { order: [], required: ["titlePart"] },
  linkGrp: { order: [], required: ["link"] },
};

export function teiStructureProblems(xml: string): string[] {
  const problems: string[] = [];
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message}`];
  }
  if (root.name !== "TEI") problems.push(`the root is <${root.name}>, not <TEI>`);
  if (root.attributes.xmlns !== "http://www.tei-c.org/ns/1.0") problems.push("the root is not in the TEI namespace");

  const ids = new Map<string, number>();
  for (const node of walk(root)) {
    const where = `<${node.name}${node.attributes["xml:id"] ? ` xml:id="${node.attributes["xml:id"]}"` : ""}>`;
    const allowed = ALLOWED[node.name];
    if (EMPTY.has(node.name)) {
      if (node.children.length || node.text.trim()) problems.push(`${where} must be empty`);
    } else if (!allowed) {
      if (node.children.length) problems.push(`${where} has child elements, which the exporter never writes there`);
    } else {
      for (const child of node.children) if (!allowed.includes(child.name)) problems.push(`${where} may not contain <${child.name}>`);
    }
    const rule = ORDERED[node.name];
    if (rule) {
      for (const name of rule.required) if (!node.children.some((child) => child.name === name)) problems.push(`${where} lacks <${name}>`);
      const positions = node.children.map((child) => rule.order.indexOf(child.name)).filter((position) => position >= 0);
      if (positions.some((position, index) => index > 0 && position < positions[index - 1]!)) problems.push(`${where} has its children out of order`);
    }
    if (WITH_CONTENT.has(node.name) && node.text.trim() === "" && !node.children.some((child) => EMPTY.has(child.name))) problems.push(`${where} is empty`);
    if (node.name === "text" && node.children.filter((child) => child.name === "body" || child.name === "group").length !== 1) problems.push(`${where} must have one <body> or one <group>`);
    if (node.name === "div" || node.name === "listBibl") {
      const firstOther = node.children.findIndex((child) => child.name !== "head");
      if (firstOther >= 0 && node.children.slice(firstOther).some((child) => child.name === "head")) problems.push(`${where} has a <head> after its content`);
    }
    if (node.name === "publicationStmt") {
      const prose = node.children.filter((child) => child.name === "p").length;
      if (prose && prose !== node.children.length) problems.push("<publicationStmt> mixes prose with its parts");
      if (!prose && !["publisher", "distributor", "authority"].includes(node.children[0]?.name ?? "")) problems.push("<publicationStmt> must begin with a publisher, distributor or authority");
    }
    if (node.name === "body" && node.children.length === 0) problems.push("<body> is empty");
    if (node.name === "hi" && !node.attributes.rend) problems.push("<hi> without rend");
    if (node.name === "link" && (node.attributes.target ?? "").split(/\s+/).filter(Boolean).length < 2) problems.push(`<link n="${node.attributes.n}"> has fewer than two targets`);
    if (node.name === "application" && (!node.attributes.ident || !node.attributes.version)) problems.push("<application> needs ident and version");
    if (node.name === "language" && !node.attributes.ident) problems.push("<language> needs ident");
    const id = node.attributes["xml:id"];
    if (id !== undefined) {
      if (!/^[A-Za-z_][\w.-]*$/.test(id)) problems.push(`xml:id "${id}" is not an NCName`);
      ids.set(id, (ids.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of ids) if (count > 1) problems.push(`xml:id "${id}" is used ${count} times`);
  for (const node of walk(root)) {
    for (const attribute of ["target", "decls"]) {
      for (const pointer of (node.attributes[attribute] ?? "").split(/\s+/).filter((value) => value.startsWith("#"))) {
        if (!ids.has(pointer.slice(1))) problems.push(`<${node.name} ${attribute}="${pointer}"> points at nothing`);
      }
    }
  }
  return problems;
}
