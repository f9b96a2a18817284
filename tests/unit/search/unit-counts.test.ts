import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ascendingKeyBytes,
  combineKeys,
  countUnits,
  keyBytes,
  keysOfSlot,
  keysOfWork,
  readKeyBytes,
  readKeys,
  splitKey,
  type KeyLayout,
  type ParagraphKey,
} from "@/lib/search/unit-counts";

// The layout of the SQLite index's rowids (lib/db/search-index.ts).
const layout: KeyLayout = { unitBits: 18, slotBits: 6, positionBits: 8 };
const key = ({ work, unit, slot, position }: ParagraphKey) => ((work * 2 ** 18 + unit) * 2 ** 6 + slot) * 2 ** 8 + position;

describe("counting matching units from the index's keys", () => {
  it("counts a unit once per work and once per edition, however many of its paragraphs match", () => {
    const keys = [
      // Work 1, unit 3: two English paragraphs and one Russian one match.
      { work: 1, unit: 3, slot: 0, position: 0 },
      { work: 1, unit: 3, slot: 0, position: 1 },
      { work: 1, unit: 3, slot: 1, position: 0 },
      // Work 1, unit 7: only the Russian edition's second paragraph.
      { work: 1, unit: 7, slot: 1, position: 1 },
      // Work 2, unit 3: the English edition.
      { work: 2, unit: 3, slot: 0, position: 0 },
    ].map(key);
    const { counts } = readKeys(keys.join(","), layout);
    expect(counts.works).toEqual(new Map([[1, 2], [2, 1]]));
    expect(counts.slots).toEqual(new Map([[0, 2], [1, 2]]));
  });

  it("gives the same counts as counting distinct units directly, in whatever order the keys come, the keys in order, and one language slot's alone", () => {
    // Mostly a few small works and units, so that keys share works and units; now and then the largest the layout holds.
    const paragraphKey = fc.record({
      work: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 6 }), weight: 9 }, { arbitrary: fc.integer({ min: 1, max: 2 ** 21 - 1 }), weight: 1 }),
      unit: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 12 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 2 ** 18 - 1 }), weight: 1 }),
      slot: fc.integer({ min: 0, max: 3 }),
      position: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(paragraphKey, { maxLength: 200, selector: key }), (paragraphs) => {
        const { keys, counts } = readKeys(paragraphs.map(key).join(","), layout);
        expect([...keys]).toEqual(paragraphs.map(key).sort((a, b) => a - b));
        expect(countUnits(keys, layout)).toEqual(counts);
        const units = new Map<number, Set<number>>();
        const editions = new Map<number, Set<string>>();
        for (const { work, unit, slot } of paragraphs) {
          units.set(work, (units.get(work) ?? new Set()).add(unit));
          editions.set(slot, (editions.get(slot) ?? new Set()).add(`${work} ${unit}`));
        }
        expect(counts.works).toEqual(new Map([...units].map(([work, set]) => [work, set.size])));
        expect(counts.slots).toEqual(new Map([...editions].map(([slot, set]) => [slot, set.size])));
        for (const slot of [0, 1, 2, 3]) {
          const ofSlot = paragraphs.filter((paragraph) => paragraph.slot === slot).map(key);
          expect(keysOfSlot({ keys, counts }, slot, layout)).toEqual(readKeys(ofSlot.join(","), layout));
        }
      }),
    );
  });

  it("orders keys that come as PostgreSQL's rows do (each work's editions one after the other) as it orders any others", () => {
    const paragraphKey = fc.record({ work: fc.integer({ min: 1, max: 8 }), unit: fc.integer({ min: 0, max: 40 }), slot: fc.integer({ min: 0, max: 2 }), position: fc.integer({ min: 0, max: 2 }) });
    const rowOrder = (a: ParagraphKey, b: ParagraphKey) => a.work - b.work || a.slot - b.slot || a.unit - b.unit || a.position - b.position;
    fc.assert(
      fc.property(fc.uniqueArray(paragraphKey, { maxLength: 300, selector: key }), fc.boolean(), (paragraphs, worksInOrder) => {
        const rows = [...paragraphs].sort(rowOrder);
        // A work imported again is written after the works imported since.
        if (!worksInOrder && rows.length > 0) rows.push(...rows.splice(0, rows.filter((row) => row.work === rows[0]!.work).length));
        const expected = readKeys(paragraphs.map(key).join(","), layout);
        expect(readKeys(rows.map(key).join(","), layout)).toEqual(expected);
        expect([...expected.keys]).toEqual(paragraphs.map(key).sort((a, b) => a - b));
      }),
    );
  });

  it("reads the same keys from 64-bit big-endian binary (PostgreSQL's int8send), in one part or several, as from decimal text", () => {
    const paragraphKey = fc.record({ work: fc.integer({ min: 1, max: 2 ** 21 - 1 }), unit: fc.integer({ min: 0, max: 2 ** 18 - 1 }), slot: fc.integer({ min: 0, max: 63 }), position: fc.integer({ min: 0, max: 255 }) });
    const binary = (keys: number[]) => {
      const bytes = Buffer.alloc(keys.length * 8);
      keys.forEach((value, i) => bytes.writeBigUInt64BE(BigInt(value), i * 8));
      return bytes;
    };
    fc.assert(
      fc.property(fc.array(paragraphKey, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 3 }), (paragraphs, cuts) => {
        const keys = paragraphs.map(key);
        const expected = readKeys(keys.join(","), layout);
        expect(readKeyBytes([binary(keys)], layout)).toEqual(expected);
        // As the partitions of PostgreSQL's table hand them over: a statement's keys each.
        const bounds = [0, ...cuts.map((cut) => cut % (keys.length + 1)).sort((a, b) => a - b), keys.length];
        expect(readKeyBytes(bounds.slice(1).map((end, i) => binary(keys.slice(bounds[i], end))), layout)).toEqual(expected);
      }),
    );
    expect(readKeyBytes([], layout)).toEqual(readKeys("", layout));
  });

  it("writes keys as the binary it reads (SearchPosting's keys), ascending, and refuses what is not a key", () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 50 }), (keys) => {
        const bytes = keyBytes(keys);
        expect(bytes.length).toBe(keys.length * 8);
        expect([...ascendingKeyBytes(bytes)]).toEqual([...keys].sort((a, b) => a - b));
      }),
    );
    expect(Buffer.from(keyBytes([2 ** 32 + 5, 1])).toString("hex")).toBe("00000000000000010000000100000005");
    expect(() => keyBytes([1.5])).toThrow(/1.5 is not a key/);
    expect(() => keyBytes([-1])).toThrow(/-1 is not a key/);
  });

  it("combines the keys of several sources (a term's postings, a glossary entry's matches) into one ascending list, each key once, and counts them once", () => {
    const paragraphKey = fc.record({ work: fc.integer({ min: 1, max: 4 }), unit: fc.integer({ min: 0, max: 6 }), slot: fc.integer({ min: 0, max: 1 }), position: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(fc.array(paragraphKey, { maxLength: 60 }), { maxLength: 4 }), (sources) => {
        const runs = sources.map((paragraphs) => ascendingKeyBytes(keyBytes(paragraphs.map(key))));
        const all = [...new Set(sources.flat().map(key))].sort((a, b) => a - b);
        const combined = combineKeys(runs, layout);
        expect([...combined.keys]).toEqual(all);
        expect(combined).toEqual(readKeys(all.join(","), layout));
      }),
    );
    // A key read twice in one list, too, counts once.
    expect(readKeys("5,5,5", layout).keys).toEqual(new Float64Array([5]));
  });

  it("refuses bytes that are not whole keys, keys beyond 2^53, or a layout whose fields within a work exceed 32 bits", () => {
    expect(() => readKeyBytes([new Uint8Array(12)], layout)).toThrow(/12 bytes are not a whole number of 8-byte keys/);
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64BE(2n ** 53n, 8);
    expect(() => readKeyBytes([bytes], layout)).toThrow(/key 2 is larger than/);
    expect(() => countUnits(new Float64Array([1]), { ...layout, unitBits: 19 })).toThrow(/take 33 bits; at most 32/);
  });

  it("reads back each key's fields and finds one work's keys", () => {
    const paragraphs = [
      { work: 4, unit: 0, slot: 1, position: 2 },
      { work: 5, unit: 262_143, slot: 63, position: 255 },
      { work: 5, unit: 9, slot: 0, position: 0 },
      { work: 2_000_000, unit: 1, slot: 2, position: 3 },
    ];
    const { keys } = readKeys(paragraphs.map(key).join(","), layout);
    expect(Array.from(keys, (value) => splitKey(value, layout))).toEqual([paragraphs[0], paragraphs[2], paragraphs[1], paragraphs[3]]);
    expect(Array.from(keysOfWork(keys, 5, layout), (value) => splitKey(value, layout))).toEqual([paragraphs[2], paragraphs[1]]);
    expect(keysOfWork(keys, 3, layout)).toHaveLength(0);
  });

  it("reads an empty list as no keys, and refuses what is not a list of safe integers", () => {
    expect(readKeys("", layout)).toEqual({ keys: new Float64Array(0), counts: { works: new Map(), slots: new Map() } });
    expect(() => readKeys("12,x4", layout)).toThrow(/"x" at 3/);
    expect(() => readKeys(`1,${2n ** 53n + 1n}`, layout)).toThrow(/key 2 is larger than/);
  });
});
