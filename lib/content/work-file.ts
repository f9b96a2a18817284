import { z } from "zod";

/** Edition statuses: a text as printed, or a text this project wrote (and must say so). */
export const EDITION_STATUSES = ["published", "project-translation"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

const optionalText = z.string().trim().min(1).nullable().default(null);

export const editionMetadataSchema = z.strictObject({
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "must be a BCP 47 language tag such as en or ru"),
  file: z.string().regex(/^[\w.-]+\.txt$/, "must be a .txt file in the work's folder"),
  status: z.enum(EDITION_STATUSES),
  title: z.string().trim().min(1),
  authors: z.array(z.strictObject({ family: z.string().trim().min(1), given: z.string().trim().min(1).optional() })).min(1),
  journal: optionalText,
  year: z.number().int().min(1000).max(2100).nullable().default(null),
  volume: optionalText,
  issue: optionalText,
  pages: z.string().regex(/^\d+(–\d+)?$/, "must be a page or a range such as 70–85 (with an en dash)").nullable().default(null),
  firstPage: z.number().int().positive().nullable().default(null),
  doi: z.string().regex(/^10\.\d{4,}\/\S+$/, "must be a DOI such as 10.1234/abc").nullable().default(null),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  licence: optionalText,
  note: optionalText,
  source: z.string().optional(),
  repairs: z.string().optional(),
});

export const workMetadataSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens"),
    title: z.string().trim().min(1),
    editions: z.array(editionMetadataSchema).min(1),
  })
  .superRefine((work, context) => {
    const seen = new Set<string>();
    for (const [index, edition] of work.editions.entries()) {
      if (seen.has(edition.lang)) context.addIssue({ code: "custom", path: ["editions", index, "lang"], message: `a second edition in "${edition.lang}"; one edition per language` });
      seen.add(edition.lang);
      if (edition.repairs && !edition.source) context.addIssue({ code: "custom", path: ["editions", index, "repairs"], message: "repairs need the raw source they apply to (source)" });
    }
  });

export type EditionMetadata = z.infer<typeof editionMetadataSchema>;
export type WorkMetadata = z.infer<typeof workMetadataSchema>;
