import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { languageAlternates } from "@/lib/i18n/alternates";
import { routing } from "@/lib/i18n/routing";
import { database } from "@/lib/db/client";
import { listWorksPage, WORKS_PER_PAGE } from "@/lib/db/catalog";
import { EditionLine } from "@/app/_components/edition-line";
import { Pagination } from "@/app/_components/pagination";

/** Cached pages of the list are rendered again at most this often, so that an import from another process shows. */
export const revalidate = 300;

// Pages are rendered when first asked for, then served from the cache (the works are not known at build time).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/library/[page]">): Promise<Metadata> {
  const { locale, page } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  // Each page of the list is its own canonical address, the public one (/en?page=2), not the cached page's.
  return { title: t("title"), alternates: languageAlternates(locale as (typeof routing.locales)[number], page === "1" ? "/" : `?page=${page}`) };
}

/**
 * A page of the list of works: the home page. The proxy sends `/en` and
 * `/en?page=N` here, so that each page of the list is cached on its own.
 */
export default async function LibraryPage({ params }: PageProps<"/[locale]/library/[page]">) {
  const { locale, page: segment } = await params;
  setRequestLocale(locale);
  const page = Number(segment);
  if (!Number.isInteger(page) || page < 1 || String(page) !== segment) notFound();
  const t = await getTranslations("home");
  const { total, items: works } = await listWorksPage(database(), { skip: (page - 1) * WORKS_PER_PAGE, take: WORKS_PER_PAGE });
  // Past the last page there is nothing to list; the first page of an empty library says it is empty.
  if (page > 1 && works.length === 0) notFound();
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
      <Pagination label={t("pagination")} page={page} pages={pages} href={(target) => (target === 1 ? "/" : `/?page=${target}`)} />
    </div>
  );
}
