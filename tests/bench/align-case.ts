/**
 * One benchmark case, run in a child process of tests/bench/align.ts so that
 * its peak memory is its own: loads a data set, perturbs it, aligns it and
 * prints one JSON line of scores, time and peak resident memory.
 *
 * Usage: node --import tsx tests/bench/align-case.ts DATASET PERTURBATION aligner|baseline [REPLICATE_TO]
 */
import { alignParagraphs } from "@/lib/align";
import { loadArticle, loadArticleWithGlossary, loadCoreutilsMessages, loadInstallationGuide, loadUdhr, type ParallelText } from "./datasets.ts";
import { galeChurchAlign } from "./gale-church.ts";
import { scoreAlignment } from "./metrics.ts";
import { perturb, PERTURBATIONS, replicate, type Perturbation } from "./perturb.ts";

const LOADERS: Record<string, () => ParallelText | null> = {
  udhr: loadUdhr,
  "installation-guide": loadInstallationGuide,
  "coreutils-messages": loadCoreutilsMessages,
  "streltsov-2018": loadArticle,
  "streltsov-2018+glossary": loadArticleWithGlossary,
};

/** A seed per case from its name, so each perturbation is the same on every run (and with or without a glossary). */
function seedOf(name: string): number {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

const [datasetName = "", perturbationName = "", method = "", replicateTo] = process.argv.slice(2);
const load = LOADERS[datasetName];
if (!load || !(PERTURBATIONS as readonly string[]).includes(perturbationName) || (method !== "aligner" && method !== "baseline")) {
  process.stderr.write("usage: align-case.ts DATASET PERTURBATION aligner|baseline [REPLICATE_TO]\n");
  process.exit(2);
}
const base = load();
if (!base) {
  process.stdout.write(`${JSON.stringify({ missing: true })}\n`);
  process.exit(0);
}
const text = perturb(replicateTo ? replicate(base, Number(replicateTo)) : base, perturbationName as Perturbation, seedOf(`${datasetName.replace(/\+.*/, "")}/${perturbationName}`));

const started = performance.now();
const beads =
  method === "aligner"
    ? alignParagraphs(text.source, text.target, { sourceLanguage: text.sourceLanguage, targetLanguage: text.targetLanguage, lexicon: text.lexicon })
    : galeChurchAlign(text.source, text.target);
const milliseconds = performance.now() - started;

process.stdout.write(
  `${JSON.stringify({
    sourceSegments: text.source.length,
    targetSegments: text.target.length,
    ...scoreAlignment(beads, text.gold),
    milliseconds,
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
