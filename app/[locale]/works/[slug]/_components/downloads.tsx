import { getTranslations } from "next-intl/server";
import { apiPaths } from "@/lib/api/representation";
import { EXPORT_FORMAT_NAMES, exportFileName } from "@/lib/export/formats";
import { Link } from "@/lib/i18n/navigation";

/** Links to download the whole work in every export format, and to the API reference. */
export async function Downloads({ slug }: { slug: string }) {
  const t = await getTranslations("downloads");
  return (
    <section aria-labelledby="downloads-heading" className="text-sm">
      <h2 id="downloads-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-muted">{t("intro")}</p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {EXPORT_FORMAT_NAMES.map((format) => (
          <li key={format}>
            <a href={apiPaths.export(slug, format)} download={exportFileName(slug, format)} data-format={format}>
              {t(`formats.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/api">{t("apiLink")}</Link>
      </p>
    </section>
  );
}
