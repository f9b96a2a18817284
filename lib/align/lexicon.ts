import type { Language } from "@/lib/text/language";
import { stem, words } from "./words.ts";

interface TermForm {
  stems: string[];
  term: number;
}

/**
 * Finds the glossary terms that occur in texts of one language. Forms are
 * compared word by word on Snowball stems, so "северных территорий" matches
 * the form "Северные территории".
 */
export class TermMatcher {
  private readonly formsByFirstStem = new Map<string, TermForm[]>();

  /** `formsByTerm[term]` lists the surface forms of that term in this language. */
  constructor(
    formsByTerm: string[][],
    private readonly language: Language,
  ) {
    formsByTerm.forEach((forms, term) => {
      for (const form of forms) {
        const stems = words(form).map((word) => stem(word, language));
        const first = stems[0];
        if (first === undefined) continue;
        const list = this.formsByFirstStem.get(first) ?? [];
        list.push({ stems, term });
        this.formsByFirstStem.set(first, list);
      }
    });
  }

  get isEmpty(): boolean {
    return this.formsByFirstStem.size === 0;
  }

  /** The terms occurring in `text`, each once. */
  termsIn(text: string): number[] {
    const stems = words(text).map((word) => stem(word, this.language));
    const found = new Set<number>();
    stems.forEach((first, position) => {
      for (const form of this.formsByFirstStem.get(first) ?? []) {
        if (form.stems.every((wordStem, offset) => stems[position + offset] === wordStem)) found.add(form.term);
      }
    });
    return [...found];
  }
}
