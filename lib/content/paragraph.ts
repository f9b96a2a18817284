/** The kinds of paragraph an edition is made of, in the order an article usually has them. */
export const PARAGRAPH_KINDS = ["title", "author", "abstract", "keywords", "heading", "body", "reference", "note"] as const;

export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export function isParagraphKind(value: string): value is ParagraphKind {
  return (PARAGRAPH_KINDS as readonly string[]).includes(value);
}
