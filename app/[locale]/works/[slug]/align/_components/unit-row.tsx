import type { CSSProperties } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { EditorParagraph, EditorViewUnit } from "@/lib/db/editor-view";
import { openingWords } from "@/lib/editor/queue";
import { ActionForm, BUTTON, type FormContext } from "./action-form";

const BADGE = "rounded-full border px-2 py-0.5 text-xs font-medium";

async function ParagraphItem({ paragraph }: { paragraph: EditorParagraph }) {
  const t = await getTranslations("editor");
  const { opening, cut } = openingWords(paragraph.text);
  const number = <span className="mr-1.5 font-mono text-xs text-muted">{t("paragraph", { number: paragraph.number })}</span>;
  const heading = paragraph.kind === "title" || paragraph.kind === "heading" ? "font-semibold" : "";
  if (!cut)
    return (
      <li className={heading}>
        {number}
        {paragraph.text}
      </li>
    );
  return (
    <li className={heading}>
      <details className="group">
        <summary className="cursor-pointer marker:text-muted">
          {number}
          <span className="group-open:hidden">{opening}…</span>
          <span className="sr-only">{t("fullText")}</span>
        </summary>
        <p className="mt-1 whitespace-pre-line">{paragraph.text}</p>
      </details>
    </li>
  );
}

/** One unit in the editor: its state, both editions' paragraphs, readers' reports and every change that fits it. */
export async function UnitRow({ unit, total, languages, names, context, readerPath }: { unit: EditorViewUnit; total: number; languages: string[]; names: Record<string, string>; context: FormContext; readerPath: string }) {
  const t = await getTranslations("editor");
  const format = await getFormatter();
  const size = languages.reduce((sum, language) => sum + (unit.paragraphs[language]?.length ?? 0), 0);
  const headingId = `u${unit.number}-heading`;
  return (
    <li id={`u${unit.number}`} aria-labelledby={headingId} className="scroll-mt-20 rounded-lg border border-rule bg-panel p-4 target:ring-2 target:ring-accent">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-sans text-base font-semibold">
          {t("unit", { number: unit.number })}
        </h3>
        <a href={`${readerPath}#u${unit.number}`} className="text-sm">
          {t("openInReader", { number: unit.number })}
        </a>
        <span className="flex flex-wrap gap-1.5">
          <span className={`${BADGE} border-rule`} data-confidence={unit.confidence ?? "hand"}>
            {unit.confidence === null ? t("byHand") : t("confidence", { value: format.number(unit.confidence, { style: "percent" }) })}
          </span>
          <span className={`${BADGE} ${unit.reviewed ? "border-ink bg-ink text-paper" : "border-rule text-muted"}`}>{unit.reviewed ? t("reviewed") : t("notReviewed")}</span>
          {unit.openReports > 0 && <span className={`${BADGE} border-accent text-accent`}>{t("openReports", { count: unit.openReports })}</span>}
        </span>
      </div>

      {unit.reports.length > 0 && (
        <section aria-label={t("reportsHeading")} className="mt-3 rounded border-l-4 border-accent bg-paper px-3 py-2">
          <ul className="space-y-2">
            {unit.reports.map((report) => (
              <li key={report.id} className="flex flex-wrap items-start justify-between gap-2 text-sm">
                <div>
                  <p className="whitespace-pre-line">{report.note}</p>
                  <p className="text-xs text-muted">{t("reportedAt", { date: format.dateTime(report.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                </div>
                <ActionForm context={context} action="resolve" fields={{ report: report.id }}>
                  <button type="submit" className={BUTTON}>
                    {t("resolve")}
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-3 grid gap-4 md:grid-cols-[repeat(var(--editions),minmax(0,1fr))]" style={{ "--editions": languages.length } as CSSProperties}>
        {languages.map((language) => {
          const paragraphs = unit.paragraphs[language] ?? [];
          const first = paragraphs[0];
          const last = paragraphs.at(-1);
          return (
            <div key={language} className="min-w-0">
              <h4 className="text-xs font-semibold tracking-wider text-muted uppercase">{names[language]}</h4>
              {paragraphs.length === 0 ? (
                <p className="mt-1 text-sm text-muted">{t("noParagraph")}</p>
              ) : (
                <ul lang={language} className="mt-1 space-y-1.5 font-serif text-[0.9375rem] leading-snug">
                  {paragraphs.map((paragraph) => (
                    <ParagraphItem key={paragraph.number} paragraph={paragraph} />
                  ))}
                </ul>
              )}
              <div className="mt-2 flex flex-wrap gap-2">
                {first && unit.number > 1 && (
                  <ActionForm context={context} action="move" fields={{ unit: unit.number, language, direction: "previous" }}>
                    <button type="submit" className={BUTTON} aria-label={t("moveToLabel", { language: names[language]!, paragraph: first.number, unit: unit.number - 1 })}>
                      <span aria-hidden="true">↑ </span>
                      {t("moveTo", { paragraph: first.number, unit: unit.number - 1 })}
                    </button>
                  </ActionForm>
                )}
                {last && unit.number < total && (
                  <ActionForm context={context} action="move" fields={{ unit: unit.number, language, direction: "next" }}>
                    <button type="submit" className={BUTTON} aria-label={t("moveToLabel", { language: names[language]!, paragraph: last.number, unit: unit.number + 1 })}>
                      <span aria-hidden="true">↓ </span>
                      {t("moveTo", { paragraph: last.number, unit: unit.number + 1 })}
                    </button>
                  </ActionForm>
                )}
              </div>
            </div>
          );
        })}
      </div>

      <div role="group" aria-label={t("actions", { number: unit.number })} className="mt-3 flex flex-wrap items-start gap-2 border-t border-rule pt-3">
        {unit.number < total && (
          <ActionForm context={context} action="merge" fields={{ unit: unit.number }}>
            <button type="submit" className={BUTTON}>
              {t("mergeNext", { next: unit.number + 1 })}
            </button>
          </ActionForm>
        )}
        <ActionForm context={context} action="review" fields={{ unit: unit.number, reviewed: String(!unit.reviewed) }}>
          <button type="submit" className={BUTTON}>
            {unit.reviewed ? t("markUnreviewed") : t("markReviewed")}
          </button>
        </ActionForm>
        {size >= 2 && (
          <details className="open:basis-full">
            <summary className={`${BUTTON} w-fit cursor-pointer list-none`}>{t("split")}</summary>
            <ActionForm context={context} action="split" fields={{ unit: unit.number }} className="mt-2 rounded border border-rule bg-paper p-3">
              <fieldset>
                <legend className="text-sm font-medium">{t("splitLegend", { number: unit.number })}</legend>
                <div className="mt-2 flex flex-wrap gap-4">
                  {languages.map((language, index) => {
                    const paragraphs = unit.paragraphs[language] ?? [];
                    const keep = index === 0 ? Math.ceil(paragraphs.length / 2) : Math.floor(paragraphs.length / 2);
                    const id = `split-${unit.number}-${language}`;
                    return (
                      <div key={language} className="text-sm">
                        <label htmlFor={id} className="block text-xs text-muted">
                          {names[language]}
                        </label>
                        <select id={id} name={`keep-${language}`} defaultValue={String(keep)} className="mt-1 rounded border border-rule bg-paper px-2 py-1 text-sm">
                          {Array.from({ length: paragraphs.length + 1 }, (_, count) => (
                            <option key={count} value={count}>
                              {count === 0 ? t("keepNone") : t("keepThrough", { number: paragraphs[count - 1]!.number })}
                            </option>
                          ))}
                        </select>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
              <button type="submit" className={`${BUTTON} mt-3`}>
                {t("splitSubmit")}
              </button>
            </ActionForm>
          </details>
        )}
      </div>
    </li>
  );
}
