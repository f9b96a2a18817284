/**
 * npm run bench:corpus [-- --works 2000] [--paragraphs 100] [--seed 1] [--jobs N]
 *
 * Writes a synthetic library into the database DATABASE_URL names (SQLite or
 * PostgreSQL) for the scale benchmarks: --works works, each with an English
 * and a Russian edition of --paragraphs paragraphs, aligned mostly 1:1 with a
 * few 1:2 and 2:1 units. The words follow each language's distribution in the
 * article's own two editions, continued by a Zipf tail of synthetic words
 * (rank r has frequency ∝ 1/r), so that common words are common, rare ones
 * rare, and the vocabulary is that of a library rather than of one article.
 * Paragraph lengths follow the article's; each work has a title, author,
 * abstract, keywords, headed sections, citations, emphasis, page breaks and
 * references.
 *
 * The database is first made ready as `npm start` would (migrations, the works
 * of content/). The synthetic works then go through the importer
 * (importWorks), so that everything an import maintains, the search index
 * included, is maintained; in batches of one transaction each, written by
 * --jobs processes at once on PostgreSQL (one per core by default) and by one
 * on SQLite. The same seed makes the same library, and a second run finds
 * every work unchanged. Prints the time taken and the row counts.
 */
import { SingleBar } from "cli-progress";
import { fork, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { SourceUnit } from "@/lib/content/alignment-file";
import type { SourceParagraph } from "@/lib/content/edition-file";
import { parseInline } from "@/lib/content/inline";
import { loadWork, type SourceEdition, type SourceWork } from "@/lib/content/load";
import type { ParagraphKind } from "@/lib/content/paragraph";
import { editionMetadataSchema } from "@/lib/content/work-file";
import { createDatabase, type Database } from "@/lib/db/client";
import { importWorks } from "@/lib/db/import";
import { refreshPostedTerms } from "@/lib/db/search-postings";
import { databaseUrl, isPostgresUrl, redactPassword, sqliteFilePath } from "@/lib/db/url";

/** Bumped when the generator changes what it writes, so that an earlier library is written again. */
const GENERATOR_VERSION = 1;
const ARTICLE = "content/streltsov-2018";
/** Synthetic words continuing each language's rank–frequency curve. */
const TAIL_WORDS = 40_000;
// Small enough that a transaction stays well inside the importer's time limit on a busy machine.
const WORKS_PER_TRANSACTION = 5;
const REFERENCES = 8;

const { values } = parseArgs({
  options: {
    works: { type: "string", default: "2000" },
    paragraphs: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string" },
    // Internal: which writer of a parallel run this process is.
    job: { type: "string" },
  },
});
function fail(message: string): never {
  console.error(`bench:corpus: ${message}`);
  process.exit(1);
}
const wholeNumber = (name: string, value: string, minimum: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) fail(`--${name} must be a whole number of at least ${minimum}, not "${value}"`);
  return number;
};
const workCount = wholeNumber("works", values.works, 1);
const paragraphCount = wholeNumber("paragraphs", values.paragraphs, 4 + REFERENCES + 8);
const seed = wholeNumber("seed", values.seed, 0);
// PostgreSQL takes concurrent writers (one process each, as the importer's work is CPU-bound); SQLite one at a time.
const postgres = isPostgresUrl(databaseUrl());
const jobCount = wholeNumber("jobs", values.jobs ?? String(postgres ? availableParallelism() : 1), 1);
if (jobCount > 1 && !postgres) fail("--jobs: SQLite takes one writer at a time; parallel writers need PostgreSQL");

// ---- Randomness: seeded, so that a seed always makes the same library ----

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
function generator(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Random = () => number;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// ---- The two languages' vocabularies ----

interface Vocabulary {
  words: string[];
  /** Running totals of the words' weights, for sampling by binary search. */
  cumulative: Float64Array;
}

const WORD = /\p{L}+(?:[-'’]\p{L}+)*/gu;

/** Word forms of the article's edition by frequency, each written as it is most often written ("Japan", "the"). */
function articleWords(edition: SourceEdition): [string, number][] {
  const counts = new Map<string, Map<string, number>>();
  for (const paragraph of edition.paragraphs) {
    if (paragraph.kind === "reference") continue;
    for (const [form] of paragraph.text.matchAll(WORD)) {
      const key = form.toLowerCase();
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  return [...counts.values()]
    .map((forms) => {
      const entries = [...forms.entries()];
      const total = entries.reduce((sum, [, count]) => sum + count, 0);
      const lower = entries.find(([form]) => form === form.toLowerCase());
      // A word capitalised only at the start of sentences is a lower-case word.
      const [written] = lower && lower[1] * 4 >= total ? lower : entries.sort((a, b) => b[1] - a[1])[0]!;
      return [written, total] as [string, number];
    })
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const SYLLABLES = {
  en: ["ka", "ter", "mon", "ri", "sol", "ven", "dra", "pel", "an", "cor", "li", "sta", "bru", "fen", "go", "mar", "tis", "vel", "pro", "nu", "des", "ham", "qui", "ro"],
  ru: ["ка", "тер", "мон", "ри", "сол", "вен", "дра", "пел", "ан", "кор", "ли", "ста", "бру", "фен", "го", "мар", "тис", "вел", "про", "ну", "дес", "хам", "зо", "ру", "пре", "сти"],
};
const ENDINGS = {
  en: ["", "", "", "s", "ed", "ing", "ion", "al", "ity", "ment", "ly", "ive"],
  ru: ["", "а", "ы", "у", "ой", "ов", "ами", "ах", "ого", "ому", "ые", "ых", "ение", "ения", "ость", "ости", "ский", "ская", "ать", "ает"],
};

/** The word of a given tail rank: a made-up stem and an ending of the language, the same for a rank every time. */
function tailWord(language: "en" | "ru", rank: number): string {
  const random = generator(rank * 7919 + (language === "ru" ? 1 : 0));
  const syllables = SYLLABLES[language];
  let stem = "";
  for (let i = between(random, 2, 4); i > 0; i -= 1) stem += pick(random, syllables);
  return stem + pick(random, ENDINGS[language]);
}

/**
 * The article's word distribution, continued by a Zipf tail: the article's
 * last rank has the frequency of its rarest words, and tail rank r (after the
 * article's V words) has that frequency × V / r.
 */
function vocabulary(language: "en" | "ru", edition: SourceEdition): Vocabulary {
  const head = articleWords(edition);
  const known = new Set(head.map(([word]) => word.toLowerCase()));
  const rarest = head[head.length - 1]![1];
  const words = head.map(([word]) => word);
  const weights = head.map(([, count]) => count);
  for (let rank = 1; words.length < head.length + TAIL_WORDS; rank += 1) {
    const word = tailWord(language, rank);
    if (known.has(word)) continue;
    known.add(word);
    words.push(word);
    weights.push((rarest * head.length) / words.length);
  }
  const cumulative = new Float64Array(weights.length);
  weights.reduce((total, weight, index) => (cumulative[index] = total + weight), 0);
  return { words, cumulative };
}

function sampleWord(random: Random, { words, cumulative }: Vocabulary): string {
  const target = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return words[low]!;
}

// ---- Paragraphs ----

interface Language {
  vocabulary: Vocabulary;
  /** Relative length of a text in this language (English = 1). */
  length: number;
}

interface Reference {
  key: string;
  family: string;
  year: number;
}

/** A paragraph's source in the edition-file markup, with citations, emphasis and page marks, about `words` words long. */
function bodySource(random: Random, language: Language, words: number, references: Reference[], page: { next: number }): string {
  const sentences: string[] = [];
  let remaining = Math.max(4, words);
  while (remaining > 0) {
    const length = Math.min(remaining, Math.max(4, Math.round(20 + (random() - 0.5) * 24)));
    remaining -= length;
    const tokens = Array.from({ length }, () => sampleWord(random, language.vocabulary));
    tokens[0] = capitalise(tokens[0]!);
    if (random() < 0.08) {
      const index = between(random, 1, tokens.length - 1);
      tokens[index] = `*${tokens[index]}*`;
    }
    if (random() < 0.04) tokens.splice(between(random, 1, tokens.length - 1), 0, `{page ${page.next++}}`);
    let sentence = tokens.join(" ");
    if (references.length > 0 && random() < 0.12) {
      const reference = pick(random, references);
      sentence += ` [${reference.family} ${reference.year}](ref:${reference.key})`;
    }
    sentences.push(`${sentence}.`);
  }
  return sentences.join(" ");
}

function phrase(random: Random, language: Language, low: number, high: number): string {
  return capitalise(Array.from({ length: between(random, low, high) }, () => sampleWord(random, language.vocabulary)).join(" "));
}

type UnitShape = { kind: ParagraphKind; en: number; ru: number };

/** The shape of a work: per unit its kind and how many paragraphs each edition has in it. */
function unitShapes(random: Random): UnitShape[] {
  const front = (["title", "author", "abstract", "keywords"] as const).map((kind) => ({ kind, en: 1, ru: 1 }));
  const budget = paragraphCount - front.length - REFERENCES;
  const headings = Math.max(1, Math.round(budget / 12));
  // Pairs of a 1:2 and a 2:1 unit keep both editions at the same paragraph count.
  const pairs = Math.min(between(random, 2, 5), Math.floor((budget - headings) / 3));
  const body: UnitShape[] = [];
  for (let i = 0; i < pairs; i += 1) body.push({ kind: "body", en: 1, ru: 2 }, { kind: "body", en: 2, ru: 1 });
  for (let i = budget - headings - 3 * pairs; i > 0; i -= 1) body.push({ kind: "body", en: 1, ru: 1 });
  for (let i = body.length - 1; i > 0; i -= 1) {
    const j = between(random, 0, i);
    [body[i], body[j]] = [body[j]!, body[i]!];
  }
  // A heading opens the body, and the others divide it into sections of roughly equal length.
  for (let n = headings - 1; n >= 1; n -= 1) {
    const at = Math.round((n * body.length) / headings) + between(random, -2, 2);
    body.splice(Math.max(1, Math.min(body.length, at)), 0, { kind: "heading", en: 1, ru: 1 });
  }
  body.unshift({ kind: "heading", en: 1, ru: 1 });
  return [...front, ...body, ...Array.from({ length: REFERENCES }, () => ({ kind: "reference" as const, en: 1, ru: 1 }))];
}

interface Article {
  languages: Record<"en" | "ru", Language>;
  /** Word counts of the article's body paragraphs (English), to draw paragraph lengths from. */
  lengths: number[];
}

function paragraph(id: number, kind: ParagraphKind, section: number, source: string, refKey: string | null = null): SourceParagraph {
  return { id, kind, refKey, section, line: 0, source, ...parseInline(source) };
}

function synthesiseWork(article: Article, index: number): SourceWork {
  const random = generator(seed * 1_000_003 + index);
  const slug = `bench-${String(index).padStart(5, "0")}`;
  const shapes = unitShapes(random);
  const surname = () => capitalise(tailWord("en", between(random, 1, TAIL_WORDS)));
  const references = Array.from({ length: REFERENCES }, (_, i) => ({ key: `ref-${i + 1}`, family: surname(), year: between(random, 1950, 2024) }));
  const author = { family: surname(), given: surname() };
  const year = between(random, 1990, 2024);
  const firstPage = between(random, 1, 400);

  const paragraphs: Record<"en" | "ru", SourceParagraph[]> = { en: [], ru: [] };
  const units: SourceUnit[] = [];
  const titles = { en: "", ru: "" };
  const pages = { en: { next: firstPage + 1 }, ru: { next: firstPage + 1 } };
  let section = 0;
  for (const [unitIndex, shape] of shapes.entries()) {
    if (shape.kind === "heading") section += 1;
    // A unit says the same in both editions: one length, in each language's measure, split among its paragraphs.
    const length = pick(random, article.lengths) * Math.max(shape.en, shape.ru);
    const words = { en: length * (0.85 + random() * 0.3), ru: length * article.languages.ru.length * (0.85 + random() * 0.3) };
    const split = (count: number) => {
      if (count === 1) return [1];
      const first = 0.4 + random() * 0.2;
      return [first, 1 - first];
    };
    const shares = { en: split(shape.en), ru: split(shape.ru) };
    const unit: SourceUnit = { ordinal: unitIndex + 1, paragraphs: { en: [], ru: [] }, line: unitIndex + 2 };
    for (const code of ["en", "ru"] as const) {
      const language = article.languages[code];
      const count = shape[code];
      for (let part = 0; part < count; part += 1) {
        const id = paragraphs[code].length + 1;
        let source: string;
        let refKey: string | null = null;
        switch (shape.kind) {
          case "title":
            source = titles[code] = phrase(random, language, 5, 11);
            break;
          case "author":
            source = `${author.given} ${author.family}`;
            break;
          case "keywords":
            source = Array.from({ length: between(random, 4, 7) }, () => sampleWord(random, language.vocabulary)).join(", ");
            break;
          case "heading":
            source = phrase(random, language, 2, 6);
            break;
          case "reference": {
            const reference = references[unitIndex - (shapes.length - REFERENCES)]!;
            refKey = reference.key;
            source = `${reference.family} ${capitalise(tailWord(code, between(random, 1, TAIL_WORDS))).charAt(0)}. (${reference.year}) ${phrase(random, language, 4, 9)}. ${phrase(random, language, 2, 4)}, ${between(random, 1, 40)}, ${between(random, 1, 300)}–${between(random, 301, 600)}.`;
            break;
          }
          default:
            source = bodySource(random, language, Math.round(words[code] * shares[code][part]!), references, pages[code]);
        }
        paragraphs[code].push(paragraph(id, shape.kind, section, source, refKey));
        unit.paragraphs[code]!.push(id);
      }
    }
    units.push(unit);
  }

  const metadata = (code: "en" | "ru") =>
    editionMetadataSchema.parse({
      lang: code,
      file: `${code}.txt`,
      status: "published",
      title: titles[code],
      authors: [author],
      journal: code === "en" ? "Synthetic Review of Area Studies" : "Синтетический вестник регионоведения",
      year,
      volume: String(between(random, 1, 60)),
      issue: String(between(random, 1, 4)),
      pages: `${firstPage}–${Math.max(pages.en.next, pages.ru.next)}`,
      firstPage,
      licence: "CC BY 4.0",
      note: "Synthetic text written by npm run bench:corpus for the scale benchmarks.",
    });
  return {
    slug,
    title: titles.en,
    editions: (["en", "ru"] as const).map((code) => ({ metadata: metadata(code), paragraphs: paragraphs[code] })),
    units,
    glossary: [],
    contentHash: createHash("sha256").update(`bench:corpus v${GENERATOR_VERSION} seed ${seed} work ${index} paragraphs ${paragraphCount}`).digest("hex"),
    directory: `bench:corpus/${slug}`,
  };
}

// ---- Writing and reporting ----

async function rowCounts(db: Database): Promise<[string, number][]> {
  return [
    ["Work", await db.work.count()],
    ["Edition", await db.edition.count()],
    ["AlignmentUnit", await db.alignmentUnit.count()],
    ["Paragraph", await db.paragraph.count()],
    ["Sentence", await db.sentence.count()],
    ["GlossaryEntry", await db.glossaryEntry.count()],
  ];
}

async function databaseBytes(db: Database, url: string): Promise<number> {
  if (isPostgresUrl(url)) {
    const [row] = await db.$queryRawUnsafe<{ bytes: string }[]>("SELECT pg_database_size(current_database())::text AS bytes");
    return Number(row?.bytes ?? 0);
  }
  const [row] = await db.$queryRawUnsafe<{ bytes: bigint | number }[]>("SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()");
  return Number(row?.bytes ?? 0);
}

/** What a writer reports after each work. */
type Progress = { status: "created" | "updated" | "unchanged"; paragraphs: number };

/** Writes the works of every `jobs`-th batch, starting with batch `job`, reporting each work. */
async function writeWorks(article: Article, job: number, jobs: number, report: (progress: Progress) => void): Promise<void> {
  const db = createDatabase(url);
  try {
    for (let first = 1 + job * WORKS_PER_TRANSACTION; first <= workCount; first += jobs * WORKS_PER_TRANSACTION) {
      const batch = Array.from({ length: Math.min(WORKS_PER_TRANSACTION, workCount - first + 1) }, (_, offset) => synthesiseWork(article, first + offset));
      const reports = await importWorks(db, batch, { onWorkWritten: ({ status, paragraphs }) => report({ status, paragraphs }) });
      // onWorkWritten sees the works written; the unchanged ones are only in the result.
      for (const { status } of reports) if (status === "unchanged") report({ status, paragraphs: 0 });
      // better-sqlite3 answers synchronously, so a batch never yields to timers (the bar's redraws) or signals: yield now.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    await db.$disconnect();
  }
}

function articleModel(): Article {
  const article = loadWork(ARTICLE);
  const editionOf = (code: string) => article.editions.find((edition) => edition.metadata.lang === code)!;
  const wordsOf = (paragraph: SourceParagraph) => paragraph.text.match(WORD)?.length ?? 0;
  const totalWords = (edition: SourceEdition) => edition.paragraphs.reduce((sum, paragraph) => sum + wordsOf(paragraph), 0);
  return {
    languages: {
      en: { vocabulary: vocabulary("en", editionOf("en")), length: 1 },
      ru: { vocabulary: vocabulary("ru", editionOf("ru")), length: totalWords(editionOf("ru")) / totalWords(editionOf("en")) },
    },
    lengths: editionOf("en").paragraphs.filter((paragraph) => paragraph.kind === "body").map(wordsOf),
  };
}

const url = databaseUrl();

if (values.job !== undefined) {
  // A writer process of a parallel run: reports to the process that started it.
  await writeWorks(articleModel(), Number(values.job), jobCount, (progress) => process.send!(progress));
  process.exit(0);
}

if (spawnSync("npx", ["tsx", "lib/cli/prepare.ts"], { stdio: "inherit" }).status !== 0) fail("lib/cli/prepare.ts failed: the database is not ready");
const started = performance.now();
console.log(
  `bench:corpus: ${workCount} works × 2 editions × ${paragraphCount} paragraphs (seed ${seed}) into ${isPostgresUrl(url) ? "PostgreSQL" : "SQLite"} ${redactPassword(url)}, ${jobCount} writer${jobCount > 1 ? "s" : ""}`,
);
const bar = new SingleBar({
  format: "bench:corpus |{bar}| {value}/{total} works | {paragraphs} paragraphs written | {duration_formatted} (ETA {eta_formatted})",
  noTTYOutput: true,
  notTTYSchedule: 10_000,
  hideCursor: true,
});
const totals = { created: 0, updated: 0, unchanged: 0, paragraphs: 0 };
const count = ({ status, paragraphs }: Progress) => {
  totals[status] += 1;
  totals.paragraphs += paragraphs;
  bar.increment({ paragraphs: totals.paragraphs });
};
const db = createDatabase(url);
try {
  bar.start(workCount, 0, { paragraphs: 0 });
  if (jobCount === 1) {
    await writeWorks(articleModel(), 0, 1, count);
  } else {
    const children = Array.from({ length: jobCount }, (_, job) =>
      fork(process.argv[1]!, [...process.argv.slice(2), "--job", String(job), "--jobs", String(jobCount)], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
    await Promise.all(
      children.map(
        (child, job) =>
          new Promise<void>((resolve, reject) => {
            child.on("message", (progress: Progress) => count(progress));
            child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${job + 1} of ${jobCount} failed (exit ${code})`))));
          }),
      ),
    ).catch((error: unknown) => {
      for (const child of children) child.kill();
      // The works written so far are committed: running the command again goes on from there.
      fail(`${(error as Error).message}; its error is above. Run the command again to go on.`);
    });
  }
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nbench:corpus: ${totals.created} works created, ${totals.updated} updated, ${totals.unchanged} unchanged; ` +
      `${totals.paragraphs} paragraphs written in ${seconds.toFixed(1)} s (${(totals.paragraphs / seconds).toFixed(0)} paragraphs/s)`,
  );
  // What an import does after writing works (importContent): the library's common terms get their postings.
  const refreshing = performance.now();
  const refresh = await refreshPostedTerms(db);
  console.log(
    `bench:corpus: search postings: ${refresh.posted} terms posted (${refresh.postings} postings), ${refresh.dropped} dropped, ${refresh.terms} posted in all; ` +
      `${((performance.now() - refreshing) / 1000).toFixed(1)} s`,
  );
  // What autovacuum and the checkpointer would do a little later: the statistics and visibility of the new
  // rows, and the writing of the pages changed, so that what is measured next does not share the machine
  // with their background passes. CHECKPOINT needs a superuser or pg_checkpoint; without either, it is left
  // to the server's own schedule.
  if (isPostgresUrl(url)) {
    await db.$executeRawUnsafe("VACUUM (ANALYZE)");
    await db.$executeRawUnsafe("CHECKPOINT").catch((error: Error) => console.log(`bench:corpus: no CHECKPOINT (${error.message.split("\n").at(-1)})`));
  }
  const counts = await rowCounts(db);
  const width = Math.max(...counts.map(([table]) => table.length));
  console.log("\nRows in the database now:");
  for (const [table, rows] of counts) console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString("en")}`);
  const bytes = await databaseBytes(db, url);
  console.log(`  ${"size".padEnd(width)}  ${(bytes / 2 ** 20).toFixed(0)} MB${isPostgresUrl(url) ? "" : ` (${sqliteFilePath(url)})`}`);
} finally {
  bar.stop();
  await db.$disconnect();
}
