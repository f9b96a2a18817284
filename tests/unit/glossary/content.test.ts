import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEditionFile, type SourceParagraph } from "@/lib/content/edition-file";
import { compileGlossary, findGlossaryMatches, type GlossaryMatch, type MatchLanguage } from "@/lib/glossary/match";
import { parseGlossary } from "@/lib/glossary/schema";
import { tokenize, type Token } from "@/lib/glossary/text";

const WORK = "content/streltsov-2018";
const entries = parseGlossary(readFileSync(`${WORK}/glossary.yaml`, "utf8"), "glossary.yaml");
const glossary = compileGlossary(entries);

function edition(language: MatchLanguage): SourceParagraph[] {
  return parseEditionFile(readFileSync(`${WORK}/${language}.txt`, "utf8"), `${language}.txt`).paragraphs;
}

function entriesFound(paragraphs: readonly SourceParagraph[], language: MatchLanguage): Set<string> {
  return new Set(paragraphs.flatMap((paragraph) => findGlossaryMatches(glossary, paragraph.text, language).map((match) => match.entryId)));
}

const english = edition("en");
const russianExists = existsSync(`${WORK}/ru.txt`);

describe("the glossary of streltsov-2018", () => {
  it("has enough entries in every category", () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(entries.map((entry) => entry.category));
    expect([...categories].sort()).toEqual(["document-event-institution", "japanese-term", "person", "place", "russian-political", "source-media"]);
  });

  it("finds every entry in the English edition unless it is marked absent", () => {
    const found = entriesFound(english, "en");
    const missing = entries.filter((entry) => entry.inEnglish !== false && !found.has(entry.id)).map((entry) => entry.id);
    expect(missing).toEqual([]);
  });

  it.skipIf(!russianExists)("finds every entry in the Russian edition unless it is marked absent", () => {
    const found = entriesFound(edition("ru"), "ru");
    const missing = entries.filter((entry) => entry.inRussian !== false && !found.has(entry.id)).map((entry) => entry.id);
    expect(missing).toEqual([]);
  });

  it("gives every reference title an entry that names its reference", () => {
    const keys = english.flatMap((paragraph) => (paragraph.refKey ? [paragraph.refKey] : []));
    const titled = entries.flatMap((entry) => (entry.reference ? [entry.reference] : []));
    expect(titled.toSorted()).toEqual(keys.toSorted());
  });

  it("matches the whole article well within 100 ms", () => {
    const editions: [SourceParagraph[], MatchLanguage][] = [[english, "en"]];
    if (russianExists) editions.push([edition("ru"), "ru"]);
    const matchAll = () => {
      for (const [paragraphs, language] of editions) for (const paragraph of paragraphs) findGlossaryMatches(glossary, paragraph.text, language);
    };
    matchAll();
    const start = performance.now();
    matchAll();
    expect(performance.now() - start).toBeLessThan(100);
  });
});

/**
 * The scan for romanised words without an entry. Outside the bracketed English
 * translations and the URLs, the English edition shows Japanese and Russian in
 * Latin letters in four places: emphasised words (*hikiwake*), citation labels
 * ([Sinzo Abe predlozhil... 2016]), the references (author, romanised title,
 * outlet) and capitalised names inside sentences. Every such word must lie in
 * a glossary match or be a real English word listed in english-words.txt.
 */
describe("the romanisation scan of the English edition", () => {
  const englishWords = new Set(
    readFileSync("tests/unit/glossary/english-words.txt", "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );

  it("finds no romanised word without a glossary entry", () => {
    const unexplained = new Set<string>();
    for (const paragraph of english) {
      const matches = findGlossaryMatches(glossary, paragraph.text, "en");
      for (const word of scannedWords(paragraph)) {
        if (/^\p{N}+$/u.test(word.text) || englishWords.has(word.text) || covered(word, matches)) continue;
        unexplained.add(`${paragraph.id}: ${word.text}`);
      }
    }
    expect([...unexplained]).toEqual([]);
  });

  it("would report a romanised word without an entry", () => {
    const paragraph = parseEditionFile("[1 body]\nThe *kantei* told Moscow about Nagatacho.\n", "en.txt").paragraphs[0]!;
    const words = scannedWords(paragraph).filter((word) => !covered(word, findGlossaryMatches(glossary, paragraph.text, "en")));
    expect(words.map((word) => word.text)).toEqual(["kantei", "Nagatacho"]);
  });
});

function covered(word: Token, matches: readonly GlossaryMatch[]): boolean {
  return matches.some((match) => match.start <= word.start && word.end <= match.end);
}

// A URL printed without its angle brackets continues as a hyphenated slug (reference 60).
const URL_SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+){3,}$/u;
const SENTENCE_END = /(?:^|[.!?:…])$/u;
const OPENING_PUNCTUATION = /[\s"'“‘«(\[]+$/u;

/** The words of a paragraph that may be romanised Japanese or Russian. */
function scannedWords(paragraph: SourceParagraph): Token[] {
  const { text } = paragraph;
  const words = tokenize(text);
  const inside = (word: Token, spans: readonly { start: number; end: number }[]) => spans.some((span) => span.start <= word.start && word.end <= span.end);
  const emphasis = paragraph.marks.filter((mark) => mark.type === "em");
  const citations = paragraph.marks.filter((mark) => mark.type === "cite");

  if (paragraph.kind === "reference") {
    const excluded = [
      ...Array.from(text.matchAll(/\[[^\]]*\]|<[^>]*>/g), (match) => ({ start: match.index, end: match.index + match[0].length })),
      ...Array.from(text.matchAll(/\S+/g), (match) => ({ start: match.index, end: match.index + match[0].length })).filter((chunk) =>
        URL_SLUG.test(text.slice(chunk.start, chunk.end)),
      ),
    ];
    return words.filter((word) => !inside(word, excluded));
  }
  return words.filter((word) => {
    if (inside(word, emphasis) || inside(word, citations)) return true;
    if (!/^\p{Lu}/u.test(word.text)) return false;
    const before = text.slice(0, word.start).replace(OPENING_PUNCTUATION, "");
    return !SENTENCE_END.test(before);
  });
}
