import { getLocale, getTranslations } from "next-intl/server";
import { SearchCombobox } from "./search-combobox";

/** The header's search box: labels from the messages, the interaction in a small client component. */
export async function SearchBox() {
  const t = await getTranslations("search");
  const locale = await getLocale();
  return (
    <SearchCombobox
      action={`/${locale}/search`}
      labels={{
        box: t("boxLabel"),
        placeholder: t("placeholder"),
        shortcut: t("shortcut"),
        submit: t("submit"),
        suggestions: t("suggestions"),
        glossary: t("glossaryBadge"),
      }}
      countLabels={[0, 1, 2, 3, 4, 5, 6, 7, 8].map((count) => t("suggestionCount", { count }))}
    />
  );
}
