/**
 * Seeded perturbations of the target side that mimic real editions, carrying
 * the gold alignment along: merged and split paragraphs, missing paragraphs,
 * and a lost page (a run of consecutive paragraphs gone).
 */
import type { GoldBead, ParallelText } from "./datasets.ts";

export const PERTURBATIONS = ["clean", "merged", "split", "missing", "lost-page", "mixed"] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

/** mulberry32: a small deterministic generator, so every run sees the same editions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A target segment with the gold beads it belongs to. */
interface Item {
  text: string;
  beads: number[];
}

function merge(items: Item[], rate: number, random: () => number): Item[] {
  const result: Item[] = [];
  for (const item of items) {
    const last = result.at(-1);
    if (last && random() < rate) result[result.length - 1] = { text: `${last.text} ${item.text}`, beads: [...last.beads, ...item.beads] };
    else result.push(item);
  }
  return result;
}

/** Splits a segment at the sentence end nearest its middle; segments of one sentence stay whole. */
function split(items: Item[], rate: number, random: () => number): Item[] {
  return items.flatMap((item) => {
    if (random() >= rate) return [item];
    const ends = [...item.text.matchAll(/[.!?…»"”)] +(?=\p{Lu})/gu)].map((match) => match.index! + match[0].length);
    if (ends.length === 0) return [item];
    const middle = item.text.length / 2;
    const cut = ends.reduce((best, end) => (Math.abs(end - middle) < Math.abs(best - middle) ? end : best));
    return [
      { text: item.text.slice(0, cut).trim(), beads: item.beads },
      { text: item.text.slice(cut).trim(), beads: item.beads },
    ];
  });
}

function drop(items: Item[], rate: number, random: () => number): Item[] {
  return items.filter(() => random() >= rate);
}

/** Removes a run of 6% of the segments (at least 5) from the middle part of the text. */
function losePage(items: Item[], random: () => number): Item[] {
  const length = Math.min(items.length, Math.max(5, Math.round(items.length * 0.06)));
  const start = Math.floor(items.length * 0.1 + random() * Math.max(0, items.length * 0.8 - length));
  return [...items.slice(0, start), ...items.slice(start + length)];
}

/**
 * The gold after the target changed: beads that now share a target segment
 * become one; a gold bead left without target segments becomes one 1:0 bead
 * per source segment.
 */
function rebuildGold(gold: GoldBead[], items: Item[]): GoldBead[] {
  const parent = gold.map((_, index) => index);
  const find = (bead: number): number => {
    while (parent[bead] !== bead) bead = parent[bead] = parent[parent[bead]!]!;
    return bead;
  };
  for (const item of items) for (const bead of item.beads.slice(1)) parent[find(bead)] = find(item.beads[0]!);

  const targetsOf = new Map<number, number[]>();
  items.forEach((item, index) => {
    const root = find(item.beads[0]!);
    targetsOf.set(root, [...(targetsOf.get(root) ?? []), index]);
  });
  const result: GoldBead[] = [];
  const emitted = new Set<number>();
  gold.forEach((bead, index) => {
    const root = find(index);
    const targets = targetsOf.get(root);
    if (!targets) {
      for (const source of bead.source) result.push({ source: [source], target: [] });
      return;
    }
    if (emitted.has(root)) return;
    emitted.add(root);
    const sources = gold.flatMap((other, otherIndex) => (find(otherIndex) === root ? other.source : [])).sort((a, b) => a - b);
    result.push({ source: sources, target: targets });
  });
  return result;
}

export function perturb(text: ParallelText, perturbation: Perturbation, seed: number): ParallelText {
  const random = seededRandom(seed);
  let items: Item[] = [];
  text.gold.forEach((bead, index) => {
    for (const target of bead.target) items[target] = { text: text.target[target]!, beads: [index] };
  });
  if (perturbation === "merged") items = merge(items, 0.1, random);
  if (perturbation === "split") items = split(items, 0.15, random);
  if (perturbation === "missing") items = drop(items, 0.05, random);
  if (perturbation === "lost-page") items = losePage(items, random);
  if (perturbation === "mixed") items = losePage(drop(split(merge(items, 0.05, random), 0.08, random), 0.03, random), random);
  return { ...text, name: `${text.name}/${perturbation}`, target: items.map((item) => item.text), gold: rebuildGold(text.gold, items) };
}

/** The text repeated until the source has `count` segments, gold included: a long text of real sentences. */
export function replicate(text: ParallelText, count: number): ParallelText {
  const result: ParallelText = { ...text, name: `${text.name}×${count}`, source: [], target: [], gold: [] };
  fill: while (result.source.length < count) {
    for (const bead of text.gold) {
      if (result.source.length + bead.source.length > count) break fill;
      result.gold.push({
        source: bead.source.map((_, offset) => result.source.length + offset),
        target: bead.target.map((_, offset) => result.target.length + offset),
      });
      result.source.push(...bead.source.map((index) => text.source[index]!));
      result.target.push(...bead.target.map((index) => text.target[index]!));
    }
  }
  return result;
}
