import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { database } from "@/lib/db/client";
import { readWorkCached } from "@/lib/db/reader";
import { ReportForm } from "../_components/report-form";
import { reportMisalignmentLabels } from "../_components/report-misalignment-labels";

/** A misalignment report on one unit, for readers without JavaScript: the reader's disclosure links here. */

const parametersSchema = z.object({ unit: z.coerce.number().int().min(1).max(1_000_000) });

async function requestedUnit(searchParams: PageProps<"/[locale]/works/[slug]/report">["searchParams"]): Promise<number | null> {
  const unit = (await searchParams).unit;
  const parsed = parametersSchema.safeParse({ unit: Array.isArray(unit) ? unit[0] : unit });
  return parsed.success ? parsed.data.unit : null;
}

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/works/[slug]/report">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reports" });
  return { title: t("pageTitle", { unit: (await requestedUnit(searchParams)) ?? "" }), robots: { index: false } };
}

export default async function ReportPage({ params, searchParams }: PageProps<"/[locale]/works/[slug]/report">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const unit = await requestedUnit(searchParams);
  const work = unit === null ? null : await readWorkCached(database(), slug, { annotations: false });
  if (!work || unit === null || unit > work.units.length) notFound();
  const t = await getTranslations("reports");
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{t("pageTitle", { unit })}</h1>
      <p className="mt-3 text-muted">{work.title}</p>
      <ReportForm slug={slug} unit={unit} locale={locale} labels={await reportMisalignmentLabels()} />
      <p className="mt-6">
        <a href={`/${locale}/works/${slug}#u${unit}`}>{t("backToUnit", { unit })}</a>
      </p>
    </div>
  );
}
