/**
 * The alignment editor's form posts, one per action, as zod schemas. Every
 * form that changes the alignment carries the version of the work it was
 * shown (its updatedAt), so that a form from a page gone stale (another
 * editor, another tab) cannot merge or split what is by now another unit.
 */
import { z } from "zod";
import { EDITOR_ORDERS, type EditorOrder } from "./queue.ts";
import type { EditorOperation } from "./operations.ts";

export const EDITOR_ACTIONS = ["sign-in", "sign-out", "merge", "split", "move", "review", "undo", "resolve"] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

export function isEditorAction(action: string): action is EditorAction {
  return (EDITOR_ACTIONS as readonly string[]).includes(action);
}

const MAX_NUMBER = 1_000_000;
const number = (what: string) =>
  z
    .string(`is required`)
    .regex(/^[0-9]{1,7}$/, `must be ${what}`)
    .transform(Number)
    .pipe(z.int().min(1, `must be ${what}`).max(MAX_NUMBER, `must be ${what}`));
const unit = number("a unit number");
const version = z.string("is required").regex(/^[0-9]{1,16}$/, "must be the work's version");
const order = z.enum(EDITOR_ORDERS).catch("queue");
const language = z.string("is required").regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "must be a language tag");

/** Split forms name the paragraphs each edition keeps in the first part as keep-<language>. */
const KEEP_FIELD = /^keep-([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/;

const signInSchema = z.object({ token: z.string("is required").max(1000, "is too long") });

const schemas = {
  "sign-out": z.object({}),
  merge: z.object({ unit, version, order }),
  split: z.object({ unit, version, order }),
  move: z.object({ unit, version, order, language, direction: z.enum(["previous", "next"], "must be previous or next") }),
  review: z.object({ unit, version, order, reviewed: z.enum(["true", "false"], "must be true or false") }),
  undo: z.object({ change: number("a change number"), version, order }),
  resolve: z.object({ report: number("a report number"), order }),
} satisfies Record<Exclude<EditorAction, "sign-in">, z.ZodObject>;

/** The token typed into the sign-in form, or null when the form has none. */
export function parseSignIn(fields: Record<string, string>): string | null {
  const result = signInSchema.safeParse(fields);
  return result.success ? result.data.token : null;
}

export type EditorRequest =
  | { action: "sign-out" }
  | { action: "edit"; operation: EditorOperation; version: string; order: EditorOrder }
  | { action: "undo"; change: number; version: string; order: EditorOrder }
  | { action: "resolve"; report: number; order: EditorOrder };

export interface InvalidField {
  name: string;
  reason: string;
}

export type FormValidation = { ok: true; request: EditorRequest } | { ok: false; invalid: InvalidField[] };

/** Reads the fields of one action's form (the CSRF token is checked before, by the route). */
export function parseEditorForm(action: Exclude<EditorAction, "sign-in">, fields: Record<string, string>): FormValidation {
  const result = schemas[action].safeParse(fields);
  if (!result.success) return { ok: false, invalid: result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? ""), reason: issue.message })) };
  const value = result.data as Record<string, unknown>;
  const common = { version: value.version as string, order: value.order as EditorOrder };
  switch (action) {
    case "sign-out":
      return { ok: true, request: { action } };
    case "merge":
      return { ok: true, request: { action: "edit", operation: { action, unit: value.unit as number }, ...common } };
    case "split": {
      const keep: Record<string, number> = {};
      const invalid: InvalidField[] = [];
      for (const [name, raw] of Object.entries(fields)) {
        const match = KEEP_FIELD.exec(name);
        if (!match) continue;
        if (!/^[0-9]{1,7}$/.test(raw)) invalid.push({ name, reason: "must be a count of paragraphs" });
        else keep[match[1]!] = Number(raw);
      }
      if (Object.keys(keep).length === 0 && invalid.length === 0) invalid.push({ name: "keep-<language>", reason: "is required: where each edition's paragraphs are split" });
      if (invalid.length > 0) return { ok: false, invalid };
      return { ok: true, request: { action: "edit", operation: { action, unit: value.unit as number, keep }, ...common } };
    }
    case "move":
      return {
        ok: true,
        request: { action: "edit", operation: { action, unit: value.unit as number, language: value.language as string, direction: value.direction as "previous" | "next" }, ...common },
      };
    case "review":
      return { ok: true, request: { action: "edit", operation: { action, unit: value.unit as number, reviewed: value.reviewed === "true" }, ...common } };
    case "undo":
      return { ok: true, request: { action, change: value.change as number, ...common } };
    case "resolve":
      return { ok: true, request: { action, report: value.report as number, order: common.order } };
  }
}
