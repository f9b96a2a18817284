import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pagerItems } from "@/lib/pagination/pager";

/**
 * The pages of a list: previous and next, the first and the last, and those
 * near the current one, each named for screen readers as "Page n of m".
 */
export async function Pagination({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  const t = await getTranslations("pagination");
  if (pages <= 1) return null;
  const current = Math.min(page, pages);
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      {current > 1 && (
        <Link href={href(current - 1)} rel="prev">
          {t("previous")}
        </Link>
      )}
      {pagerItems(current, pages).map((item) =>
        "gapAfter" in item ? (
          <span key={`gap-${item.gapAfter}`} aria-hidden="true" className="text-muted">
            …
          </span>
        ) : (
          <Link
            key={item.page}
            href={href(item.page)}
            aria-current={item.page === current ? "page" : undefined}
            aria-label={t("pageOf", { page: item.page, pages })}
            className="rounded px-2 py-1 aria-[current]:bg-ink aria-[current]:text-paper"
          >
            {item.page}
          </Link>
        ),
      )}
      {current < pages && (
        <Link href={href(current + 1)} rel="next">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
