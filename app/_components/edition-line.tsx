import { useLocale, useTranslations } from "next-intl";
import type { EditionSummary } from "@/lib/db/reader";
import { languageName } from "@/lib/i18n/language-name";

/**
 * One line naming an edition: language, where it was printed, and whether the text is the project's own.
 * Synchronous, so that a list of many renders in one pass rather than as a separate part of the page each.
 */
export function EditionLine({ edition }: { edition: EditionSummary }) {
  const t = useTranslations("edition");
  const locale = useLocale();
  const printed = edition.journal && edition.year ? t("printedIn", { journal: edition.journal, year: edition.year }) : (edition.journal ?? t("unknown"));
  return (
    <span>
      <span className="font-medium">{languageName(edition.language, locale)}</span>
      {" · "}
      <cite lang={edition.language} className="not-italic">{printed}</cite>
      {" · "}
      <span className={edition.status === "project-translation" ? "font-medium text-accent" : "text-muted"}>{t(`status.${edition.status}`)}</span>
    </span>
  );
}
