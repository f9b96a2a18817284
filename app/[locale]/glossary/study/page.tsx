import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { database } from "@/lib/db/client";
import { listWorkSections } from "@/lib/db/glossary";
import { CARD_FACES, cardId, DEFAULT_DIRECTION, faceLanguage, faceText, isCardFace, type CardDirection, type CardFace } from "@/lib/glossary/cards";
import { ALL_ENTRIES, deckParameter, parseDeck } from "@/lib/glossary/decks";
import { entryFieldRows, type TextField } from "@/lib/glossary/fields";
import { runningPolivanov } from "@/lib/glossary/forms";
import { glossaryPaths } from "@/lib/glossary/paths";
import { GLOSSARY_CATEGORIES } from "@/lib/glossary/schema";
import { Rating } from "@/lib/glossary/study";
import { deckCards } from "../_lib/files";
import { Downloads } from "../_components/downloads";
import { entryLabels } from "../_components/labels";
import { Flashcards, type StudyCard } from "./_components/flashcards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/glossary/study">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "glossary.study" });
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** What the answer side shows besides the answer: every form of the entry and its gloss in the interface language. */
function detailFields(locale: string): TextField[] {
  return ["en", "hepburn", "kanji", "kana", "ru", "polivanov", "polivanovRunning", "romanized", locale === "ru" ? "glossRu" : "glossEn"];
}

export default async function StudyPage({ params, searchParams }: PageProps<"/[locale]/glossary/study">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("glossary");
  const labels = await entryLabels();
  const db = database();

  const deck = parseDeck(one(query.deck) ?? "all") ?? ALL_ENTRIES;
  const face = (value: string | undefined, fallback: CardFace) => (value && isCardFace(value) ? value : fallback);
  const direction: CardDirection = { front: face(one(query.front), DEFAULT_DIRECTION.front), back: face(one(query.back), DEFAULT_DIRECTION.back) };
  const sameSides = direction.front === direction.back;

  const [sections, items] = await Promise.all([listWorkSections(db), sameSides ? [] : deckCards(db, deck, direction)]);
  const shownFields = detailFields(locale);
  const cards: StudyCard[] = items.map(({ work, key, entry }) => ({
    id: cardId(work.slug, key, direction),
    front: { text: faceText(entry, direction.front)!, lang: faceLanguage(entry, direction.front) },
    back: { text: faceText(entry, direction.back)!, lang: faceLanguage(entry, direction.back) },
    details: entryFieldRows(entry, runningPolivanov(entry)).filter((row) => shownFields.includes(row.field) && row.field !== direction.front && row.field !== direction.back),
    href: glossaryPaths.entry(locale, key),
  }));

  const works = [...new Map(sections.map((section) => [section.work.slug, section.work])).values()];
  const headingOf = (headings: Record<string, string>) => headings[locale === "ru" ? "ru" : "en"] ?? Object.values(headings)[0] ?? "";
  const faceNames = Object.fromEntries(CARD_FACES.map((name) => [name, t(`study.face.${name}`)])) as Record<CardFace, string>;
  const selected = deckParameter(deck);

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <nav aria-label={t("entry.breadcrumb")} className="text-sm">
        <a href={glossaryPaths.list(locale)}>{t("entry.back")}</a>
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{t("study.title")}</h1>
      <p className="mt-2 text-muted">{t("study.intro")}</p>

      <form method="get" action={glossaryPaths.study(locale)} className="mt-6 grid gap-3 rounded-lg border border-rule bg-panel p-4 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <label className="block text-sm">
          <span className="font-medium">{t("study.deck")}</span>
          <select name="deck" defaultValue={selected} className="mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5">
            <option value="all">{t("study.allEntries")}</option>
            <optgroup label={t("study.byCategory")}>
              {GLOSSARY_CATEGORIES.map((category) => (
                <option key={category} value={`category:${category}`}>
                  {t(`category.${category}`)}
                </option>
              ))}
            </optgroup>
            {works.map((work) => (
              <optgroup key={work.slug} label={t("study.bySection", { work: work.title })}>
                {sections
                  .filter((section) => section.work.slug === work.slug)
                  .map((section) => (
                    <option key={section.section} value={`section:${work.slug}:${section.section}`}>
                      {section.section === 0 ? t("entry.frontMatter") : t("study.section", { number: section.section, heading: headingOf(section.headings) })}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("study.front")}</span>
          <select name="front" defaultValue={direction.front} className="mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5">
            {CARD_FACES.map((name) => (
              <option key={name} value={name}>
                {faceNames[name]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("study.back")}</span>
          <select name="back" defaultValue={direction.back} className="mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5">
            {CARD_FACES.map((name) => (
              <option key={name} value={name}>
                {faceNames[name]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 text-sm font-medium text-accent-ink">
          {t("study.start")}
        </button>
      </form>

      <p className="mt-3 text-sm text-muted" data-testid="deck-summary">
        {sameSides ? t("study.sameSides") : t("study.cardsInDeck", { count: cards.length, front: faceNames[direction.front], back: faceNames[direction.back] })}
      </p>

      {!sameSides && cards.length === 0 && <p className="mt-4">{t("study.noCards")}</p>}
      {cards.length > 0 && (
        <Flashcards
          cards={cards}
          locale={locale}
          labels={{
            fields: labels.fields,
            showAnswer: t("study.showAnswer"),
            grades: {
              [Rating.Again]: t("study.grade.again"),
              [Rating.Hard]: t("study.grade.hard"),
              [Rating.Good]: t("study.grade.good"),
              [Rating.Easy]: t("study.grade.easy"),
            },
            keys: t("study.keys"),
            due: t("study.due"),
            fresh: t("study.new"),
            reviewedToday: t("study.reviewedToday"),
            done: t.raw("study.done") as string,
            doneNoneLater: t("study.doneNoneLater"),
            entryLink: t("study.entryLink"),
            question: t("study.question"),
            answer: t("study.answer"),
            newCard: t("study.newCard"),
            reset: t("study.reset"),
            resetConfirm: t("study.resetConfirm"),
            storage: t("study.storage"),
            loading: t("study.loading"),
            lessThanAMinute: t("study.lessThanAMinute"),
          }}
        />
      )}

      {!sameSides && <Downloads locale={locale} deck={selected} direction={direction} studyLink={false} />}
    </div>
  );
}
