import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { database } from "@/lib/db/client";
import { readWork } from "@/lib/db/reader";
import { EditionDetails } from "./_components/edition-details";
import { ParallelText } from "./_components/parallel-text";

// One database read serves both the metadata and the page.
const loadWork = cache((slug: string) => readWork(database(), slug));

// The works and their texts change with every import, not with every build.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/works/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const work = await loadWork(slug);
  if (!work) return {};
  const authors = work.editions[0]?.authors.map((author) => [author.given, author.family].filter(Boolean).join(" ")) ?? [];
  return {
    title: work.title,
    description: work.editions.map((edition) => edition.title).join(" / "),
    authors: authors.map((name) => ({ name })),
    openGraph: { type: "article", title: work.title },
  };
}

export default async function WorkPage({ params }: PageProps<"/[locale]/works/[slug]">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const work = await loadWork(slug);
  if (!work) notFound();
  const t = await getTranslations("reader");

  return (
    <article className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading" className="sr-only">
          {t("editionsHeading")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {work.editions.map((edition) => (
            <EditionDetails key={edition.language} edition={edition} />
          ))}
        </div>
      </section>
      <ParallelText work={work} />
    </article>
  );
}
