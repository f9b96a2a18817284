import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { database } from "@/lib/db/client";
import { listGlossary, listGlossaryWorks, type GlossaryItem } from "@/lib/db/glossary";
import { faceLanguage } from "@/lib/glossary/cards";
import { filterText, inCategoryAndIndex, matchesQuery, type GlossaryFilter } from "@/lib/glossary/filter";
import { entryHeadword, headwordLanguage } from "@/lib/glossary/forms";
import { formUnder, indexCounts, indexKeysOf, scriptOfKey, type IndexScript } from "@/lib/glossary/index-letters";
import { glossaryPaths } from "@/lib/glossary/paths";
import { GLOSSARY_CATEGORIES, type GlossaryCategory } from "@/lib/glossary/schema";
import { languageName } from "@/lib/i18n/language-name";
import { Downloads } from "./_components/downloads";
import { FilterInput } from "./_components/filter-input";
import { entryLabels, pluralForms } from "./_components/labels";

// The glossary changes with every import, not with every build.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/glossary">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "glossary" });
  return { title: t("title"), description: t("intro") };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The list's filters from the address; values that name nothing are ignored. */
function readFilter(searchParams: Record<string, string | string[] | undefined>): GlossaryFilter & { work?: string | undefined } {
  const category = one(searchParams.category);
  const letter = one(searchParams.letter);
  return {
    category: (GLOSSARY_CATEGORIES as readonly string[]).includes(category ?? "") ? (category as GlossaryCategory) : undefined,
    letter: letter && scriptOfKey(letter) ? letter : undefined,
    query: one(searchParams.q)?.slice(0, 200),
    work: one(searchParams.work),
  };
}

export default async function GlossaryPage({ params, searchParams }: PageProps<"/[locale]/glossary">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const filter = readFilter(await searchParams);
  const t = await getTranslations("glossary");
  const labels = await entryLabels();
  const db = database();
  const [works, all] = await Promise.all([listGlossaryWorks(db), listGlossary(db, { work: filter.work })]);

  const href = (changes: Partial<Record<"category" | "letter" | "q" | "work", string | undefined>>) => {
    const query = new URLSearchParams();
    const merged = { work: filter.work, category: filter.category, letter: filter.letter, q: filter.query, ...changes };
    for (const [name, value] of Object.entries(merged)) if (value) query.set(name, value);
    const search = query.toString();
    return `${glossaryPaths.list(locale)}${search ? `?${search}` : ""}`;
  };

  const inCategory = all.filter((item) => inCategoryAndIndex(item, { category: filter.category }));
  const inIndex = all.filter((item) => inCategoryAndIndex(item, { letter: filter.letter }));
  const listed = all.filter((item) => inCategoryAndIndex(item, filter));
  const shown = listed.filter((item) => matchesQuery(filterText(item.searchText, item.entry), filter.query ?? ""));
  const letterScript = filter.letter ? scriptOfKey(filter.letter) : null;

  const collator = new Intl.Collator(letterScript === "cyrillic" || (!letterScript && locale === "ru") ? "ru" : letterScript === "kana" ? "ja" : "en");
  const sortKey = (item: GlossaryItem) => {
    if (filter.letter && letterScript) return formUnder(item.entry, letterScript, filter.letter) ?? entryHeadword(item.entry);
    return locale === "ru" ? (item.entry.ru ?? entryHeadword(item.entry)) : entryHeadword(item.entry);
  };
  const byName = (a: GlossaryItem, b: GlossaryItem) => collator.compare(sortKey(a).replace(/[«»"]/g, ""), sortKey(b).replace(/[«»"]/g, ""));

  const countLabel = (count: number) => (count === 0 ? t("countNone") : t("count", { count }));
  const workGroups = works.filter((work) => listed.some((item) => item.work.slug === work.slug));
  const indexes: { script: IndexScript; label: string }[] = [
    { script: "latin", label: t("index.latin") },
    { script: "cyrillic", label: t("index.cyrillic") },
    { script: "kana", label: t("index.kana") },
  ];

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      {works.length === 1 && <p className="mt-1 text-sm text-muted">{t("fromWork", { title: works[0]!.title })}</p>}

      <form method="get" action={glossaryPaths.list(locale)} role="search" className="mt-6" aria-label={t("filter.formLabel")}>
        {filter.work && <input type="hidden" name="work" value={filter.work} />}
        {filter.category && <input type="hidden" name="category" value={filter.category} />}
        {filter.letter && <input type="hidden" name="letter" value={filter.letter} />}
        <label htmlFor="glossary-q" className="block text-sm font-medium">
          {t("filter.label")}
        </label>
        <div className="mt-1 flex gap-2">
          <FilterInput
            id="glossary-q"
            name="q"
            defaultValue={filter.query ?? ""}
            placeholder={t("filter.placeholder")}
            describedBy="glossary-q-hint"
            listId="glossary-list"
            countId="glossary-count"
            countForms={pluralForms((count) => t("count", { count }), locale)}
            zeroCount={t("countNone")}
            locale={locale}
          />
          <button type="submit" className="rounded bg-accent px-4 py-2 text-sm font-medium text-accent-ink">
            {t("filter.submit")}
          </button>
        </div>
        <p id="glossary-q-hint" className="mt-1 text-xs text-muted">
          {t("filter.hint")}
        </p>
      </form>

      {works.length > 1 && (
        <nav aria-label={t("workFilter")} className="mt-6">
          <ul className="flex flex-wrap gap-2 text-sm">
            <li>
              <FilterLink href={href({ work: undefined })} current={!filter.work}>
                {t("allWorks")}
              </FilterLink>
            </li>
            {works.map((work) => (
              <li key={work.slug}>
                <FilterLink href={href({ work: work.slug })} current={filter.work === work.slug}>
                  {work.title}
                </FilterLink>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <nav aria-label={t("categoriesLabel")} className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <FilterLink href={href({ category: undefined })} current={!filter.category} testId="category-all">
              {t("allCategories")} <span>({inIndex.length})</span>
            </FilterLink>
          </li>
          {GLOSSARY_CATEGORIES.map((category) => {
            const count = inIndex.filter((item) => item.category === category).length;
            return (
              <li key={category}>
                <FilterLink href={href({ category })} current={filter.category === category} disabled={count === 0} testId={`category-${category}`}>
                  {t(`category.${category}`)} <span>({count})</span>
                </FilterLink>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="mt-4 space-y-2">
        {indexes.map(({ script, label }) => {
          const counts = indexCounts(
            inCategory.map((item) => item.entry),
            script,
          );
          return (
            <nav key={script} aria-label={label} data-index={script} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <span className="w-full text-xs font-medium text-muted sm:w-40 sm:shrink-0">{label}</span>
              <ul className="flex min-w-0 flex-1 flex-wrap gap-1" lang={script === "cyrillic" ? "ru" : script === "kana" ? "ja" : undefined}>
                {indexKeysOf(script)
                  .filter((key) => key !== "0–9" || counts.has(key))
                  .map((key) => (
                    <li key={key}>
                      <LetterLink href={href({ letter: filter.letter === key ? undefined : key })} current={filter.letter === key} count={counts.get(key) ?? 0} label={t("index.letterLabel", { letter: key, count: counts.get(key) ?? 0 })}>
                        {key}
                      </LetterLink>
                    </li>
                  ))}
              </ul>
            </nav>
          );
        })}
      </div>

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2 border-b border-rule pb-2">
        <p id="glossary-count" aria-live="polite" className="font-medium">
          {countLabel(shown.length)}
        </p>
        {(filter.category || filter.letter || filter.query) && (
          <a href={href({ category: undefined, letter: undefined, q: undefined })} className="text-sm">
            {t("filter.clear")}
          </a>
        )}
      </div>

      <div id="glossary-list" className="mt-4">
        {workGroups.map((work) => (
          <section key={work.slug} data-glossary-group aria-labelledby={workGroups.length > 1 ? `work-${work.slug}` : undefined}>
            {workGroups.length > 1 && (
              <h2 id={`work-${work.slug}`} className="mt-8 font-serif text-2xl font-semibold">
                {work.title}
              </h2>
            )}
            {GLOSSARY_CATEGORIES.map((category) => {
              const items = listed.filter((item) => item.work.slug === work.slug && item.category === category).sort(byName);
              if (items.length === 0) return null;
              const headingId = `${work.slug}-${category}`;
              const Heading = workGroups.length > 1 ? "h3" : "h2";
              return (
                <section key={category} data-glossary-group aria-labelledby={headingId} hidden={!items.some((item) => shown.includes(item))} className="mt-6">
                  <Heading id={headingId} className="text-sm font-semibold tracking-wide text-muted uppercase">
                    {t(`category.${category}`)}
                  </Heading>
                  <ul className="mt-2 divide-y divide-rule border-y border-rule">
                    {items.map((item) => (
                      <EntryItem
                        key={item.key}
                        item={item}
                        locale={locale}
                        hidden={!shown.includes(item)}
                        posLabel={labels.pos[item.entry.pos]}
                        occurrences={Object.entries(item.occurrences)
                          .map(([language, count]) => t("occurrencesIn", { language: languageName(language, locale), count }))
                          .join(" · ")}
                      />
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        ))}
      </div>
      {listed.length === 0 && <p className="mt-4 text-muted">{t("noEntries")}</p>}

      <Downloads locale={locale} deck={filter.category ? `category:${filter.category}` : "all"} work={filter.work} />
    </div>
  );
}

function FilterLink({ href, current, disabled, testId, children }: { href: string; current: boolean; disabled?: boolean; testId?: string; children: React.ReactNode }) {
  const className = "inline-block rounded-full border px-3 py-1 no-underline";
  if (disabled && !current) {
    return (
      <span className={`${className} border-rule text-muted`} aria-disabled="true" data-testid={testId}>
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      aria-current={current ? "true" : undefined}
      data-testid={testId}
      className={`${className} border-rule text-ink hover:border-accent aria-[current]:border-ink aria-[current]:bg-ink aria-[current]:text-paper`}
    >
      {children}
    </a>
  );
}

function LetterLink({ href, current, count, label, children }: { href: string; current: boolean; count: number; label: string; children: React.ReactNode }) {
  const className = "flex h-8 min-w-8 items-center justify-center rounded px-1 text-sm no-underline";
  if (count === 0 && !current) {
    return (
      <span className={`${className} text-rule`} aria-hidden="true">
        {children}
      </span>
    );
  }
  return (
    <a href={href} aria-current={current ? "true" : undefined} aria-label={label} className={`${className} text-accent hover:bg-panel aria-[current]:bg-ink aria-[current]:text-paper`}>
      {children}
    </a>
  );
}

function EntryItem({ item, locale, hidden, posLabel, occurrences }: { item: GlossaryItem; locale: string; hidden: boolean; posLabel: string; occurrences: string }) {
  const { entry } = item;
  const headword = entryHeadword(entry);

  const gloss = locale === "ru" ? { text: entry.glossRu, lang: "ru" } : { text: entry.glossEn, lang: "en" };
  return (
    <li data-glossary-item data-entry-key={item.key} data-filter={filterText(item.searchText, entry)} hidden={hidden} className="py-3">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <a href={glossaryPaths.entry(locale, item.key)} lang={headwordLanguage(entry, headword)} className="font-serif text-lg font-semibold">
          {headword}
        </a>
        {entry.kanji && (
          <span lang="ja" className="font-serif">
            {entry.kanji}
          </span>
        )}
        {entry.kana && (
          <span lang="ja" className="text-sm text-muted">
            {entry.kana}
          </span>
        )}
        {entry.ru && (
          <span lang={faceLanguage(entry, "ru")} className="font-serif">
            {entry.ru}
          </span>
        )}
      </p>
      <p className="mt-1 text-sm">
        <span lang={gloss.lang}>{gloss.text}</span>
      </p>
      <p className="mt-1 text-xs text-muted">
        {posLabel}
        {occurrences && ` · ${occurrences}`}
      </p>
    </li>
  );
}
