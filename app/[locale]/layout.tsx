import "@fontsource-variable/source-serif-4";
import "@fontsource-variable/noto-serif-jp";
import "@fontsource-variable/inter";
import "@fontsource-variable/noto-sans-jp";
import "../globals.css";

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { ApiReferenceLink } from "@/app/[locale]/api/_components/api-reference-link";
import { routing } from "@/lib/i18n/routing";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
    openGraph: { siteName: t("name"), locale, type: "website" },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  // Client components get only the messages they use, to keep the page small.
  const { localeNames } = await getMessages();

  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-paper text-ink antialiased">
        <NextIntlClientProvider messages={{ localeNames }}>
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
        >
          {t("skipToContent")}
        </a>
        <SiteHeader />
        <main id="content" tabIndex={-1} className="outline-none">
          {children as ReactNode}
        </main>
        <footer className="mx-auto max-w-7xl px-4 py-10 text-sm text-muted sm:px-6">{t("footer")} · <ApiReferenceLink /></footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
