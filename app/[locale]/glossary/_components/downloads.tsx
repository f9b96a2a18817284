import { getTranslations } from "next-intl/server";
import { DEFAULT_DIRECTION, type CardDirection } from "@/lib/glossary/cards";
import { glossaryPaths } from "@/lib/glossary/paths";

/** Links to the glossary's files: the cards of a deck for Anki and spreadsheets, and the whole glossary as a termbase. */
export async function Downloads({
  locale,
  deck,
  direction = DEFAULT_DIRECTION,
  work,
  studyLink = true,
}: {
  locale: string;
  deck: string;
  direction?: CardDirection;
  work?: string | undefined;
  studyLink?: boolean;
}) {
  const t = await getTranslations("glossary");
  const cards = new URLSearchParams({ deck, front: direction.front, back: direction.back }).toString();
  const termbase = work ? `?${new URLSearchParams({ work }).toString()}` : "";
  const base = glossaryPaths.list(locale);
  const links = [
    { href: `${base}/export.tsv?${cards}`, label: t("downloads.tsv"), hint: t("downloads.tsvHint"), id: "tsv" },
    { href: `${base}/export.csv?${cards}`, label: t("downloads.csv"), hint: t("downloads.csvHint"), id: "csv" },
    { href: `${base}/export.tbx${termbase}`, label: t("downloads.tbx"), hint: t("downloads.tbxHint"), id: "tbx" },
  ];
  return (
    <section aria-labelledby="glossary-downloads" className="mt-10 rounded-lg border border-rule bg-panel p-4">
      <h2 id="glossary-downloads" className="font-semibold">
        {t("downloads.heading")}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {links.map((link) => (
          <li key={link.id}>
            <a href={link.href} download data-download={link.id} className="underline">
              {link.label}
            </a>
            <span className="text-muted"> — {link.hint}</span>
          </li>
        ))}
      </ul>
      {studyLink && (
        <p className="mt-3 text-sm">
          <a href={`${glossaryPaths.study(locale)}?${cards}`} className="underline">
            {t("studyLink")}
          </a>
        </p>
      )}
    </section>
  );
}
