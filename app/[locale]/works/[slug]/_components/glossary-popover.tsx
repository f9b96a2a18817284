import { getLocale, getTranslations } from "next-intl/server";
import { entryLabels } from "@/app/[locale]/glossary/_components/labels";
import { TermPopover } from "./term-popover";

/**
 * The reader's glossary popover with its labels translated here, on the
 * server: render it once on the reader page, beside the text. It opens for
 * every element with data-entry="{entry key}" inside <main>.
 */
export async function GlossaryPopover({ workSlug }: { workSlug: string }) {
  const locale = await getLocale();
  const t = await getTranslations("glossary");
  const labels = await entryLabels();
  return (
    <TermPopover
      workSlug={workSlug}
      locale={locale}
      labels={{
        fields: labels.fields,
        category: labels.category,
        pos: labels.pos,
        partOfSpeech: labels.partOfSpeech,
        related: labels.related,
        reference: labels.reference,
        referenceParagraph: t.raw("popover.referenceParagraph") as string,
        conventional: labels.conventional,
        openEntry: t("popover.openEntry"),
        loading: t("popover.loading"),
        failed: t("popover.failed"),
        close: t("popover.close"),
      }}
    />
  );
}
