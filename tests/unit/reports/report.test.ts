import { describe, expect, it } from "vitest";
import { NOTE_MAX_LENGTH, parseReport, rateLimited, unknownUnit } from "@/lib/reports/report";

const instance = "/api/reports";

describe("a report as it arrives", () => {
  it("reads a form's fields and JSON alike", () => {
    expect(parseReport({ work: "streltsov-2018", unit: "12", note: "  The Russian half belongs to unit 13.  ", locale: "ru" }, instance)).toEqual({
      ok: true,
      value: { work: "streltsov-2018", unit: 12, note: "The Russian half belongs to unit 13.", locale: "ru" },
    });
    expect(parseReport({ work: "streltsov-2018", unit: 12, note: "x" }, instance)).toMatchObject({ ok: true, value: { unit: 12 } });
  });

  it("counts a line break as one character, as the textarea did", () => {
    const note = `${"a".repeat(499)}\r\n${"b".repeat(500)}`;
    expect(parseReport({ work: "w", unit: "1", note }, instance)).toMatchObject({ ok: true, value: { note: note.replace("\r\n", "\n") } });
  });

  it("refuses an empty or too long note, a bad slug or unit number, naming each field", () => {
    const result = parseReport({ work: "Bad Slug", unit: "0", note: "   " }, instance);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ status: 400, instance, title: "Invalid report" });
    expect(result.problem["invalid-params"]!.map((field) => field.name)).toEqual(["work", "unit", "note"]);
    expect(result.problem.detail).toContain("note must not be empty");

    const long = parseReport({ work: "w", unit: "1", note: "x".repeat(NOTE_MAX_LENGTH + 1) }, instance);
    expect(long.ok || long.problem["invalid-params"]).toEqual([{ name: "note", in: "body", reason: "must be at most 1000 characters" }]);
    const missing = parseReport({}, instance);
    expect(missing.ok || missing.problem["invalid-params"]!.map((field) => `${field.name} ${field.reason}`)).toEqual(["work is required", "unit is required", "note is required"]);
    expect(parseReport({ work: "w", unit: "1.5", note: "x" }, instance).ok).toBe(false);
  });

  it("ignores an unknown locale rather than refusing the report", () => {
    expect(parseReport({ work: "w", unit: "1", note: "x", locale: "../../evil" }, instance)).toMatchObject({ ok: true, value: { locale: undefined } });
  });

  it("explains refusals as problems", () => {
    expect(unknownUnit(instance, "w", 99, 63)).toMatchObject({ status: 422, detail: 'The work "w" has no unit 99; its units are numbered 1 to 63.' });
    expect(rateLimited(instance, 120, { count: 5, windowMs: 600_000 })).toMatchObject({ status: 429, retryAfter: 120, detail: "At most 5 reports can be sent in 10 minutes; try again in 120 seconds." });
  });
});
