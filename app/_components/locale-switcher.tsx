"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { getPathname, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Links to the same page in the other interface languages, keeping the query and the reader's position (#u12). */
export function LocaleSwitcher({ label }: { label: string }) {
  const current = useLocale();
  const pathname = usePathname();
  const t = useTranslations("localeNames");

  const keepPosition = (event: MouseEvent<HTMLAnchorElement>) => {
    event.currentTarget.search = window.location.search;
    event.currentTarget.hash = window.location.hash;
  };

  return (
    <ul aria-label={label} className="flex gap-1">
      {routing.locales.map((locale) => (
        <li key={locale}>
          <a
            href={getPathname({ href: pathname, locale })}
            hrefLang={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            onClick={keepPosition}
            className="rounded px-2 py-1 text-ink no-underline hover:bg-paper aria-[current]:bg-ink aria-[current]:text-paper"
          >
            {t(locale)}
          </a>
        </li>
      ))}
    </ul>
  );
}
