import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { EditionMetadata } from "./work-file.ts";

/** The fields of an edition that the database keeps and an export writes back. */
export type EditionFields = Pick<EditionMetadata, "lang" | "file" | "status" | "title" | "authors" | "journal" | "year" | "volume" | "issue" | "pages" | "firstPage" | "doi" | "url" | "licence" | "note">;

const FIELDS = ["status", "title", "authors", "journal", "year", "volume", "issue", "pages", "firstPage", "doi", "url", "licence", "note"] as const;

/**
 * Writes the metadata back into a work.yaml. Values that did not change keep
 * their bytes (comments, quoting and folding included); a changed value is
 * replaced in place, written as JSON (which YAML reads). An edition the file
 * does not have yet is appended, which re-formats the file.
 */
export function updateWorkFile(source: string, title: string, editions: EditionFields[]): string {
  const document = parseDocument(source);
  const edits: { start: number; end: number; text: string }[] = [];
  const replace = (node: Node | null | undefined, value: unknown) => {
    if (!node?.range || JSON.stringify(node.toJSON()) === JSON.stringify(value ?? null)) return false;
    // A block scalar's range takes in the line end after it; the line end stays.
    const lineEnd = source.slice(node.range[0], node.range[1]).endsWith("\n") ? "\n" : "";
    edits.push({ start: node.range[0], end: node.range[1], text: `${yamlValue(value ?? null)}${lineEnd}` });
    return true;
  };
  replace(document.get("title", true) as Node, title);
  const sequence = document.get("editions", true);
  const missing: EditionFields[] = [];
  let structural = false;
  for (const edition of editions) {
    const node = isSeq(sequence) ? sequence.items.find((item) => isMap(item) && item.get("lang") === edition.lang) : undefined;
    if (!isMap(node)) {
      missing.push(edition);
      continue;
    }
    for (const field of FIELDS) {
      const value = edition[field];
      const current = node.get(field, true) as Node | undefined;
      if (current === undefined) {
        if (value !== null && value !== undefined) {
          node.set(field, value);
          structural = true;
        }
      } else if (isScalar(current) || isSeq(current) || isMap(current)) replace(current, value);
    }
  }
  if (missing.length > 0 || structural) {
    for (const edition of missing) document.addIn(["editions"], Object.fromEntries(Object.entries(edition).filter(([, value]) => value !== undefined)));
    // A structural change re-formats the document: the value changes go through the model too.
    return applyThroughModel(document, title, editions);
  }
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** A value as YAML: a plain word where YAML reads it back as the same string, else JSON (which YAML reads). */
function yamlValue(value: unknown): string {
  if (typeof value === "string" && /^[A-Za-z][A-Za-z0-9 -]*[A-Za-z0-9]$/.test(value) && !/^(?:null|true|false|yes|no|on|off|y|n)$/i.test(value)) return value;
  return JSON.stringify(value);
}

function applyThroughModel(document: ReturnType<typeof parseDocument>, title: string, editions: EditionFields[]): string {
  document.set("title", title);
  const sequence = document.get("editions", true);
  if (isSeq(sequence)) {
    for (const item of sequence.items) {
      if (!isMap(item)) continue;
      const edition = editions.find((candidate) => candidate.lang === item.get("lang"));
      if (!edition) continue;
      for (const field of FIELDS) if (edition[field] !== undefined) item.set(field, edition[field]);
    }
  }
  return document.toString({ lineWidth: 0 });
}
