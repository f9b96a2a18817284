"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";

/**
 * Links to the same page in the other interface languages, keeping the query
 * (the reader's view) and the hash (the reader's position, #u12). The
 * locales come as props: importing the routing here would bring next-intl's
 * client code into every page.
 */
export function LocaleSwitcher({ label, current, names }: { label: string; current: string; names: Record<string, string> }) {
  const pathname = usePathname();
  const rest = pathname.replace(/^\/[^/]+/, "");

  // The address in the browser, not the route that rendered it: a reader view is served from a rewritten path.
  const keepPosition = (event: MouseEvent<HTMLAnchorElement>) => {
    event.currentTarget.pathname = window.location.pathname.replace(/^\/[^/]+/, `/${event.currentTarget.hreflang}`);
    event.currentTarget.search = window.location.search;
    event.currentTarget.hash = window.location.hash;
  };

  return (
    <ul aria-label={label} className="flex gap-1">
      {Object.keys(names).map((locale) => (
        <li key={locale}>
          <a
            href={`/${locale}${rest}`}
            hrefLang={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            onClick={keepPosition}
            className="block rounded px-2 py-1 whitespace-nowrap text-ink no-underline hover:bg-paper aria-[current]:bg-ink aria-[current]:text-paper"
          >
            {names[locale]}
          </a>
        </li>
      ))}
    </ul>
  );
}
