import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "@/lib/db/editor-view";
import { ActionForm, BUTTON, type FormContext } from "./action-form";

async function describe(entry: HistoryEntry): Promise<string> {
  const t = await getTranslations("editor");
  const first = entry.start;
  switch (entry.action) {
    case "merge":
      return t("historyMerge", { first, second: first + 1 });
    case "split":
      return t("historySplit", { unit: first });
    case "move":
      return entry.after < entry.before ? t("historyMoveRemoved", { first, second: first + 1 }) : t("historyMove", { first, second: first + 1 });
    default:
      return entry.reviewed ? t("historyReview", { unit: first }) : t("historyUnreview", { unit: first });
  }
}

/** The latest changes, newest first, each with its undo; whether an undo is still possible the data layer decides when it is asked. */
export async function HistoryList({ entries, context }: { entries: HistoryEntry[]; context: FormContext }) {
  const t = await getTranslations("editor");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-rule bg-panel p-4">
      <h2 id="history-heading" className="font-sans text-base font-semibold">
        {t("historyHeading")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("historyEmpty")}</p>
      ) : (
        <>
          <p className="mt-1 text-xs text-muted">{t("historyNumbering")}</p>
          <ol className="mt-3 space-y-3">
            {await Promise.all(
              entries.map(async (entry) => (
                <li key={entry.id} id={`change-${entry.id}`} className={`text-sm ${entry.undoneAt ? "text-muted" : ""}`}>
                  <p className={entry.undoneAt ? "line-through" : ""}>{await describe(entry)}</p>
                  <p className="text-xs text-muted">
                    <span className="font-mono">#{entry.id}</span> · <time dateTime={entry.createdAt.toISOString()}>{when(entry.createdAt)}</time>
                  </p>
                  {entry.undoneAt ? (
                    <p className="text-xs">{t("undone", { date: when(entry.undoneAt) })}</p>
                  ) : (
                    <ActionForm context={context} action="undo" fields={{ change: entry.id }} className="mt-1">
                      <button type="submit" className={BUTTON} aria-label={t("undoLabel", { change: entry.id })}>
                        {t("undo")}
                      </button>
                    </ActionForm>
                  )}
                </li>
              )),
            )}
          </ol>
        </>
      )}
    </section>
  );
}
