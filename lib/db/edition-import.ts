/**
 * Stores a new edition of a work, or a new text for an existing edition
 * (--replace), aligned against the work's other edition: one transaction,
 * glossary occurrences, sentences and the search index kept current.
 */
import type { EditionStatus } from "../content/work-file.ts";
import type { InlineMark } from "../content/inline.ts";
import type { ParagraphKind } from "../content/paragraph.ts";
import { glossaryLexicon } from "../glossary/lexicon.ts";
import { IngestError } from "../ingest/errors.ts";
import type { IngestedDocument } from "../ingest/ingest.ts";
import { planUnits } from "../ingest/units.ts";
import { isLanguage, LANGUAGES } from "../text/language.ts";
import type { Database } from "./client.ts";
import { renumberReports, renumberUnits } from "./unit-layout.ts";
import { refreshWork, workGlossary } from "./work-derived.ts";

export interface EditionMetadataInput {
  title?: string;
  journal?: string;
  year?: number;
  /** Page range as printed, "70–85". */
  pages?: string;
  status?: EditionStatus;
  authors?: { family: string; given?: string }[];
  note?: string;
}

export interface EditionImportRequest {
  slug: string;
  language: string;
  replace: boolean;
  document: IngestedDocument;
  metadata: EditionMetadataInput;
}

export interface EditionImportSummary {
  slug: string;
  language: string;
  replaced: boolean;
  against: string;
  paragraphs: number;
  units: number;
  /** Units by their shape: "1:1", "2:1", "1:0", … (reference paragraphs : new paragraphs). */
  unitTypes: Record<string, number>;
  lowConfidence: { ordinal: number; confidence: number }[];
  /** Unit numbers that changed (merged or removed units); all others kept their permalinks. */
  renumbered: { before: number; after: number | null }[];
  attached: number;
  pages: { first: number | null; last: number | null; breaks: number };
}

/** Below this the editor's queue lists a unit as needing a look. */
export const LOW_CONFIDENCE = 0.5;

/** Checks the request against the database before anything is read from the file's text; throws IngestError. */
export async function checkEditionTarget(db: Database, slug: string, language: string, replace: boolean): Promise<void> {
  if (!isLanguage(language)) throw new IngestError(`unknown language "${language}": the aligner knows ${LANGUAGES.join(", ")}`);
  const work = await db.work.findUnique({ where: { slug }, select: { editions: { select: { language: true } } } });
  if (!work) throw new IngestError(`no work "${slug}" in the database (import its content first: npm run import)`);
  const exists = work.editions.some((edition) => edition.language === language);
  if (exists && !replace) throw new IngestError(`work "${slug}" already has a ${language} edition; add --replace to replace its text`);
  if (!exists && replace) throw new IngestError(`work "${slug}" has no ${language} edition to replace; leave out --replace to add one`);
  if (!work.editions.some((edition) => edition.language !== language && isLanguage(edition.language))) {
    throw new IngestError(`work "${slug}" has no other edition in ${LANGUAGES.join(" or ")} to align the ${language} edition against`);
  }
}

/** Addresses written "<https://…>", which the edition format links (as parseInline does). */
function urlMarks(text: string): InlineMark[] {
  return [...text.matchAll(/<(https?:\/\/[^\s<>]*)>/gi)].map((match) => ({ type: "url", start: match.index + 1, end: match.index + 1 + match[1]!.length, href: match[1]! }));
}

function citationMarks(text: string, citations: Map<string, string>): InlineMark[] {
  const marks: InlineMark[] = [];
  for (const [label, ref] of citations) {
    for (let start = text.indexOf(label); start >= 0; start = text.indexOf(label, start + label.length)) marks.push({ type: "cite", start, end: start + label.length, ref });
  }
  return marks;
}

const range = (first: number | null, last: number | null) => (first === null ? null : last === null || last === first ? `${first}` : `${first}–${last}`);

export async function importEdition(db: Database, request: EditionImportRequest): Promise<EditionImportSummary> {
  const { slug, language, replace, document, metadata } = request;
  await checkEditionTarget(db, slug, language, replace);
  if (document.paragraphs.length === 0) throw new IngestError("the file has no paragraphs of text");

  return db.$transaction(
    async (tx) => {
      const work = await tx.work.findUniqueOrThrow({
        where: { slug },
        select: { id: true, editions: { orderBy: { id: "asc" }, select: { id: true, language: true, title: true, authors: true, status: true, note: true, journal: true, year: true, pageRange: true, firstPage: true } } },
      });
      const reference = work.editions.find((edition) => edition.language !== language && isLanguage(edition.language))!;
      const replaced = work.editions.find((edition) => edition.language === language);
      const units = await tx.alignmentUnit.findMany({
        where: { workId: work.id },
        orderBy: { ordinal: "asc" },
        select: { id: true, ordinal: true, paragraphs: { orderBy: { ordinal: "asc" }, select: { id: true, editionId: true, kind: true, refKey: true, text: true, marks: true } } },
      });
      const glossary = (await workGlossary(tx, work.id)).map(({ entry }) => entry);
      const lexicon = glossaryLexicon(glossary);
      const referenceLanguage = reference.language as (typeof LANGUAGES)[number];
      const plan = planUnits(
        units.map((unit) => ({
          reference: unit.paragraphs.filter((paragraph) => paragraph.editionId === reference.id).map((paragraph) => paragraph.text),
          keeps: unit.paragraphs.some((paragraph) => paragraph.editionId !== replaced?.id),
        })),
        document.paragraphs.map((paragraph) => paragraph.text),
        {
          sourceLanguage: referenceLanguage,
          targetLanguage: language as (typeof LANGUAGES)[number],
          // The glossary runs English to Russian; turned round when the reference edition is the Russian one.
          lexicon: referenceLanguage === "en" ? lexicon : lexicon.map((entry) => ({ source: entry.target, target: entry.source })),
        },
      );

      // The edition row: metadata from the options, else what the replaced edition had (its translator's note goes).
      const status = metadata.status ?? "published";
      const editionData = {
        status,
        title: metadata.title ?? replaced?.title ?? document.paragraphs[0]!.text,
        authors: metadata.authors ?? replaced?.authors ?? reference.authors ?? [],
        journal: metadata.journal ?? replaced?.journal ?? null,
        year: metadata.year ?? replaced?.year ?? null,
        pageRange: metadata.pages ?? range(document.pages.first, document.pages.last) ?? replaced?.pageRange ?? null,
        firstPage: metadata.pages ? Number(metadata.pages.split("–")[0]) : (document.pages.first ?? replaced?.firstPage ?? null),
        note: metadata.note ?? (replaced && replaced.status === status ? replaced.note : null),
      };
      let editionId: number;
      if (replaced) {
        await tx.paragraph.deleteMany({ where: { editionId: replaced.id } });
        await tx.edition.update({ where: { id: replaced.id }, data: editionData });
        editionId = replaced.id;
      } else {
        editionId = (await tx.edition.create({ data: { workId: work.id, language, ...editionData }, select: { id: true } })).id;
      }

      // Paragraph kinds follow the counterpart: a 1:1 unit's reference paragraph gives its kind (and reference key).
      const kinds = new Map<number, { kind: ParagraphKind; refKey: string | null }>();
      for (const planned of plan.units) {
        const counterpart = units[planned.unit]!.paragraphs.filter((paragraph) => paragraph.editionId === reference.id);
        const sameKind = counterpart.length > 0 && counterpart.every((paragraph) => paragraph.kind === counterpart[0]!.kind) ? (counterpart[0]!.kind as ParagraphKind) : "body";
        planned.paragraphs.forEach((index, position) => {
          const oneToOne = counterpart.length === 1 && planned.paragraphs.length === 1;
          // The counterpart's kind where it is more than body text (a title set large is still the title); else the document's heading.
          const kind = sameKind !== "body" ? sameKind : document.paragraphs[index]!.heading ? "heading" : "body";
          kinds.set(index, { kind, refKey: oneToOne && position === 0 ? counterpart[0]!.refKey : null });
        });
      }
      const unitOf = new Map(plan.units.flatMap((planned) => planned.paragraphs.map((index) => [index, units[planned.unit]!.id] as const)));
      // In-text citations: a label the work's editions already cite ("[Батин Ю. 2017]") links again to its reference,
      // where the new edition has that reference.
      const newKeys = new Set([...kinds.values()].flatMap(({ refKey }) => (refKey ? [refKey] : [])));
      const citations = new Map<string, string>();
      for (const paragraph of units.flatMap((unit) => unit.paragraphs)) {
        for (const mark of paragraph.marks as unknown as InlineMark[]) {
          if (mark.type === "cite" && newKeys.has(mark.ref)) citations.set(paragraph.text.slice(mark.start, mark.end), mark.ref);
        }
      }
      let section = 0;
      const rows = document.paragraphs.map((paragraph, index) => {
        const { kind, refKey } = kinds.get(index)!;
        if (kind === "heading") section += 1;
        const marks: InlineMark[] = [...paragraph.em.map((span) => ({ type: "em" as const, ...span })), ...urlMarks(paragraph.text), ...citationMarks(paragraph.text, citations)].sort(
          (a, b) => a.start - b.start || b.end - a.end,
        );
        return { editionId, unitId: unitOf.get(index)!, ordinal: index + 1, kind, section, refKey, text: paragraph.text, marks, pageBreaks: paragraph.pageBreaks };
      });
      const created = await tx.paragraph.createManyAndReturn({ data: rows, select: { id: true } });

      // Merged units hand their paragraphs to the unit that carries on; empty units go.
      for (const planned of plan.units) {
        if (planned.merged.length === 0) continue;
        await tx.paragraph.updateMany({ where: { unitId: { in: planned.merged.map((index) => units[index]!.id) } }, data: { unitId: units[planned.unit]!.id } });
      }
      const gone = [...plan.dropped, ...plan.units.flatMap((planned) => planned.merged)].map((index) => units[index]!.id);
      await tx.alignmentUnit.deleteMany({ where: { id: { in: gone } } });
      await renumberUnits(tx, work.id, plan.units.map((planned) => units[planned.unit]!.id));
      for (const planned of plan.units) {
        await tx.alignmentUnit.update({ where: { id: units[planned.unit]!.id }, data: { confidence: planned.confidence, reviewed: false } });
      }
      const newOrdinals = new Map<number, number>();
      plan.units.forEach((planned, position) => {
        for (const index of [planned.unit, ...planned.merged]) newOrdinals.set(units[index]!.ordinal, position + 1);
      });
      await renumberReports(tx, slug, newOrdinals);
      await refreshWork(tx, work.id, { paragraphIds: created.map((paragraph) => paragraph.id) });

      const unitTypes: Record<string, number> = {};
      for (const planned of plan.units) {
        const referenceCount = [planned.unit, ...planned.merged].reduce((sum, index) => sum + units[index]!.paragraphs.filter((paragraph) => paragraph.editionId === reference.id).length, 0);
        const type = `${referenceCount}:${planned.paragraphs.length}`;
        unitTypes[type] = (unitTypes[type] ?? 0) + 1;
      }
      return {
        slug,
        language,
        replaced: Boolean(replaced),
        against: reference.language,
        paragraphs: rows.length,
        units: plan.units.length,
        unitTypes,
        lowConfidence: plan.units.flatMap((planned, position) => (planned.confidence !== null && planned.confidence < LOW_CONFIDENCE ? [{ ordinal: position + 1, confidence: planned.confidence }] : [])),
        renumbered: units.flatMap((unit) => (newOrdinals.get(unit.ordinal) === unit.ordinal ? [] : [{ before: unit.ordinal, after: newOrdinals.get(unit.ordinal) ?? null }])),
        attached: plan.attached,
        pages: { first: document.pages.first, last: document.pages.last, breaks: rows.reduce((sum, row) => sum + row.pageBreaks.length, 0) },
      };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
