import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LocaleSwitcher } from "./locale-switcher";
import { SearchBox } from "./search-box";

export async function SiteHeader() {
  const t = await getTranslations("site");
  const names = await getTranslations("localeNames");
  const locale = await getLocale();
  return (
    <header className="site-header border-b border-rule bg-panel">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-lg font-semibold text-ink no-underline">
          {t("name")}
        </Link>
        <SearchBox />
        <nav aria-label={t("primaryNavigation")} className="flex items-center gap-4 text-sm">
          <Link href="/" className="text-ink">
            {t("worksLink")}
          </Link>
          <Link href="/glossary" className="text-ink">{(await getTranslations("glossary"))("nav")}</Link>
          <LocaleSwitcher label={t("languageSwitcher")} current={locale} names={{ en: names("en"), ru: names("ru"), ja: names("ja") }} />
        </nav>
      </div>
    </header>
  );
}
