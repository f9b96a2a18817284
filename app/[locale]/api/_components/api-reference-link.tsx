import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** The footer's link to the API reference. */
export async function ApiReferenceLink() {
  const t = await getTranslations("apiReference");
  return <Link href="/api">{t("footerLink")}</Link>;
}
