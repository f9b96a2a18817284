/**
 * Counting matching alignment units from the keys of the index rows that
 * match. A common word matches a large share of a library's paragraphs;
 * grouping them in SQL (a sort, and a set per unit) costs several times as
 * much as reading them, so the database hands over the keys in one string and
 * they are counted here in one pass. The same keys then say which paragraphs
 * of a page's works matched, with no second scan.
 *
 * A key says where a matching paragraph is: the work, the unit's ordinal, the
 * edition's language slot and the paragraph's place among that edition's
 * paragraphs in the unit, packed as bit fields from the most significant.
 */
export interface KeyLayout {
  unitBits: number;
  slotBits: number;
  positionBits: number;
}

export interface ParagraphKey {
  work: number;
  unit: number;
  slot: number;
  position: number;
}

export interface UnitCounts {
  /** Matching units per work. */
  works: Map<number, number>;
  /** Per language slot, the units in which that edition matches. */
  slots: Map<number, number>;
}

/** Counts one key after another, in ascending order. */
class UnitCounter {
  readonly counts: UnitCounts = { works: new Map(), slots: new Map() };
  private readonly positionSpan: number;
  private readonly slotSpan: number;
  private readonly unitSpan: number;
  private previousEdition = -1;
  private previousUnit = -1;
  private work = -1;
  private workUnits = 0;

  constructor(layout: KeyLayout) {
    this.positionSpan = 2 ** layout.positionBits;
    this.slotSpan = 2 ** layout.slotBits;
    this.unitSpan = 2 ** layout.unitBits;
  }

  add(key: number): void {
    // Paragraphs of one edition in one unit count once, as do a unit's editions for its work.
    const edition = Math.floor(key / this.positionSpan);
    if (edition === this.previousEdition) return;
    this.previousEdition = edition;
    const slot = edition % this.slotSpan;
    this.counts.slots.set(slot, (this.counts.slots.get(slot) ?? 0) + 1);
    const unit = (edition - slot) / this.slotSpan;
    if (unit === this.previousUnit) return;
    this.previousUnit = unit;
    const work = Math.floor(unit / this.unitSpan);
    if (work !== this.work) {
      this.finishWork();
      this.work = work;
      this.workUnits = 0;
    }
    this.workUnits += 1;
  }

  finish(): UnitCounts {
    this.finishWork();
    return this.counts;
  }

  private finishWork(): void {
    if (this.work >= 0) this.counts.works.set(this.work, this.workUnits);
  }
}

/** Matching units per work and per language slot, from the ascending keys of every matching paragraph. */
export function countUnits(keys: Float64Array, layout: KeyLayout): UnitCounts {
  const counter = new UnitCounter(layout);
  for (const key of keys) counter.add(key);
  return counter.finish();
}

/**
 * The keys of a comma-separated list of decimal keys (SQLite's group_concat)
 * in ascending order, and their counts: one pass over the text when the keys
 * come in ascending order, as the index hands them over; a sort and a count
 * of the sorted keys when they do not.
 */
export function readKeys(list: string, layout: KeyLayout): { keys: Float64Array; counts: UnitCounts } {
  if (list === "") return { keys: new Float64Array(0), counts: { works: new Map(), slots: new Map() } };
  // Counting the commas first costs less than allocating (and collecting) room for the most keys the text could hold.
  let commas = 0;
  for (let i = 0; i < list.length; i += 1) if (list.charCodeAt(i) === 44) commas += 1;
  const keys = new Float64Array(commas + 1);
  const counter = new UnitCounter(layout);
  let count = 0;
  let value = 0;
  let sorted = true;
  for (let i = 0; i <= list.length; i += 1) {
    const code = i === list.length ? 44 : list.charCodeAt(i);
    if (code === 44) {
      // Beyond 2^53 a double no longer holds every integer: the counts would be silently wrong.
      if (!Number.isSafeInteger(value)) throw new Error(`unit counts: key ${count + 1} is larger than ${Number.MAX_SAFE_INTEGER}`);
      if (count > 0 && value < keys[count - 1]!) sorted = false;
      if (sorted) counter.add(value);
      keys[count] = value;
      count += 1;
      value = 0;
    } else if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
    } else {
      throw new Error(`unit counts: "${list[i]}" at ${i} is not part of a decimal key`);
    }
  }
  const read = keys.subarray(0, count);
  if (sorted) return { keys: read, counts: counter.finish() };
  read.sort();
  return { keys: read, counts: countUnits(read, layout) };
}

export function splitKey(key: number, layout: KeyLayout): ParagraphKey {
  const positionSpan = 2 ** layout.positionBits;
  const slotSpan = 2 ** layout.slotBits;
  const unitSpan = 2 ** layout.unitBits;
  const position = key % positionSpan;
  const edition = (key - position) / positionSpan;
  const slot = edition % slotSpan;
  const unit = (edition - slot) / slotSpan;
  return { work: Math.floor(unit / unitSpan), unit: unit % unitSpan, slot, position };
}

/** The first key of a work's keys. */
const workStart = (work: number, layout: KeyLayout) => work * 2 ** (layout.unitBits + layout.slotBits + layout.positionBits);

/** The keys of one work: a binary search for its first key, then every key up to the next work's first. */
export function keysOfWork(keys: Float64Array, work: number, layout: KeyLayout): Float64Array {
  const lowerBound = (value: number) => {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return keys.subarray(lowerBound(workStart(work, layout)), lowerBound(workStart(work + 1, layout)));
}
