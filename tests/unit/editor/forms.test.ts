import { describe, expect, it } from "vitest";
import { isEditorAction, parseEditorForm, parseSignIn } from "@/lib/editor/forms";

const common = { csrf: "ignored here", version: "1764331200000", order: "text" };

describe("the editor's forms", () => {
  it("knows its actions and nothing else", () => {
    expect(["sign-in", "sign-out", "merge", "split", "move", "review", "undo", "resolve"].every(isEditorAction)).toBe(true);
    expect(isEditorAction("delete")).toBe(false);
    expect(isEditorAction("constructor")).toBe(false);
  });

  it("reads each action's fields into an operation", () => {
    expect(parseEditorForm("merge", { ...common, unit: "15" })).toEqual({ ok: true, request: { action: "edit", operation: { action: "merge", unit: 15 }, version: common.version, order: "text" } });
    expect(parseEditorForm("split", { ...common, unit: "15", "keep-en": "1", "keep-ru": "0" })).toEqual({
      ok: true,
      request: { action: "edit", operation: { action: "split", unit: 15, keep: { en: 1, ru: 0 } }, version: common.version, order: "text" },
    });
    expect(parseEditorForm("move", { ...common, unit: "3", language: "ru", direction: "previous" })).toMatchObject({ ok: true, request: { operation: { action: "move", unit: 3, language: "ru", direction: "previous" } } });
    expect(parseEditorForm("review", { ...common, unit: "3", reviewed: "false" })).toMatchObject({ ok: true, request: { operation: { action: "review", unit: 3, reviewed: false } } });
    expect(parseEditorForm("undo", { ...common, change: "7" })).toEqual({ ok: true, request: { action: "undo", change: 7, version: common.version, order: "text" } });
    expect(parseEditorForm("resolve", { csrf: "x", report: "4" })).toEqual({ ok: true, request: { action: "resolve", report: 4, order: "queue" } });
    expect(parseEditorForm("sign-out", { csrf: "x" })).toEqual({ ok: true, request: { action: "sign-out" } });
  });

  it("falls back to the queue order for an unknown order", () => {
    expect(parseEditorForm("merge", { ...common, unit: "1", order: "sideways" })).toMatchObject({ ok: true, request: { order: "queue" } });
  });

  it("names every field it refuses", () => {
    expect(parseEditorForm("merge", { ...common, unit: "0" })).toEqual({ ok: false, invalid: [{ name: "unit", reason: "must be a unit number" }] });
    expect(parseEditorForm("merge", { ...common, unit: "1e3" })).toMatchObject({ ok: false, invalid: [{ name: "unit" }] });
    expect(parseEditorForm("merge", { unit: "1" })).toMatchObject({ ok: false, invalid: [{ name: "version", reason: "is required" }] });
    expect(parseEditorForm("move", { ...common, unit: "2", language: "ru", direction: "up" })).toMatchObject({ ok: false, invalid: [{ name: "direction", reason: "must be previous or next" }] });
    expect(parseEditorForm("move", { ...common, unit: "2", language: "<script>", direction: "next" })).toMatchObject({ ok: false, invalid: [{ name: "language" }] });
    expect(parseEditorForm("review", { ...common, unit: "2", reviewed: "yes" })).toMatchObject({ ok: false, invalid: [{ name: "reviewed" }] });
    expect(parseEditorForm("split", { ...common, unit: "2" })).toMatchObject({ ok: false, invalid: [{ name: "keep-<language>" }] });
    expect(parseEditorForm("split", { ...common, unit: "2", "keep-en": "-1" })).toEqual({ ok: false, invalid: [{ name: "keep-en", reason: "must be a count of paragraphs" }] });
    expect(parseEditorForm("undo", { ...common, change: "" })).toMatchObject({ ok: false, invalid: [{ name: "change" }] });
  });

  it("reads the sign-in token", () => {
    expect(parseSignIn({ token: "abc" })).toBe("abc");
    expect(parseSignIn({})).toBeNull();
    expect(parseSignIn({ token: "x".repeat(1001) })).toBeNull();
  });
});
