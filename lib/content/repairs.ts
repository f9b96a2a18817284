import { z } from "zod";

/** The kinds of PDF-extraction damage a repair may undo. */
export const REPAIR_TYPES = ["page-break", "page-break-hyphen", "line-break-hyphen", "mixed-script"] as const;

export const repairsSchema = z.array(
  z.strictObject({
    id: z.number().int().positive(),
    type: z.enum(REPAIR_TYPES),
    line: z.number().int().positive(),
    before: z.string().min(1),
    after: z.string(),
    reason: z.string().min(1),
  }),
);

export type Repair = z.infer<typeof repairsSchema>[number];

/**
 * Applies recorded repairs to a raw source. Each `before` must occur exactly
 * once, on the recorded line, so a repair can never touch anything else.
 */
export function applyRepairs(source: string, repairs: Repair[]): string {
  let repaired = source;
  for (const repair of repairs) {
    const found = source.indexOf(repair.before);
    if (found < 0) throw new Error(`repair ${repair.id}: "${repair.before}" does not occur in the source`);
    if (source.indexOf(repair.before, found + 1) >= 0) throw new Error(`repair ${repair.id}: "${repair.before}" occurs more than once`);
    const line = source.slice(0, found).split("\n").length;
    if (line !== repair.line) throw new Error(`repair ${repair.id}: found on line ${line}, recorded as line ${repair.line}`);
    repaired = repaired.replace(repair.before, () => repair.after);
  }
  return repaired;
}
