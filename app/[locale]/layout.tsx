import "../globals.css";

import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { ApiReferenceLink } from "@/app/[locale]/api/_components/api-reference-link";
import { fontFile, fontStylesheet, switcherJapaneseFaces } from "@/lib/fonts/families";
import { OPEN_GRAPH_LOCALES } from "@/lib/i18n/alternates";
import { routing } from "@/lib/i18n/routing";
import { parsePreferences, PREFERENCES_COOKIE } from "@/lib/reader/preferences";

/** The faces of the first paint: preloaded, they arrive with the page rather than after it, so the text does not reflow. */
const FIRST_PAINT_FONTS = [
  fontFile("source-serif-4", "source-serif-4-latin-wght-normal.woff2"),
  fontFile("source-serif-4", "source-serif-4-cyrillic-wght-normal.woff2"),
  fontFile("inter", "inter-latin-wght-normal.woff2"),
  fontFile("inter", "inter-cyrillic-wght-normal.woff2"),
];

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f3f1ea" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1a18" },
  ],
};

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  // Alternate-language links and OpenGraph URLs must be absolute: they are resolved against the address this request came to.
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host");
  const protocol = request.get("x-forwarded-proto") ?? "http";
  const openGraphLocale = hasLocale(routing.locales, locale) ? OPEN_GRAPH_LOCALES[locale] : undefined;
  return {
    metadataBase: host ? new URL(`${protocol}://${host}`) : undefined,
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
    applicationName: t("name"),
    openGraph: {
      siteName: t("name"),
      locale: openGraphLocale,
      alternateLocale: Object.values(OPEN_GRAPH_LOCALES).filter((other) => other !== openGraphLocale),
      type: "website",
    },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  // Reading settings are rendered by the server from their cookie, so the first paint already has them.
  const preferences = parsePreferences((await cookies()).get(PREFERENCES_COOKIE)?.value);

  return (
    <html
      lang={locale}
      data-theme={preferences.theme ?? undefined}
      data-size={preferences.size}
      data-leading={preferences.lineHeight}
      data-hide={preferences.hidden.join(" ") || undefined}
    >
      <body className="min-h-dvh bg-paper text-ink antialiased">
        {FIRST_PAINT_FONTS.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
        ))}
        <link rel="stylesheet" href={fontStylesheet("source-serif-4")} precedence="fonts" />
        <link rel="stylesheet" href={fontStylesheet("inter")} precedence="fonts" />
        {/* Noto Sans JP declares 124 subsets (33 KB of render-blocking CSS): Japanese pages need it from the first paint;
            elsewhere the few Japanese glyphs (glossary entries) use the system's Japanese font. */}
        {locale === "ja" ? <link rel="stylesheet" href={fontStylesheet("noto-sans-jp")} precedence="fonts" /> : <style>{switcherJapaneseFaces()}</style>}
        <a href="#content" className="skip">
          {t("skipToContent")}
        </a>
        <SiteHeader />
        <main id="content" tabIndex={-1} className="outline-none">
          {children as ReactNode}
        </main>
        <footer className="site-footer mx-auto max-w-7xl px-4 py-10 text-sm text-muted sm:px-6">{t("footer")} · <ApiReferenceLink /></footer>
      </body>
    </html>
  );
}
