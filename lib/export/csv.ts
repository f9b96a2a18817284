/**
 * A work as CSV (RFC 4180): one row per alignment unit; per edition, the
 * numbers of its paragraphs in the unit (space-separated) and their text
 * (paragraphs separated by a line break). UTF-8 with a byte order mark, so
 * that spreadsheets read Cyrillic and kana correctly.
 */
import type { ReaderWork } from "../db/reader.ts";

export const BYTE_ORDER_MARK = "\uFEFF";

/** A field, quoted when it holds a quote, comma or line break (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvDocument(work: ReaderWork): string {
  const languages = work.editions.map((edition) => edition.language);
  const header = ["unit", ...languages.flatMap((language) => [`${language}_paragraphs`, `${language}_text`])];
  const rows = work.units.map((unit) => [
    String(unit.ordinal),
    ...languages.flatMap((language) => {
      const paragraphs = unit.paragraphs[language] ?? [];
      return [paragraphs.map((paragraph) => paragraph.ordinal).join(" "), paragraphs.map((paragraph) => paragraph.text).join("\n")];
    }),
  ]);
  return BYTE_ORDER_MARK + [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
