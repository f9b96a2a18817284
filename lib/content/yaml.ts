import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./errors.ts";

/**
 * Parses a YAML file and validates it with a zod schema. Every problem comes
 * back as an issue naming the file, the line and the field.
 */
export function parseYaml<Schema extends z.ZodType>(
  source: string,
  file: string,
  schema: Schema,
): { value: z.infer<Schema> | null; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      value: null,
      issues: document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `not valid YAML: ${error.message.split("\n")[0]}`,
      })),
    };
  }

  const result = schema.safeParse(document.toJS());
  if (result.success) return { value: result.data, issues: [] };
  return {
    value: null,
    issues: result.error.issues.map((issue) => {
      const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
      return { file, line: lineOf(path), field: path.join(".") || undefined, message: issue.message };
    }),
  };

  /** The line of the deepest node on the path that exists in the document. */
  function lineOf(path: (string | number)[]): number | undefined {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  }
}
