import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";

/** Where a report form posted without JavaScript lands (/api/reports redirects here): how it went, and the way back to the unit. */

const parametersSchema = z.object({
  unit: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  retry: z.coerce.number().int().min(1).optional().catch(undefined),
  problem: z.literal("unit").optional().catch(undefined),
});

export async function generateMetadata({ params }: PageProps<"/[locale]/works/[slug]/reported">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reports" });
  return { title: t("filedTitle"), robots: { index: false } };
}

export default async function ReportedPage({ params, searchParams }: PageProps<"/[locale]/works/[slug]/reported">) {
  const { locale, slug } = await params;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("reports");
  const raw = await searchParams;
  const { unit, retry, problem } = parametersSchema.parse(Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value])));
  const filed = !retry && !problem;
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{filed ? t("filedTitle") : t("notFiledTitle")}</h1>
      <p role={filed ? "status" : "alert"} className="mt-3">
        {filed ? t("filedBody", { unit }) : retry ? t("rateLimited", { minutes: Math.ceil(retry / 60) }) : t("failed")}
      </p>
      <p className="mt-6">
        <a href={`/${locale}/works/${slug}#u${unit}`}>{t("backToUnit", { unit })}</a>
      </p>
    </div>
  );
}
