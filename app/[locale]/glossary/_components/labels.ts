import { getTranslations } from "next-intl/server";
import { TEXT_FIELDS, type TextField } from "@/lib/glossary/fields";
import { GLOSSARY_CATEGORIES, PARTS_OF_SPEECH, type GlossaryCategory, type GlossaryEntry } from "@/lib/glossary/schema";

/** The names the glossary's pages and islands show for fields, categories and parts of speech, translated on the server. */
export interface EntryLabels {
  fields: Record<TextField, string>;
  /** A category's name for one entry ("Japanese term"). */
  category: Record<GlossaryCategory, string>;
  pos: Record<GlossaryEntry["pos"], string>;
  partOfSpeech: string;
  categoryField: string;
  related: string;
  reference: string;
  conventional: string;
}

export async function entryLabels(): Promise<EntryLabels> {
  const t = await getTranslations("glossary");
  return {
    fields: Object.fromEntries(TEXT_FIELDS.map((field) => [field, t(`field.${field}`)])) as Record<TextField, string>,
    category: Object.fromEntries(GLOSSARY_CATEGORIES.map((category) => [category, t(`categoryOne.${category}`)])) as Record<GlossaryCategory, string>,
    pos: Object.fromEntries(PARTS_OF_SPEECH.map((pos) => [pos, t(`pos.${pos}`)])) as Record<GlossaryEntry["pos"], string>,
    partOfSpeech: t("field.pos"),
    categoryField: t("field.category"),
    related: t("field.related"),
    reference: t("field.reference"),
    conventional: t("conventional"),
  };
}

/**
 * A count message in every plural form the locale's integers take, with # for
 * the number, so that an island can say "12 entries" without a message
 * formatter: the browser picks the form with Intl.PluralRules.
 */
export function pluralForms(format: (count: number) => string, locale: string): Partial<Record<Intl.LDMLPluralRule, string>> {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (let count = 1; count <= 200; count += 1) {
    const rule = rules.select(count);
    if (!forms[rule]) forms[rule] = format(count).replace(numbers.format(count), "#");
  }
  return forms;
}
