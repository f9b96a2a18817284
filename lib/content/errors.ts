/** One problem found in a content file, located as precisely as the format allows. */
export interface ContentIssue {
  file: string;
  line?: number;
  /** The field or entry the problem is in, where it is not a plain text line. */
  field?: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  const place = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` (${issue.field})` : "";
  return `${place}${field}: ${issue.message}`;
}

/** Thrown when content does not validate; lists every problem, not just the first. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ContentError";
    this.issues = issues;
  }
}
