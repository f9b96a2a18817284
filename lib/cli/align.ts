/**
 * npm run --silent align -- SOURCE.txt TARGET.txt [--unit paragraph|sentence] [--source-lang en|ru] [--target-lang en|ru]
 *
 * Aligns two UTF-8 plain-text files whose paragraphs are separated by blank
 * lines and prints only a JSON array of beads ({ source, target, score },
 * 0-based paragraph or sentence indices) on stdout. Bad input: one line on
 * stderr and exit code 2. lib/align/README.md has the details.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { alignDocumentSentences, alignParagraphs } from "@/lib/align";
import { detectLanguage, isLanguage, LANGUAGES, type Language } from "@/lib/text/language";

const USAGE = "usage: npm run --silent align -- SOURCE.txt TARGET.txt [--unit paragraph|sentence] [--source-lang en|ru] [--target-lang en|ru]";

class InputError extends Error {}

/** Reads a text file, refusing what is not UTF-8 text. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    // npm runs scripts from the package root; the user's paths are relative to where they typed.
    bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.includes(0)) throw new InputError(`${file} is a binary file, not text`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file} is not valid UTF-8`);
  }
}

/** Paragraphs are separated by one or more blank lines; the lines of one paragraph are joined with a space. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((paragraph) => paragraph.split(/\r?\n/).map((line) => line.trim()).join(" ").trim())
    .filter((paragraph) => paragraph !== "");
}

function languageOption(value: string | undefined, option: string, text: string): Language {
  if (value === undefined) return detectLanguage(text) ?? "en";
  if (!isLanguage(value)) throw new InputError(`${option} must be one of ${LANGUAGES.join(", ")}, not "${value}"`);
  return value;
}

function run(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        unit: { type: "string", default: "paragraph" },
        "source-lang": { type: "string" },
        "target-lang": { type: "string" },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split(". ")[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new InputError(`expected two files, got ${positionals.length} (${USAGE})`);
  if (values.unit !== "paragraph" && values.unit !== "sentence") throw new InputError(`--unit must be paragraph or sentence, not "${values.unit}"`);
  const [sourceFile, targetFile] = positionals as [string, string];
  const sourceText = readText(sourceFile);
  const targetText = readText(targetFile);
  const options = {
    sourceLanguage: languageOption(values["source-lang"], "--source-lang", sourceText),
    targetLanguage: languageOption(values["target-lang"], "--target-lang", targetText),
  };
  const source = paragraphsOf(sourceText);
  const target = paragraphsOf(targetText);
  const beads = values.unit === "sentence" ? alignDocumentSentences(source, target, options).beads : alignParagraphs(source, target, options);
  process.stdout.write(`${JSON.stringify(beads)}\n`);
}

try {
  run();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(`align: ${error.message}\n`);
  process.exitCode = 2;
}
