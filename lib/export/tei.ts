/**
 * A work as a TEI P5 document: the editions' bibliographic facts in the
 * teiHeader, each edition as a <text> of a <group> (front matter, body
 * sections, references in the back), an xml:id per paragraph as in the
 * reader's permalinks (en-12), and the alignment as a linkGrp.
 */
import type { InlineMark, PageBreak } from "../content/inline.ts";
import type { EditionSummary, ReaderParagraph, ReaderWork } from "../db/reader.ts";
import { buildInlineTree, type InlineNode } from "../reader/inline-tree.ts";
import { EXPORT_TOOL } from "./tool.ts";
import { attributes, element, XML_DECLARATION, xmlText } from "./xml.ts";

export const TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0";

const FRONT_KINDS = new Set(["title", "author", "abstract", "keywords"]);

const englishName = (language: string) => new Intl.DisplayNames(["en"], { type: "language" }).of(language) ?? language;

/** The permalink id of a paragraph, also its xml:id. */
export const paragraphId = (language: string, ordinal: number) => `${language}-${ordinal}`;

function authorName(author: EditionSummary["authors"][number]): string {
  return element("persName", {}, element("surname", {}, xmlText(author.family)) + (author.given ? element("forename", {}, xmlText(author.given)) : ""));
}

function editionLabel(edition: EditionSummary): string {
  return `the ${englishName(edition.language)} edition`;
}

/** One edition's bibliographic facts; only the known ones. */
function sourceBibl(edition: EditionSummary): string {
  const parts = [
    ...edition.authors.map((author) => element("author", {}, authorName(author))),
    element("title", { level: edition.journal ? "a" : "m" }, xmlText(edition.title)),
    edition.journal ? element("title", { level: "j" }, xmlText(edition.journal)) : "",
    edition.year !== null ? element("date", { when: String(edition.year).padStart(4, "0") }, String(edition.year)) : "",
    edition.volume ? element("biblScope", { unit: "volume" }, xmlText(edition.volume)) : "",
    edition.issue ? element("biblScope", { unit: "issue" }, xmlText(edition.issue)) : "",
    edition.pageRange ? element("biblScope", { unit: "page", ...pageRangeAttributes(edition.pageRange) }, xmlText(edition.pageRange)) : "",
    edition.doi ? element("idno", { type: "DOI" }, xmlText(edition.doi)) : "",
    edition.url ? element("ptr", { target: edition.url }) : "",
    edition.licence ? element("note", { type: "licence" }, xmlText(edition.licence)) : "",
    edition.status === "project-translation"
      ? element(
          "note",
          { type: "status" },
          `The text of ${editionLabel(edition)} in this file is the project's own translation, not the published wording of this edition. Quote the printed edition.`,
        )
      : element("note", { type: "status" }, `The text of ${editionLabel(edition)} in this file is the published wording.`),
    edition.note ? element("note", {}, xmlText(edition.note)) : "",
  ];
  return element("bibl", { "xml:id": `source-${edition.language}`, "xml:lang": edition.language }, parts.join(""));
}

function pageRangeAttributes(range: string): { from?: string; to?: string } {
  const [from, to] = range.split("–");
  return { from, to: to ?? from };
}

function teiHeader(work: ReaderWork): string {
  const translated = work.editions.filter((edition) => edition.status === "project-translation");
  const licences = work.editions.filter((edition) => edition.licence);
  const titleStmt = element(
    "titleStmt",
    {},
    element("title", {}, xmlText(work.title)) +
      work.editions
        .flatMap((edition) => edition.authors.map((author) => element("author", { "xml:lang": edition.language }, authorName(author))))
        .join("") +
      translated
        .map((edition) => element("respStmt", {}, element("resp", {}, `Translation into ${xmlText(englishName(edition.language))}`) + element("name", {}, xmlText(EXPORT_TOOL.name))))
        .join(""),
  );
  const publicationStmt = element(
    "publicationStmt",
    {},
    element("distributor", {}, xmlText(EXPORT_TOOL.name)) +
      element("date", { when: work.updatedAt.toISOString() }, `Content last changed ${work.updatedAt.toISOString().slice(0, 10)}`) +
      (licences.length
        ? element("availability", {}, licences.map((edition) => element("licence", {}, `${xmlText(englishName(edition.language))} edition: ${xmlText(edition.licence!)}`)).join(""))
        : ""),
  );
  const sourceDesc = element("sourceDesc", {}, element("listBibl", {}, work.editions.map(sourceBibl).join("")));
  const encodingDesc = element(
    "encodingDesc",
    {},
    element(
      "projectDesc",
      {},
      element(
        "p",
        {},
        "The editions are aligned paragraph by paragraph. Each paragraph's xml:id is its language and number, as in the reader's permalinks. " +
          "The linkGrp of type alignment links the paragraphs of each alignment unit (n is the unit's number); a unit with paragraphs in one edition only has no link.",
      ),
    ) + element("appInfo", {}, element("application", { ident: "parallel-reader", version: EXPORT_TOOL.version }, element("label", {}, xmlText(EXPORT_TOOL.name)))),
  );
  const profileDesc = element(
    "profileDesc",
    {},
    element("langUsage", {}, work.editions.map((edition) => element("language", { ident: edition.language }, xmlText(englishName(edition.language)))).join("")),
  );
  return element("teiHeader", {}, element("fileDesc", {}, titleStmt + publicationStmt + sourceDesc) + encodingDesc + profileDesc);
}

/** A paragraph's inline content: emphasis, citations, URLs and page breaks as TEI. */
function inline(language: string, paragraph: ReaderParagraph, references: Map<string, number>): string {
  const tree = buildInlineTree<InlineMark, PageBreak>(
    paragraph.text,
    paragraph.marks.map((mark) => ({ start: mark.start, end: mark.end, layer: mark.type === "em" ? 1 : 0, data: mark })),
    paragraph.pageBreaks.map((pageBreak) => ({ offset: pageBreak.offset, data: pageBreak })),
  );
  const render = (nodes: InlineNode<InlineMark, PageBreak>[]): string =>
    nodes
      .map((node) => {
        if (node.type === "text") return xmlText(node.text);
        if (node.type === "point") return element("pb", { n: node.data.page ?? undefined });
        const content = render(node.children);
        const mark = node.data;
        if (mark.type === "em") return element("hi", { rend: "italic" }, content);
        if (mark.type === "url") return element("ref", { target: mark.href }, content);
        const target = references.get(mark.ref);
        return element("ref", { type: "citation", target: target === undefined ? undefined : `#${paragraphId(language, target)}` }, content);
      })
      .join("");
  return render(tree);
}

/** One edition as a TEI <text>: front matter, body sections, and sections of references and notes in the back. */
function editionText(edition: EditionSummary, paragraphs: ReaderParagraph[]): string {
  const { language } = edition;
  const references = new Map(paragraphs.filter((paragraph) => paragraph.refKey).map((paragraph) => [paragraph.refKey!, paragraph.ordinal]));
  const id = (paragraph: ReaderParagraph) => paragraphId(language, paragraph.ordinal);
  const content = (paragraph: ReaderParagraph) => inline(language, paragraph, references);

  const front = paragraphs.filter((paragraph) => paragraph.section === 0 && FRONT_KINDS.has(paragraph.kind));
  const titlePage = front
    .filter((paragraph) => paragraph.kind === "title" || paragraph.kind === "author")
    .map((paragraph) =>
      paragraph.kind === "title"
        ? element("docTitle", {}, element("titlePart", { "xml:id": id(paragraph) }, content(paragraph)))
        : element("docAuthor", { "xml:id": id(paragraph) }, content(paragraph)),
    )
    .join("");
  const frontDivs = (["abstract", "keywords"] as const)
    .map((kind) => {
      const members = front.filter((paragraph) => paragraph.kind === kind);
      return members.length ? element("div", { type: kind }, members.map((paragraph) => element("p", { "xml:id": id(paragraph) }, content(paragraph))).join("")) : "";
    })
    .join("");

  const sections = new Map<number, ReaderParagraph[]>();
  for (const paragraph of paragraphs.filter((candidate) => !front.includes(candidate))) {
    sections.set(paragraph.section, [...(sections.get(paragraph.section) ?? []), paragraph]);
  }
  const body: string[] = [];
  const back: string[] = [];
  for (const [section, members] of sections) {
    const matter = members.filter((paragraph) => paragraph.kind !== "heading");
    const isBackMatter = matter.length > 0 && matter.every((paragraph) => paragraph.kind === "reference" || paragraph.kind === "note");
    const hasReferences = matter.some((paragraph) => paragraph.kind === "reference");
    const parts: string[] = [];
    let bibls: string[] = [];
    const closeBibls = () => {
      if (bibls.length) parts.push(element("listBibl", {}, bibls.join("")));
      bibls = [];
    };
    for (const paragraph of members) {
      if (paragraph.kind === "reference") {
        bibls.push(element("bibl", { "xml:id": id(paragraph), n: paragraph.refKey }, content(paragraph)));
        continue;
      }
      closeBibls();
      if (paragraph.kind === "heading") parts.push(element("head", { "xml:id": id(paragraph) }, content(paragraph)));
      else if (paragraph.kind === "note") parts.push(element("note", { "xml:id": id(paragraph) }, content(paragraph)));
      else parts.push(element("p", { "xml:id": id(paragraph) }, content(paragraph)));
    }
    closeBibls();
    const div = element("div", { type: isBackMatter && hasReferences ? "references" : isBackMatter ? "notes" : "section", n: section }, parts.join(""));
    (isBackMatter ? back : body).push(div);
  }

  return element(
    "text",
    { "xml:lang": language, "xml:id": `text-${language}`, decls: `#source-${language}`, type: edition.status },
    (titlePage || frontDivs ? element("front", {}, (titlePage ? element("titlePage", {}, titlePage) : "") + frontDivs) : "") +
      element("body", {}, body.length ? body.join("") : element("p", {})) +
      (back.length ? element("back", {}, back.join("")) : ""),
  );
}

/** The alignment: one link per unit that has paragraphs in at least two editions; nothing when no unit has. */
function alignment(work: ReaderWork): string {
  const links = work.units
    .map((unit) => {
      const targets = Object.entries(unit.paragraphs).flatMap(([language, paragraphs]) => paragraphs.map((paragraph) => `#${paragraphId(language, paragraph.ordinal)}`));
      const editions = Object.values(unit.paragraphs).filter((paragraphs) => paragraphs.length > 0).length;
      return editions >= 2 ? element("link", { n: unit.ordinal, target: targets.join(" ") }) : "";
    })
    .join("");
  return links && element("linkGrp", { type: "alignment" }, links);
}

export function teiDocument(work: ReaderWork): string {
  const paragraphsOf = (language: string) => work.units.flatMap((unit) => unit.paragraphs[language] ?? []).sort((a, b) => a.ordinal - b.ordinal);
  const group = element("group", {}, work.editions.map((edition) => editionText(edition, paragraphsOf(edition.language))).join(""));
  const linkGrp = alignment(work);
  return `${XML_DECLARATION}<TEI${attributes({ xmlns: TEI_NAMESPACE, "xml:lang": "en" })}>${teiHeader(work)}${element(
    "text",
    {},
    group + (linkGrp && element("back", {}, linkGrp)),
  )}</TEI>\n`;
}
