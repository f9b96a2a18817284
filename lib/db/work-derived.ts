/**
 * What is derived from a work's text and alignment, and must follow every
 * change to them: where each glossary entry occurs, the sentences of each
 * unit aligned across the editions, the search index, and the work's
 * updatedAt (the reader's caches and the API's ETags key on it). The content
 * import, the edition importer and the alignment editor all go through
 * refreshWork, inside the transaction that made the change.
 */
import { alignUnitSentences, editionLengthModel, type UnitSentence } from "../align/unit-sentences.ts";
import { glossaryLexicon } from "../glossary/lexicon.ts";
import { compileGlossary, findGlossaryMatches, type MatchLanguage } from "../glossary/match.ts";
import type { GlossaryEntry } from "../glossary/schema.ts";
import { isLanguage } from "../text/language.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { indexWork } from "./search-index.ts";

type Transaction = Prisma.TransactionClient;

export interface RefreshScope {
  /** Paragraphs whose text is new: their glossary occurrences are found again. All of the work's when absent. */
  paragraphIds?: number[];
  /** Units whose paragraphs changed: their sentences are aligned again. All of the work's when absent. */
  unitIds?: number[];
}

/** The glossary entries of a work, as written in its glossary file. */
export async function workGlossary(tx: Transaction, workId: number): Promise<{ id: number; entry: GlossaryEntry }[]> {
  const rows = await tx.glossaryEntry.findMany({ where: { workId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
  return rows.map((row) => ({ id: row.id, entry: row.data as unknown as GlossaryEntry }));
}

function isMatchLanguage(language: string): language is MatchLanguage {
  return language === "en" || language === "ru";
}

/** Finds every glossary entry in the paragraphs (of the editions it can be matched in), replacing what was stored. */
export async function writeOccurrences(tx: Transaction, workId: number, paragraphIds?: number[]): Promise<void> {
  const where = { edition: { workId }, ...(paragraphIds ? { id: { in: paragraphIds } } : {}) };
  await tx.glossaryOccurrence.deleteMany({ where: { paragraph: where } });
  const glossary = await workGlossary(tx, workId);
  if (glossary.length === 0) return;
  const entryIds = new Map(glossary.map(({ id, entry }) => [entry.id, id]));
  const compiled = compileGlossary(glossary.map(({ entry }) => entry));
  const paragraphs = await tx.paragraph.findMany({ where, orderBy: { id: "asc" }, select: { id: true, text: true, edition: { select: { language: true } } } });
  const occurrences = paragraphs.flatMap((paragraph) => {
    const language = paragraph.edition.language;
    if (!isMatchLanguage(language)) return [];
    return findGlossaryMatches(compiled, paragraph.text, language).map((match) => ({ entryId: entryIds.get(match.entryId)!, paragraphId: paragraph.id, start: match.start, end: match.end }));
  });
  await tx.glossaryOccurrence.createMany({ data: occurrences });
}

/**
 * The sentences of the units' paragraphs, aligned inside each unit so that
 * the reader can show a sentence's counterpart. Needs exactly two editions in
 * languages the aligner knows; otherwise no sentences are stored.
 */
export async function writeSentences(tx: Transaction, workId: number, unitIds?: number[]): Promise<void> {
  const unitFilter = unitIds ? { unitId: { in: unitIds } } : {};
  await tx.sentence.deleteMany({ where: { paragraph: { edition: { workId }, ...unitFilter } } });
  const editions = await tx.edition.findMany({ where: { workId }, orderBy: { id: "asc" }, select: { id: true, language: true } });
  const [source, target] = editions;
  if (editions.length !== 2 || !source || !target || !isLanguage(source.language) || !isLanguage(target.language)) return;

  const paragraphs = await tx.paragraph.findMany({ where: { edition: { workId } }, orderBy: [{ ordinal: "asc" }], select: { id: true, editionId: true, unitId: true, text: true } });
  const options = {
    sourceLanguage: source.language,
    targetLanguage: target.language,
    lexicon: glossaryLexicon((await workGlossary(tx, workId)).map(({ entry }) => entry)),
  };
  const of = (editionId: number) => paragraphs.filter((paragraph) => paragraph.editionId === editionId);
  const lengthModel = editionLengthModel(of(source.id).map((paragraph) => paragraph.text), of(target.id).map((paragraph) => paragraph.text), options);

  const byUnit = new Map<number, { source: typeof paragraphs; target: typeof paragraphs }>();
  for (const paragraph of paragraphs) {
    if (unitIds && !unitIds.includes(paragraph.unitId)) continue;
    const unit = byUnit.get(paragraph.unitId) ?? { source: [], target: [] };
    (paragraph.editionId === source.id ? unit.source : unit.target).push(paragraph);
    byUnit.set(paragraph.unitId, unit);
  }
  const rows: Prisma.SentenceCreateManyInput[] = [];
  for (const unit of byUnit.values()) {
    const aligned = alignUnitSentences(unit.source.map((paragraph) => paragraph.text), unit.target.map((paragraph) => paragraph.text), { ...options, lengthModel });
    const collect = (members: typeof paragraphs, sentences: UnitSentence[]) => {
      const ordinals = new Map<number, number>();
      for (const sentence of sentences) {
        const paragraphId = members[sentence.paragraph]!.id;
        const ordinal = (ordinals.get(paragraphId) ?? 0) + 1;
        ordinals.set(paragraphId, ordinal);
        rows.push({ paragraphId, ordinal, start: sentence.start, end: sentence.end, bead: sentence.bead });
      }
    };
    collect(unit.source, aligned.source);
    collect(unit.target, aligned.target);
  }
  await tx.sentence.createMany({ data: rows });
}

/**
 * Brings everything derived from a work up to date after a change to its
 * paragraphs or alignment, and moves its updatedAt on.
 */
export async function refreshWork(tx: Transaction, workId: number, scope: RefreshScope = {}): Promise<void> {
  if (!scope.paragraphIds || scope.paragraphIds.length > 0) await writeOccurrences(tx, workId, scope.paragraphIds);
  if (!scope.unitIds || scope.unitIds.length > 0) await writeSentences(tx, workId, scope.unitIds);
  await indexWork(tx, workId);
  await tx.work.update({ where: { id: workId }, data: { updatedAt: new Date() } });
}
