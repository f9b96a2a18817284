import type { ContentIssue } from "./errors.ts";

/** A unit of the alignment: for each edition language, the ids of its paragraphs in the unit. */
export interface SourceUnit {
  ordinal: number;
  paragraphs: Record<string, number[]>;
  line: number;
}

/**
 * Reads alignment.tsv and checks it against the editions' paragraph ids:
 * every paragraph in exactly one unit, and the units in the order of every
 * edition. `paragraphCounts` maps each edition language to its paragraph count.
 */
export function parseAlignmentFile(
  source: string,
  file: string,
  paragraphCounts: Record<string, number>,
): { units: SourceUnit[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const units: SourceUnit[] = [];
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "" && !line.startsWith("#"));
  if (headerIndex < 0) return { units, issues: [{ file, message: "the file is empty; expected a header line such as \"unit<TAB>en<TAB>ru\"" }] };

  const columns = lines[headerIndex]!.split("\t").map((cell) => cell.trim());
  const languages = columns.slice(1);
  if (columns[0] !== "unit") issues.push({ file, line: headerIndex + 1, message: `the header must start with "unit", found "${columns[0]}"` });
  const expected = Object.keys(paragraphCounts);
  for (const language of expected) {
    if (!languages.includes(language)) issues.push({ file, line: headerIndex + 1, message: `the header has no column for the "${language}" edition` });
  }
  for (const language of languages) {
    if (!expected.includes(language)) issues.push({ file, line: headerIndex + 1, message: `column "${language}" names no edition of this work` });
  }
  if (issues.length > 0) return { units, issues };

  const lastSeen: Record<string, number> = Object.fromEntries(languages.map((language) => [language, 0]));
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const raw = lines[index]!;
    if (raw.trim() === "" || raw.startsWith("#")) continue;
    const line = index + 1;
    const cells = raw.split("\t").map((cell) => cell.trim());
    if (cells.length !== columns.length) {
      issues.push({ file, line, message: `expected ${columns.length} tab-separated cells, found ${cells.length}` });
      continue;
    }
    const ordinal = Number(cells[0]);
    if (!Number.isInteger(ordinal) || ordinal !== units.length + 1) {
      issues.push({ file, line, message: `unit number "${cells[0]}" should be ${units.length + 1}: units run 1, 2, 3, …` });
    }
    const paragraphs: Record<string, number[]> = {};
    for (const [position, language] of languages.entries()) {
      const cell = cells[position + 1]!;
      const ids = cell === "-" ? [] : cell.split(",").map((id) => Number(id.trim()));
      if (ids.some((id) => !Number.isInteger(id) || id < 1)) {
        issues.push({ file, line, message: `"${cell}" in the ${language} column is not "-" or a list of paragraph ids` });
        continue;
      }
      for (const id of ids) {
        if (id > paragraphCounts[language]!) {
          issues.push({ file, line, message: `${language} paragraph ${id} does not exist (the edition has ${paragraphCounts[language]})` });
          continue;
        }
        if (id !== lastSeen[language]! + 1) {
          issues.push({ file, line, message: `${language} paragraph ${id} is out of order: expected ${lastSeen[language]! + 1}` });
        }
        lastSeen[language] = Math.max(lastSeen[language]!, id);
      }
      paragraphs[language] = ids;
    }
    if (Object.values(paragraphs).every((ids) => ids.length === 0)) issues.push({ file, line, message: "the unit holds no paragraph" });
    units.push({ ordinal: units.length + 1, paragraphs, line });
  }

  for (const language of languages) {
    if (lastSeen[language]! < paragraphCounts[language]!) {
      issues.push({ file, message: `${language} paragraphs ${lastSeen[language]! + 1}–${paragraphCounts[language]} are in no unit` });
    }
  }
  return { units, issues };
}
