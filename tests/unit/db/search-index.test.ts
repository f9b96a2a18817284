import { describe, expect, it } from "vitest";
import { ROWID, workRowids } from "@/lib/db/search-index";

describe("a work's rows of the SQLite search index", () => {
  it("are bounded by integers (BigInt, which better-sqlite3 binds as INTEGER, where FTS5 seeks): the work's first key and the next work's", () => {
    const shift = BigInt(ROWID.workShift);
    expect(workRowids(3)).toEqual({ from: 3n << shift, to: 4n << shift });
    const last = workRowids(ROWID.maxWork);
    expect(last.to - last.from).toBe(1n << shift);
    expect(last.from).toBe(BigInt(ROWID.maxWork) << shift);
  });
});
