import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseViewSegment } from "@/lib/reader/preferences";
import { readerMetadata, ReaderPage } from "../../_components/reader-page";

export const revalidate = 300;

// Views are rendered when first asked for, then served from the cache.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/works/[slug]/view/[view]">): Promise<Metadata> {
  const { locale, slug } = await params;
  return readerMetadata(locale, slug);
}

/** The work in a chosen view. The proxy sends requests here; the address the reader sees stays the work's own. */
export default async function WorkViewPage({ params }: PageProps<"/[locale]/works/[slug]/view/[view]">) {
  const { locale, slug, view } = await params;
  const choice = parseViewSegment(view);
  if (!choice) notFound();
  return <ReaderPage locale={locale} slug={slug} choice={choice} />;
}
