import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { languageAlternates } from "@/lib/i18n/alternates";
import { routing } from "@/lib/i18n/routing";
import { database } from "@/lib/db/client";
import { listWorksPage } from "@/lib/db/catalog";
import { EditionLine } from "@/app/_components/edition-line";

// The works and their texts change with every import, not with every build.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  return { title: t("title"), alternates: languageAlternates(locale as (typeof routing.locales)[number], "/") };
}

/** Works per page of the list: a library of thousands stays quick to serve and to read. */
const WORKS_PER_PAGE = 50;

export default async function HomePage({ params, searchParams }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const { total, items: works } = await listWorksPage(database(), { skip: (page - 1) * WORKS_PER_PAGE, take: WORKS_PER_PAGE });
  const pages = Math.ceil(total / WORKS_PER_PAGE);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {works.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <ul className="mt-8 space-y-6">
          {works.map((work) => (
            <li key={work.slug} className="rounded-lg border border-rule bg-panel p-5">
              <h2 className="font-serif text-xl font-semibold">
                <Link href={`/works/${work.slug}`}>{work.title}</Link>
              </h2>
              <p className="mt-1 text-sm text-muted">
                {t("editions", { count: work.editions.length })} · {t("units", { count: work.units })}
              </p>
              <ul className="mt-3 space-y-1 text-sm">
                {work.editions.map((edition) => (
                  <li key={edition.language}>
                    <EditionLine edition={edition} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="mt-8 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`/?page=${page - 1}`} rel="prev">{t("previous")}</Link> : <span />}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link href={`/?page=${page + 1}`} rel="next">{t("next")}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
