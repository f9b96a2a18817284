import type { Metadata } from "next";
import { readerMetadata, ReaderPage } from "./_components/reader-page";

/** Cached views are rendered again at most this often, so that a change from another process shows. */
export const revalidate = 300;

// Works are rendered when first asked for, then served from the cache (none is known at build time).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/works/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  return readerMetadata(locale, slug);
}

/** The work in its default view: the layout follows the screen, the work's first edition leads. */
export default async function WorkPage({ params }: PageProps<"/[locale]/works/[slug]">) {
  const { locale, slug } = await params;
  return <ReaderPage locale={locale} slug={slug} choice={{ layout: null, lead: null }} />;
}
