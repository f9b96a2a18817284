import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { GlossaryError, parseGlossary, type GlossaryEntry } from "../glossary/schema.ts";
import { parseAlignmentFile, type SourceUnit } from "./alignment-file.ts";
import { parseEditionFile, type SourceParagraph } from "./edition-file.ts";
import { ContentError, type ContentIssue } from "./errors.ts";
import { workMetadataSchema, type EditionMetadata } from "./work-file.ts";
import { parseYaml } from "./yaml.ts";

export interface SourceEdition {
  metadata: EditionMetadata;
  paragraphs: SourceParagraph[];
}

/** A work as read and validated from its content folder, ready to import. */
export interface SourceWork {
  slug: string;
  title: string;
  editions: SourceEdition[];
  units: SourceUnit[];
  /** The work's glossary, empty when it has none. */
  glossary: GlossaryEntry[];
  /** Hash of every file in the folder: a changed hash means the work must be imported again. */
  contentHash: string;
  directory: string;
}

export const WORK_FILE = "work.yaml";
export const ALIGNMENT_FILE = "alignment.tsv";
export const GLOSSARY_FILE = "glossary.yaml";

/** The content folders under a content root: every folder holding a work.yaml. */
export function listWorkDirectories(contentRoot: string): string[] {
  return readdirSync(contentRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isFile(path.join(contentRoot, entry.name, WORK_FILE)))
    .map((entry) => path.join(contentRoot, entry.name))
    .sort();
}

/**
 * Reads and validates one work's folder. Throws a ContentError listing every
 * problem (file, line, what is wrong) before anything reaches the database.
 */
export function loadWork(directory: string): SourceWork {
  const relative = (name: string) => path.join(path.relative(process.cwd(), directory) || ".", name);
  const issues: ContentIssue[] = [];
  const read = (name: string): string | null => {
    try {
      return readFileSync(path.join(directory, name), "utf8");
    } catch {
      issues.push({ file: relative(name), message: "the file cannot be read (missing?)" });
      return null;
    }
  };

  const metadataSource = read(WORK_FILE);
  if (metadataSource === null) throw new ContentError(issues);
  const { value: metadata, issues: metadataIssues } = parseYaml(metadataSource, relative(WORK_FILE), workMetadataSchema);
  if (!metadata) throw new ContentError(metadataIssues);
  if (metadata.slug !== path.basename(directory)) {
    issues.push({ file: relative(WORK_FILE), field: "slug", message: `"${metadata.slug}" must equal the folder name "${path.basename(directory)}"` });
  }

  const editions: SourceEdition[] = [];
  for (const edition of metadata.editions) {
    const source = read(edition.file);
    if (source === null) continue;
    const parsed = parseEditionFile(source, relative(edition.file));
    issues.push(...parsed.issues);
    if (parsed.paragraphs.length === 0 && parsed.issues.length === 0) issues.push({ file: relative(edition.file), message: "the edition has no paragraphs" });
    editions.push({ metadata: edition, paragraphs: parsed.paragraphs });
  }

  let units: SourceUnit[] = [];
  const alignmentSource = read(ALIGNMENT_FILE);
  if (alignmentSource !== null && issues.length === 0) {
    const counts = Object.fromEntries(editions.map((edition) => [edition.metadata.lang, edition.paragraphs.length]));
    const parsed = parseAlignmentFile(alignmentSource, relative(ALIGNMENT_FILE), counts);
    issues.push(...parsed.issues);
    units = parsed.units;
  }

  let glossary: GlossaryEntry[] = [];
  if (isFile(path.join(directory, GLOSSARY_FILE))) {
    try {
      glossary = parseGlossary(read(GLOSSARY_FILE)!, relative(GLOSSARY_FILE));
    } catch (error) {
      if (!(error instanceof GlossaryError)) throw error;
      for (const { entryId, field, ...issue } of error.issues) {
        issues.push({ ...issue, field: [entryId && `entry "${entryId}"`, field && `field "${field}"`].filter(Boolean).join(", ") || undefined });
      }
    }
  }

  if (issues.length > 0) throw new ContentError(issues);
  return { slug: metadata.slug, title: metadata.title, editions, units, glossary, contentHash: hashDirectory(directory), directory };
}

/** SHA-256 over the relative paths and bytes of every file in a folder, in a fixed order. */
export function hashDirectory(directory: string): string {
  const hash = createHash("sha256");
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) visit(full);
      else hash.update(`${path.relative(directory, full)}\0`).update(readFileSync(full)).update("\0");
    }
  };
  visit(directory);
  return hash.digest("hex");
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
