import type { LexiconEntry } from "@/lib/align/types";
import type { GlossaryEntry } from "./schema.ts";
import { stripStressMarks } from "./text.ts";

/** The glossary as the aligner's bilingual dictionary: English forms against Russian ones. */
export function glossaryLexicon(entries: readonly GlossaryEntry[]): LexiconEntry[] {
  return entries
    .filter((entry) => entry.ru !== undefined)
    .map((entry) => ({ source: entry.en, target: [entry.ru!, ...(entry.ruForms ?? [])].map(stripStressMarks) }));
}
