import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { teiDocument } from "@/lib/export/tei";
import { parseXml, teiStructureProblems, walk, type XmlNode } from "./tei-structure";
import { workFromContent } from "./work-fixture";

const article = workFromContent("content/streltsov-2018");
const hostile = workFromContent("tests/fixtures/content/hostile-markup");
const tei = teiDocument(article);
const root = parseXml(tei);
const byId = new Map([...walk(root)].filter((node) => node.attributes["xml:id"]).map((node) => [node.attributes["xml:id"]!, node]));
const paragraphs = (work: typeof article, language: string) => work.units.flatMap((unit) => unit.paragraphs[language] ?? []);
const find = (node: XmlNode, name: string) => [...walk(node)].filter((candidate) => candidate.name === name);

describe("the TEI export", () => {
  it("has the structure TEI P5 requires of the elements it uses", () => {
    expect(teiStructureProblems(tei)).toEqual([]);
    expect(teiStructureProblems(teiDocument(hostile))).toEqual([]);
  });

  it("catches a broken document (the structure check can fail)", () => {
    expect(teiStructureProblems(tei.replace("<sourceDesc>", "<sourceDescX>").replace("</sourceDesc>", "</sourceDescX>"))).toContain("<fileDesc> lacks <sourceDesc>");
    expect(teiStructureProblems(tei.replace('target="#en-1 #ru-1"', 'target="#en-1 #ru-999"'))).toContain('<link target="#ru-999"> points at nothing');
    expect(teiStructureProblems(tei.replace('xml:id="ru-2"', 'xml:id="ru-1"'))).toContain('xml:id "ru-1" is used 2 times');
    expect(teiStructureProblems(tei.replace("<p xml:id=\"en-3\">", "<p xml:id=\"en-3\"><div/>"))[0]).toMatch(/may not contain <div>/);
  });

  it("describes both editions in the header, saying which text is the project's translation and omitting unknown facts", () => {
    const header = find(root, "teiHeader")[0]!;
    const [en, ru] = find(header, "sourceDesc")[0]!.children[0]!.children;
    expect(en!.attributes).toMatchObject({ "xml:id": "source-en", "xml:lang": "en" });
    expect(find(en!, "title").map((title) => `${title.attributes.level}:${title.text}`)).toEqual([`a:${article.editions[0]!.title}`, "j:Russian Japanology Review"]);
    expect(find(en!, "biblScope")).toEqual([]);
    expect(find(en!, "idno")).toEqual([]);
    expect(find(ru!, "biblScope").map((scope) => scope.attributes)).toEqual([{ unit: "issue" }, { unit: "page", from: "70", to: "85" }]);
    const status = (bibl: XmlNode) => find(bibl, "note").find((note) => note.attributes.type === "status")!.text;
    expect(status(ru!)).toContain("the project's own translation, not the published wording");
    expect(status(en!)).toContain("published wording");
    expect(find(header, "respStmt")[0]!.text).toContain("Translation into Russian");
    expect(find(header, "licence").map((licence) => licence.text)).toEqual(["English edition: CC BY"]);
  });

  it("gives each edition as a text of the group with an xml:id per paragraph and the text intact", () => {
    const texts = find(root, "group")[0]!.children;
    expect(texts.map((text) => text.attributes["xml:lang"])).toEqual(["en", "ru"]);
    for (const language of ["en", "ru"]) {
      for (const paragraph of paragraphs(article, language)) {
        const node = byId.get(`${language}-${paragraph.ordinal}`);
        expect(node, `${language}-${paragraph.ordinal}`).toBeDefined();
        expect(node!.text).toBe(paragraph.text);
        expect(find(node!, "pb")).toHaveLength(paragraph.pageBreaks.length);
        expect(find(node!, "hi")).toHaveLength(paragraph.marks.filter((mark) => mark.type === "em").length);
      }
    }
  });

  it("writes headings as head, references as bibl in a listBibl, citations as ref to them, and page breaks as pb", () => {
    const headings = paragraphs(article, "en").filter((paragraph) => paragraph.kind === "heading");
    for (const heading of headings) expect(byId.get(`en-${heading.ordinal}`)!.name).toBe("head");
    const references = paragraphs(article, "ru").filter((paragraph) => paragraph.kind === "reference");
    for (const reference of references) {
      const node = byId.get(`ru-${reference.ordinal}`)!;
      expect(node.name).toBe("bibl");
      expect(node.attributes.n).toBe(reference.refKey);
    }
    const citation = find(byId.get("en-35")!, "ref").find((ref) => ref.text === "[Batin Yu. 2017]")!;
    expect(byId.get(citation.attributes.target!.slice(1))!.attributes.n).toBe("batin-2017");
    const pageBreaks = find(root, "pb");
    expect(pageBreaks.length).toBe(paragraphs(article, "en").reduce((sum, paragraph) => sum + paragraph.pageBreaks.length, 0));
    expect(pageBreaks.every((pb) => pb.attributes.n === undefined)).toBe(true);
  });

  it("numbers a page break where the page is known", () => {
    const work = workFromContent("content/streltsov-2018");
    work.units[9]!.paragraphs.ru![0]!.pageBreaks = [{ offset: 5, page: 72 }];
    expect(teiDocument(work)).toMatch(/<p xml:id="ru-10">[^<]{5}<pb n="72"\/>/);
  });

  it("links the paragraphs of every unit, and leaves out a unit with one side", () => {
    const links = find(root, "link");
    expect(find(root, "linkGrp")[0]!.attributes.type).toBe("alignment");
    expect(links).toHaveLength(article.units.length);
    expect(links[2]!.attributes).toEqual({ n: "3", target: "#en-3 #ru-3" });
    const hostileLinks = find(parseXml(teiDocument(hostile)), "link").map((link) => link.attributes.n);
    expect(hostileLinks).toEqual(["1", "2"]);
  });

  it("keeps markup in content as text", () => {
    const xml = teiDocument(hostile);
    expect(xml).toContain("&lt;script&gt;window.__injected = true&lt;/script&gt;");
    expect(byId.size).toBeGreaterThan(0);
    expect(parseXml(xml).text).toContain('<a href="javascript:alert(1)">this anchor</a> & an ampersand');
  });
});

/** TEI's own RelaxNG schema, where a machine has it (Debian does not package it; point TEI_RELAXNG at tei_all.rng). */
const schema = process.env.TEI_RELAXNG ?? "/usr/share/xml/tei/schema/relaxng/tei_all.rng";
const jing = spawnSync("jing", [], { encoding: "utf8" }).error ? null : "jing";
const skipReason = !jing ? "jing is not installed (apt-get install jing)" : !existsSync(schema) ? `no TEI RelaxNG schema at ${schema} (set TEI_RELAXNG to tei_all.rng)` : null;

describe("the TEI export against TEI's RelaxNG schema", () => {
  it.skipIf(skipReason !== null)(`validates with jing${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tei-"));
    try {
      const file = path.join(folder, "work.tei.xml");
      writeFileSync(file, tei);
      expect(() => execFileSync(jing!, [schema, file], { encoding: "utf8" })).not.toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
