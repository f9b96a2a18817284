import { getLocale, getTranslations } from "next-intl/server";
import type { EditionSummary, ReaderParagraph, ReaderWork } from "@/lib/db/reader";
import { languageName } from "@/lib/i18n/language-name";
import { TranslationNotice } from "./edition-details";
import { InlineText } from "./inline-text";

/**
 * The editions side by side: one row per alignment unit, one column per
 * edition; on narrow screens each row stacks its editions.
 */
export async function ParallelText({ work }: { work: ReaderWork }) {
  const t = await getTranslations("reader");
  const locale = await getLocale();
  const columns = work.editions.length > 1 ? "columns parallel" : "columns";

  // In-text citations point at the reference entry of the same edition.
  const referenceAnchors = new Map<string, Map<string, string>>(
    work.editions.map((edition) => [
      edition.language,
      new Map(
        work.units
          .flatMap((unit) => unit.paragraphs[edition.language] ?? [])
          .filter((paragraph) => paragraph.refKey)
          .map((paragraph) => [paragraph.refKey!, `#${edition.language}-${paragraph.ordinal}`]),
      ),
    ]),
  );

  return (
    <section aria-labelledby="text-heading" className="mt-10">
      <h2 id="text-heading" className="sr-only">
        {t("textHeading")}
      </h2>
      <div className={`${columns} border-b border-rule pb-4`}>
        {work.editions.map((edition) => (
          <ColumnHeader key={edition.language} edition={edition} name={languageName(edition.language, locale)} />
        ))}
      </div>
      <div>
        {work.units.map((unit) => (
          <div key={unit.ordinal} id={`u${unit.ordinal}`} className={`unit ${columns}`}>
            {work.editions.map((edition) => {
              const paragraphs = unit.paragraphs[edition.language] ?? [];
              return (
                <div key={edition.language} lang={edition.language} className="cell edition-text" data-label={languageName(edition.language, locale)}>
                  {paragraphs.length === 0 ? (
                    <p className="text-muted">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t("noCounterpart")}</span>
                    </p>
                  ) : (
                    paragraphs.map((paragraph) => (
                      <Paragraph
                        key={paragraph.ordinal}
                        paragraph={paragraph}
                        language={edition.language}
                        numberLabel={t("paragraphNumber", { number: paragraph.ordinal })}
                        citationHref={(ref) => referenceAnchors.get(edition.language)?.get(ref) ?? null}
                      />
                    ))
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}

function ColumnHeader({ edition, name }: { edition: EditionSummary; name: string }) {
  return (
    <div>
      <p className="font-sans text-sm font-semibold tracking-wide uppercase">{name}</p>
      {edition.status === "project-translation" && <TranslationNotice edition={edition} className="mt-2" />}
    </div>
  );
}

function Paragraph({
  paragraph,
  language,
  numberLabel,
  citationHref,
}: {
  paragraph: ReaderParagraph;
  language: string;
  numberLabel: string;
  citationHref: (ref: string) => string | null;
}) {
  const anchor = `${language}-${paragraph.ordinal}`;
  const Element = paragraph.kind === "title" ? "h1" : paragraph.kind === "heading" ? "h2" : "p";
  return (
    <div id={anchor} lang={language} className="para" data-kind={paragraph.kind}>
      <a href={`#${anchor}`} aria-label={numberLabel} className="pnum" data-n={paragraph.ordinal} />
      <Element>
        <InlineText text={paragraph.text} marks={paragraph.marks} pageBreaks={paragraph.pageBreaks} citationHref={citationHref} />
      </Element>
    </div>
  );
}
