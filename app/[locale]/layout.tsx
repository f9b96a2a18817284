import "../globals.css";

import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { ApiReferenceLink } from "@/app/[locale]/api/_components/api-reference-link";
import { fontFile, fontStylesheet, lateStylesheetScript, switcherJapaneseFaces } from "@/lib/fonts/families";
import { OPEN_GRAPH_LOCALES, siteOrigin } from "@/lib/i18n/alternates";
import { routing } from "@/lib/i18n/routing";
import { DEFAULT_PREFERENCES, settingsScript } from "@/lib/reader/preferences";

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
  const openGraphLocale = hasLocale(routing.locales, locale) ? OPEN_GRAPH_LOCALES[locale] : undefined;
  return {
    // Alternate-language links and OpenGraph URLs must be absolute.
    metadataBase: siteOrigin(),
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
  return (
    // The reading settings (theme, type size, hidden marks) are the reader's own: settingsScript puts them on <html>
    // from their cookie before the first paint, so the page itself is the same for everyone and can be cached.
    <html lang={locale} data-size={DEFAULT_PREFERENCES.size} data-leading={DEFAULT_PREFERENCES.lineHeight} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: settingsScript() }} />
        {locale !== "ja" && <script dangerouslySetInnerHTML={{ __html: lateStylesheetScript(fontStylesheet("noto-sans-jp")) }} />}
      </head>
      <body className="min-h-dvh bg-paper text-ink antialiased">
        {FIRST_PAINT_FONTS.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
        ))}
        <link rel="stylesheet" href={fontStylesheet("source-serif-4")} precedence="fonts" />
        <link rel="stylesheet" href={fontStylesheet("inter")} precedence="fonts" />
        {/* Noto Sans JP declares 124 subsets (33 KB of render-blocking CSS): Japanese pages need it from the first paint;
            elsewhere only the switcher's 日本語 is needed then, and the whole family is linked after the page has loaded. */}
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
