import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { transliterationProblems } from "./consistency.ts";

export const GLOSSARY_CATEGORIES = [
  "japanese-term",
  "russian-political",
  "person",
  "place",
  "document-event-institution",
  "source-media",
] as const;

export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];

export const PARTS_OF_SPEECH = ["noun", "noun-phrase", "proper-noun", "adjective", "abbreviation", "title"] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEPBURN = /^[A-Za-zĀāĪīŪūĒēŌō]+(?:['’ -][A-Za-zĀāĪīŪūĒēŌō]+)*$/u;
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]+$/u;
const KANJI = /^(?=.*\p{Script=Han})[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・々]+$/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const MISPLACED_STRESS = /(?<![аеиоуыэюяАЕИОУЫЭЮЯ])\u0301/u;

const text = z.string().trim().min(1, "must not be empty");

const russianHeadword = text
  .refine((value) => CYRILLIC_LETTER.test(value) && !LATIN_LETTER.test(value), "must be written in Cyrillic")
  .refine((value) => !MISPLACED_STRESS.test(value.normalize("NFD")), "a stress mark (U+0301) must follow a vowel");

export const glossaryEntrySchema = z
  .strictObject({
    id: z.string().regex(SLUG, "must be a slug: lower-case letters, digits and single hyphens"),
    category: z.enum(GLOSSARY_CATEGORIES, `must be one of ${GLOSSARY_CATEGORIES.join(", ")}`),
    /** The spellings of the English edition, exactly as printed. */
    en: z.array(text).min(1, "must list at least one form"),
    hepburn: z.string().regex(HEPBURN, "must be Hepburn romaji (letters with macrons, apostrophes, spaces, hyphens)").optional(),
    kanji: z.string().regex(KANJI, "must be Japanese script with at least one kanji").optional(),
    kana: z.string().regex(KANA, "must be hiragana or katakana").optional(),
    /** Strict Polivanov form, long vowels marked with a colon. */
    polivanov: text.refine((value) => !LATIN_LETTER.test(value), "must be written in Cyrillic").optional(),
    /** Russian headword with stress marks for learners. */
    ru: russianHeadword.optional(),
    /** Inflected forms the stemmer does not reach, matched as written. */
    ruForms: z.array(text).optional(),
    /** ALA-LC romanisation of `ru`. */
    romanized: text.optional(),
    /** The popular romanisation of `ru`, where the English edition romanises it. */
    journalistic: text.optional(),
    pos: z.enum(PARTS_OF_SPEECH, `must be one of ${PARTS_OF_SPEECH.join(", ")}`),
    glossEn: text,
    glossRu: text,
    context: text,
    contextRu: text.optional(),
    related: z.array(z.string().regex(SLUG, "must be an entry id")).optional(),
    conventional: z.literal(true, "may only be true").optional(),
    /** For the title of a cited source: the key of its reference paragraph. */
    reference: z.string().regex(SLUG, "must be a reference key").optional(),
    inEnglish: z.literal(false, "may only be false (an entry is in the English edition by default)").optional(),
    inRussian: z.literal(false, "may only be false (an entry is in the Russian edition by default)").optional(),
    absentReason: text.optional(),
  })
  .superRefine((entry, ctx) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (entry.hepburn !== undefined && entry.polivanov === undefined) problem("polivanov", "is required with hepburn");
    if (entry.hepburn === undefined) {
      for (const field of ["polivanov", "kana", "kanji"] as const) if (entry[field] !== undefined) problem(field, "needs hepburn");
    }
    if (entry.ru === undefined && entry.inRussian !== false) problem("ru", "is required unless inRussian: false");
    if (entry.reference !== undefined && entry.category !== "source-media") problem("reference", "belongs to source-media entries only");
    const absent = entry.inEnglish === false || entry.inRussian === false;
    if (absent && entry.absentReason === undefined) problem("absentReason", "must say why the entry is absent from an edition");
    if (!absent && entry.absentReason !== undefined) problem("absentReason", "is only for entries marked inEnglish: false or inRussian: false");
  });

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** One problem of a glossary file, located by line, entry and field. */
export interface GlossaryIssue {
  file: string;
  line?: number;
  entryId?: string;
  field?: string;
  message: string;
}

export function formatGlossaryIssue(issue: GlossaryIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const subject = [issue.entryId && `entry "${issue.entryId}"`, issue.field && `field "${issue.field}"`].filter(Boolean).join(", ");
  return subject ? `${place}: ${subject}: ${issue.message}` : `${place}: ${issue.message}`;
}

/** Thrown by parseGlossary; lists every problem, not just the first. */
export class GlossaryError extends Error {
  readonly issues: GlossaryIssue[];

  constructor(issues: GlossaryIssue[]) {
    super(issues.map(formatGlossaryIssue).join("\n"));
    this.name = "GlossaryError";
    this.issues = issues;
  }
}

/**
 * Parses and validates a glossary file (a YAML list of entries): each entry
 * against the schema, then its transliterations against lib/translit, then
 * ids unique and `related` ids known.
 * Throws a GlossaryError naming file, line, entry and field.
 */
export function parseGlossary(yamlText: string, fileName: string): GlossaryEntry[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new GlossaryError(
      document.errors.map((error) => ({ file: fileName, line: lineCounter.linePos(error.pos[0]).line, message: `not valid YAML: ${error.message.split("\n")[0]}` })),
    );
  }
  const raw: unknown = document.toJS();
  if (!Array.isArray(raw)) throw new GlossaryError([{ file: fileName, line: 1, message: "must be a list of entries" }]);

  const issues: GlossaryIssue[] = [];
  const lineOf = (path: (string | number)[]) => nodeLine(document, lineCounter, path);
  const entries: GlossaryEntry[] = [];
  raw.forEach((item: unknown, index) => {
    const entryId = isRecord(item) && typeof item.id === "string" ? item.id : `#${index + 1}`;
    const result = glossaryEntrySchema.safeParse(item);
    if (result.success) {
      // Transliterations are compared only once every field is well-formed.
      const problems = transliterationProblems(result.data);
      for (const { field, message } of problems) issues.push({ file: fileName, line: lineOf([index, field]), entryId, field, message });
      if (problems.length === 0) entries.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) issues.push({ file: fileName, line: lineOf([index, key]), entryId, field: key, message: "is not a glossary field" });
        continue;
      }
      const field = fieldName(path);
      const missing = issue.code === "invalid_type" && path.length === 1 && isRecord(item) && !(String(path[0]) in item);
      issues.push({ file: fileName, line: lineOf([index, ...path]), entryId, field, message: missing ? "is required" : issue.message });
    }
  });

  const firstLine = new Map<string, number | undefined>();
  raw.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.id !== "string") return;
    const line = lineOf([index, "id"]);
    if (firstLine.has(item.id)) {
      issues.push({ file: fileName, line, entryId: item.id, field: "id", message: `is already used at line ${firstLine.get(item.id)}` });
    } else firstLine.set(item.id, line);
  });
  raw.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.id !== "string" || !Array.isArray(item.related)) return;
    item.related.forEach((related: unknown, position) => {
      if (typeof related === "string" && !firstLine.has(related)) {
        issues.push({ file: fileName, line: lineOf([index, "related", position]), entryId: String(item.id), field: `related[${position}]`, message: `"${related}" is not the id of an entry` });
      }
    });
  });

  if (issues.length > 0) throw new GlossaryError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return entries;
}

/** "ruForms[2]" for the path ["ruForms", 2]. */
function fieldName(path: readonly (string | number)[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

/** The line of the deepest node on the path that exists in the document. */
function nodeLine(document: Document, lineCounter: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
