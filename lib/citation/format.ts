/**
 * Citations of an edition in four styles and three exchange formats, all made
 * by citation-js from CSL styles (the vendored ones under ./styles, see
 * styles/README.md); no citation string is assembled by hand here.
 * citeproc is heavy, so this runs on the server only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { CslItem } from "./item.ts";
import type { Pinpoint } from "./pinpoint.ts";

export const CITATION_STYLES = ["apa", "chicago", "mla", "gost"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** Each style's CSL template and the CSL locale its terms come from ("p.", "para.", «с.», «абз.»). */
const STYLE_SOURCES: Record<CitationStyle, { template: string; locale: string; file?: string }> = {
  apa: { template: "apa", locale: "en-US" },
  chicago: { template: "chicago-author-date", locale: "en-US", file: "chicago-author-date.csl" },
  mla: { template: "modern-language-association", locale: "en-US", file: "modern-language-association.csl" },
  gost: { template: "gost-r-7-0-100-2018", locale: "ru-RU", file: "gost-r-7-0-100-2018.csl" },
};

export const STYLES_DIRECTORY = path.join(process.cwd(), "lib", "citation", "styles");

/**
 * The CSL Russian locale abbreviates "paragraph" as «п.» (пункт, a clause);
 * Russian bibliographic practice cites a paragraph of text as «абз.» (абзац).
 */
export function russianLocale(xml: string): string {
  const paragraph = /<term name="paragraph" form="short">[\s\S]*?<\/term>/;
  if (!paragraph.test(xml)) throw new Error(`${path.join(STYLES_DIRECTORY, "locales-ru-RU.xml")}: no short form of the term "paragraph" to set to «абз.»`);
  return xml.replace(paragraph, '<term name="paragraph" form="short"><single>абз.</single><multiple>абз.</multiple></term>');
}

let registered = false;

function register() {
  if (registered) return;
  const csl = plugins.config.get("@csl");
  for (const source of Object.values(STYLE_SOURCES)) {
    if (source.file) csl.styles.add(source.template, readFileSync(path.join(STYLES_DIRECTORY, source.file), "utf8"));
  }
  csl.locales.add("ru-RU", russianLocale(readFileSync(path.join(STYLES_DIRECTORY, "locales-ru-RU.xml"), "utf8")));
  // Unicode BibTeX (biber, biblatex) keeps Cyrillic titles and names; the item id is a stable key.
  const bibtex = plugins.config.get("@bibtex");
  bibtex.format.asciiOnly = false;
  bibtex.format.useIdAsLabel = true;
  registered = true;
}

export interface FormattedCitation {
  style: CitationStyle;
  /** The reference-list entry of the whole edition, as citeproc's HTML (the data's markup escaped). */
  reference: string;
  /** The in-text citation, with the pinpoint when there is one, as HTML. */
  inText: string;
}

/**
 * Both forms in every style, as HTML only: plain text is what the browser
 * copies from it, and each output format would cost citeproc another engine.
 */
export function formatCitations(item: CslItem, where: Pinpoint | null): FormattedCitation[] {
  register();
  const cite = new Cite([item]);
  const entry = [{ id: item.id, ...(where ? { locator: where.locator, label: where.label } : {}) }];
  return CITATION_STYLES.map((style) => {
    const { template, locale } = STYLE_SOURCES[style];
    return {
      style,
      reference: String(cite.format("bibliography", { template, lang: locale, format: "html" })).trim(),
      inText: String(cite.format("citation", { template, lang: locale, format: "html", entry })).trim(),
    };
  });
}

export const EXPORT_FORMATS = ["bibtex", "ris", "csl-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The edition for a reference manager. */
export function exportItem(item: CslItem, format: ExportFormat): string {
  register();
  if (format === "csl-json") return `${JSON.stringify([item], null, 2)}\n`;
  return String(new Cite([item]).format(format === "bibtex" ? "bibtex" : "ris", { format: "text" }));
}
