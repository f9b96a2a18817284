/**
 * Counting matching alignment units from the keys of the index rows that
 * match. A common word matches a large share of a library's paragraphs;
 * grouping them in SQL (a sort, and a set per unit) costs several times as
 * much as reading them, so the database hands over the keys in one value
 * (SQLite as decimal text, PostgreSQL as 64-bit big-endian binary) and they
 * are counted here in one pass. The same keys then say which paragraphs of a
 * page's works matched, with no second scan.
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

/** Bits below a key's work: the fields within a work fit one unsigned 32-bit integer, so that they are read with integer operations. */
function bitsWithinWork(layout: KeyLayout): number {
  const bits = layout.unitBits + layout.slotBits + layout.positionBits;
  if (bits > 32) throw new Error(`unit counts: a key's unit, slot and position take ${bits} bits; at most 32 are read as one integer`);
  return bits;
}

/**
 * Matching units per work and per language slot, from the ascending keys of every matching paragraph, in
 * one pass. A key is split into its work (a division by a power of two, exact for any safe integer) and the
 * 32 bits below it, whose fields are read with shifts: the remainder of a double (%) costs several times as
 * much, and a common word brings 80,000 keys.
 */
export function countUnits(keys: Float64Array, layout: KeyLayout): UnitCounts {
  const workSpan = 2 ** bitsWithinWork(layout);
  const slotMask = 2 ** layout.slotBits - 1;
  const works = new Map<number, number>();
  // Units per slot: an array, as there are few slots and every key may add to one.
  const slotUnits = new Float64Array(slotMask + 1);
  let work = -1;
  let workUnits = 0;
  let previousEdition = -1;
  let previousUnit = -1;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const keyWork = Math.floor(key / workSpan);
    if (keyWork !== work) {
      if (work >= 0) works.set(work, workUnits);
      work = keyWork;
      workUnits = 0;
      previousEdition = -1;
      previousUnit = -1;
    }
    // Paragraphs of one edition in one unit count once, as do a unit's editions for its work.
    const edition = (key - keyWork * workSpan) >>> layout.positionBits;
    if (edition === previousEdition) continue;
    previousEdition = edition;
    slotUnits[edition & slotMask]! += 1;
    const unit = edition >>> layout.slotBits;
    if (unit === previousUnit) continue;
    previousUnit = unit;
    workUnits += 1;
  }
  if (work >= 0) works.set(work, workUnits);
  const slots = new Map<number, number>();
  slotUnits.forEach((units, slot) => {
    if (units > 0) slots.set(slot, units);
  });
  return { works, slots };
}

export interface ReadKeys {
  /** In ascending order, each once. */
  keys: Float64Array;
  counts: UnitCounts;
}

/** How many keys, per key, merging may move before sorting is cheaper (see `ascending`). */
const MERGE_BUDGET = 4;

/** The first index of `sorted[from, to)` whose key is at least `value`. */
function lowerBound(sorted: Float64Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Writes the ascending runs `a` and `b`, merged, into `target` from `start`. `b` may lie in `target` itself
 * where the merged runs end: a key is then written only where one of `b` was already read.
 */
function mergeInto(target: Float64Array, start: number, a: Float64Array, b: Float64Array): void {
  let i = 0;
  let j = 0;
  let out = start;
  while (i < a.length && j < b.length) target[out++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  target.set(a.subarray(i), out);
  target.set(b.subarray(j), out + a.length - i);
}

/**
 * The keys in ascending order, ordered where they are. SQLite hands them over in that order. PostgreSQL
 * hands them over in the order of its rows, a work's paragraphs edition by edition: ascending runs, each
 * overlapping only the runs of its own work, that is the keys just before it. Each run is merged with the
 * keys before it that are larger than its first, found by searching back from the run (sorting 67,000 such
 * keys took 2.4 ms). Keys in no such order would make merging move the same keys again and again: past a
 * budget, they are sorted instead.
 */
function ascending(keys: Float64Array): Float64Array {
  let budget = MERGE_BUDGET * keys.length;
  let overlapped = new Float64Array(64);
  // keys[0, sorted) are in order.
  let sorted = 1;
  while (sorted < keys.length) {
    const first = keys[sorted]!;
    if (first >= keys[sorted - 1]!) {
      sorted += 1;
      continue;
    }
    let end = sorted + 1;
    while (end < keys.length && keys[end]! >= keys[end - 1]!) end += 1;
    // Back from the run in growing steps, to a key no larger than its first (or the start), then a binary search;
    // keys are whole numbers, so the first key larger than the run's first is the first at least one more.
    let low = sorted - 1;
    for (let step = 1; low > 0 && keys[low]! > first; step *= 2) low = Math.max(0, low - step);
    const from = lowerBound(keys, low, sorted, first + 1);
    budget -= sorted - from;
    if (budget < 0) return keys.sort();
    if (overlapped.length < sorted - from) overlapped = new Float64Array(Math.max(sorted - from, 2 * overlapped.length));
    overlapped.set(keys.subarray(from, sorted));
    mergeInto(keys, from, overlapped.subarray(0, sorted - from), keys.subarray(sorted, end));
    sorted = end;
  }
  return keys;
}

/** Ascending keys with each key once: a paragraph that two sources of keys both name (two terms of a query, a term and a glossary entry) is one match. */
function distinct(sorted: Float64Array): Float64Array {
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (kept === 0 || sorted[i]! !== sorted[kept - 1]!) sorted[kept++] = sorted[i]!;
  }
  return sorted.subarray(0, kept);
}

/** The keys in ascending order, each once, and their counts. */
function counted(keys: Float64Array, layout: KeyLayout): ReadKeys {
  const sorted = distinct(ascending(keys));
  return { keys: sorted, counts: countUnits(sorted, layout) };
}

// Beyond 2^53 a double no longer holds every integer: the counts would be silently wrong.
const tooLarge = (index: number) => new Error(`unit counts: key ${index + 1} is larger than ${Number.MAX_SAFE_INTEGER}`);

/** The keys of a comma-separated list of decimal keys (SQLite's group_concat), and their counts. */
export function readKeys(list: string, layout: KeyLayout): ReadKeys {
  if (list === "") return counted(new Float64Array(0), layout);
  // One pass, into room for as many keys as the first key's length allows: SQLite's keys come ascending, so
  // none is shorter than the first and the room suffices; keys in another order grow it. Counting the commas
  // first took 2.4 of the 5.8 ms that a common word's 85,000 keys cost to read.
  const first = list.indexOf(",");
  let keys = new Float64Array(first < 0 ? 1 : Math.ceil((list.length + 1) / (first + 1)));
  let count = 0;
  let value = 0;
  for (let i = 0; i <= list.length; i += 1) {
    const code = i === list.length ? 44 : list.charCodeAt(i);
    if (code === 44) {
      if (!Number.isSafeInteger(value)) throw tooLarge(count);
      if (count === keys.length) {
        const grown = new Float64Array(2 * keys.length);
        grown.set(keys);
        keys = grown;
      }
      keys[count] = value;
      count += 1;
      value = 0;
    } else if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
    } else {
      throw new Error(`unit counts: "${list[i]}" at ${i} is not part of a decimal key`);
    }
  }
  return counted(keys.subarray(0, count), layout);
}

const HIGH_WORD = 2 ** 32;

/** Two ascending runs of keys as one. */
function mergeAscending(a: Float64Array, b: Float64Array): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  mergeInto(merged, 0, a, b);
  return merged;
}

/** Keys as unsigned 64-bit big-endian integers, in ascending order: what decodeKeyBytes reads (and SearchPosting keeps). */
export function keyBytes(keys: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(keys.length * 8);
  const view = new DataView(bytes.buffer);
  [...keys]
    .sort((a, b) => a - b)
    .forEach((key, i) => {
      if (!Number.isSafeInteger(key) || key < 0) throw new Error(`unit counts: ${key} is not a key (a whole number from 0 to ${Number.MAX_SAFE_INTEGER})`);
      view.setUint32(i * 8, Math.floor(key / HIGH_WORD));
      view.setUint32(i * 8 + 4, key % HIGH_WORD);
    });
  return bytes;
}

/** The keys of a run of unsigned 64-bit big-endian integers (PostgreSQL's int8send, concatenated), as they come. */
function decodeKeyBytes(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) throw new Error(`unit counts: ${bytes.length} bytes are not a whole number of 8-byte keys`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys = new Float64Array(bytes.length / 8);
  for (let i = 0; i < keys.length; i += 1) {
    const key = view.getUint32(i * 8) * HIGH_WORD + view.getUint32(i * 8 + 4);
    if (!Number.isSafeInteger(key)) throw tooLarge(i);
    keys[i] = key;
  }
  return keys;
}

/**
 * The keys of runs of unsigned 64-bit big-endian integers (PostgreSQL's int8send, concatenated), one run
 * per statement that read them (one per partition of the table), and their counts. Reading them costs a
 * fraction of parsing the same keys as decimal text. Each part is put in order by itself (its rows come in
 * their table's order), then the parts are merged.
 */
export function readKeyBytes(parts: Uint8Array[], layout: KeyLayout): ReadKeys {
  return combineKeys(parts.map(ascendingKeyBytes), layout);
}

/** The keys of a run of unsigned 64-bit big-endian integers, in ascending order. */
export function ascendingKeyBytes(bytes: Uint8Array): Float64Array {
  return ascending(decodeKeyBytes(bytes));
}

/** Ascending runs of keys as one, each key once, and their counts: the matches of a query read from more than one source. */
export function combineKeys(runs: Float64Array[], layout: KeyLayout): ReadKeys {
  const keys = distinct(runs.length === 0 ? new Float64Array(0) : runs.reduce(mergeAscending));
  return { keys, counts: countUnits(keys, layout) };
}

/** The keys of one language slot, in their order, and their counts: a search in one edition language is the library's search, narrowed. */
export function keysOfSlot({ keys }: ReadKeys, slot: number, layout: KeyLayout): ReadKeys {
  const workSpan = 2 ** bitsWithinWork(layout);
  const slotMask = 2 ** layout.slotBits - 1;
  // The fields below the work read as in countUnits: a subtraction and shifts, not the remainder of a double.
  const kept = keys.filter((key) => (((key - Math.floor(key / workSpan) * workSpan) >>> layout.positionBits) & slotMask) === slot);
  return { keys: kept, counts: countUnits(kept, layout) };
}

/** A key's fields: its work by a division, the fields below it by shifts, as `countUnits` reads them. */
export function splitKey(key: number, layout: KeyLayout): ParagraphKey {
  const workSpan = 2 ** bitsWithinWork(layout);
  const work = Math.floor(key / workSpan);
  const withinWork = key - work * workSpan;
  return {
    work,
    unit: withinWork >>> (layout.slotBits + layout.positionBits),
    slot: (withinWork >>> layout.positionBits) & (2 ** layout.slotBits - 1),
    position: withinWork & (2 ** layout.positionBits - 1),
  };
}

/** The first key of a work's keys. */
const workStart = (work: number, layout: KeyLayout) => work * 2 ** bitsWithinWork(layout);

/** The keys of one work: a binary search for its first key, then every key up to the next work's first. */
export function keysOfWork(keys: Float64Array, work: number, layout: KeyLayout): Float64Array {
  return keys.subarray(lowerBound(keys, 0, keys.length, workStart(work, layout)), lowerBound(keys, 0, keys.length, workStart(work + 1, layout)));
}
