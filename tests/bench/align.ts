/**
 * `npm run bench:align`: accuracy, time and peak memory of the aligner
 * against the Gale–Church baseline on real translations with seeded
 * perturbations, then the 10,000 × 10,000 paragraph run. Each case runs in
 * its own child process (tests/bench/align-case.ts), one at a time, so that
 * its time and its peak resident memory (maxRSS, which includes Node, tsx and
 * the loaded data) are its own. lib/align/README.md describes the method.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureInstallationGuide } from "./datasets.ts";
import type { AlignmentScores } from "./metrics.ts";
import { PERTURBATIONS } from "./perturb.ts";

interface CaseResult extends AlignmentScores {
  sourceSegments: number;
  targetSegments: number;
  milliseconds: number;
  peakMegabytes: number;
}

const CASE_SCRIPT = path.join(import.meta.dirname, "align-case.ts");
const DATASETS = ["udhr", "installation-guide", "coreutils-messages", "streltsov-2018", "streltsov-2018+glossary"];
const SCALE_SEGMENTS = 10_000;

function runCase(args: string[]): CaseResult | null {
  const child = spawnSync(process.execPath, ["--import", "tsx", CASE_SCRIPT, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`align-case ${args.join(" ")} failed:\n${child.stderr}`);
  const result = JSON.parse(child.stdout) as CaseResult | { missing: true };
  return "missing" in result ? null : result;
}

const percent = (value: number) => (100 * value).toFixed(1);

function row(perturbation: string, method: string, result: CaseResult): string {
  return [
    perturbation,
    method,
    `${result.sourceSegments}×${result.targetSegments}`,
    percent(result.precision),
    percent(result.recall),
    percent(result.f1),
    percent(result.exactBeads),
    method === "aligner" && result.scoreAuc !== null ? result.scoreAuc.toFixed(2) : "–",
    result.milliseconds.toFixed(0),
    result.peakMegabytes.toFixed(0),
  ].join(" | ");
}

const HEADER = [
  "| perturbation | method | segments | P % | R % | F1 % | exact beads % | score AUC | time ms | peak MB |",
  "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

try {
  ensureInstallationGuide();
} catch (error) {
  process.stderr.write(`could not fetch the Debian installation guide (apt-get download): ${(error as Error).message}\n`);
}

const losses: string[] = [];
const summary: string[] = [];
for (const dataset of DATASETS) {
  const lines: string[] = [];
  const means = { aligner: { f1: 0, exact: 0 }, baseline: { f1: 0, exact: 0 }, cases: 0 };
  for (const perturbation of PERTURBATIONS) {
    let aligner: CaseResult | null;
    let baseline: CaseResult | null;
    try {
      aligner = runCase([dataset, perturbation, "aligner"]);
      baseline = runCase([dataset, perturbation, "baseline"]);
    } catch (error) {
      lines.push(`(${perturbation}: ${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    if (!aligner || !baseline) break;
    lines.push(`| ${row(perturbation, "aligner", aligner)} |`, `| ${row(perturbation, "Gale–Church", baseline)} |`);
    if (aligner.f1 < baseline.f1 || aligner.exactBeads < baseline.exactBeads) losses.push(`${dataset}/${perturbation}`);
    means.aligner.f1 += aligner.f1;
    means.aligner.exact += aligner.exactBeads;
    means.baseline.f1 += baseline.f1;
    means.baseline.exact += baseline.exactBeads;
    means.cases += 1;
  }
  if (lines.length === 0) continue;
  if (means.cases > 0) {
    const mean = (value: number) => percent(value / means.cases);
    summary.push(
      `| ${dataset} | ${mean(means.aligner.f1)} | ${mean(means.baseline.f1)} | ${mean(means.aligner.exact)} | ${mean(means.baseline.exact)} |`,
    );
  }
  console.log(`\n### ${dataset}\n`);
  console.log([...HEADER, ...lines].join("\n"));
}

console.log("\n### mean over the perturbations\n");
console.log(["| set | aligner F1 % | Gale–Church F1 % | aligner exact % | Gale–Church exact % |", "| --- | ---: | ---: | ---: | ---: |", ...summary].join("\n"));

console.log(`\n### scale: installation-guide replicated to ${SCALE_SEGMENTS.toLocaleString("en")} paragraphs, aligner only\n`);
console.log(HEADER.join("\n"));
for (const perturbation of ["clean", "mixed"]) {
  try {
    const result = runCase(["installation-guide", perturbation, "aligner", String(SCALE_SEGMENTS)]);
    if (result) console.log(`| ${row(perturbation, "aligner", result)} |`);
  } catch (error) {
    console.log(`(${perturbation}: ${(error as Error).message.split("\n")[0]})`);
  }
}

console.log(losses.length === 0 ? "\nThe aligner is never below the baseline, on F1 or exact beads." : `\nBelow the baseline: ${losses.join(", ")}`);
