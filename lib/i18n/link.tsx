import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";

/** The path of a page in an interface language: every locale is prefixed ("/" → "/ru", "/works/x" → "/ru/works/x"). */
export function localizedPath(locale: string, href: string): string {
  return href === "/" ? `/${locale}` : `/${locale}${href}`;
}

/**
 * A link to a page in the current interface language. It resolves the locale
 * on the server: next-intl's own Link reads it on the client, which needs a
 * client-side intl context and ships the ICU message formatter (about 13 KB
 * gzipped) to every page.
 */
export async function Link({ href, ...rest }: Omit<ComponentProps<typeof NextLink>, "href"> & { href: string }) {
  const locale = await getLocale();
  return <NextLink href={localizedPath(locale, href)} {...rest} />;
}
