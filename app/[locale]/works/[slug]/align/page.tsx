import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { primaryDatabase } from "@/lib/db/client";
import { loadEditorView, type EditorView } from "@/lib/db/editor-view";
import { csrfToken } from "@/lib/editor/csrf";
import { EDITOR_ORDERS, EDITOR_PAGE_SIZE, orderUnits, pageCount, pageOf, type EditorOrder } from "@/lib/editor/queue";
import { editorToken, readSession, SESSION_COOKIE } from "@/lib/editor/session";
import { languageName } from "@/lib/i18n/language-name";
import { ActionForm, BUTTON, type FormContext } from "./_components/action-form";
import { HistoryList } from "./_components/history-list";
import { SignInForm } from "./_components/sign-in-form";
import { UnitRow } from "./_components/unit-row";

// Every request reads the session and the current alignment.
export const dynamic = "force-dynamic";

/** The address's parameters: the list order and page, and the outcome of the action that led here. */
const parametersSchema = z.object({
  order: z.enum(EDITOR_ORDERS).catch("queue").default("queue"),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  unit: z.coerce.number().int().min(1).optional().catch(undefined),
  change: z.coerce.number().int().min(1).optional().catch(undefined),
  done: z.enum(["merge", "split", "move", "review", "unreview", "undo", "resolve"]).optional().catch(undefined),
  error: z.enum(["stale", "refused", "undo-blocked", "gone", "busy"]).optional().catch(undefined),
  signin: z.literal("failed").optional().catch(undefined),
  signedout: z.literal("1").optional().catch(undefined),
});

type Parameters = z.output<typeof parametersSchema>;

async function readParameters(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<Parameters> {
  const raw = await searchParams;
  return parametersSchema.parse(Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value])));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/works/[slug]/align">): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!editorToken()) return {};
  const t = await getTranslations({ locale, namespace: "editor" });
  const work = await primaryDatabase().work.findUnique({ where: { slug }, select: { title: true } });
  return { title: work ? t("metaTitle", { title: work.title }) : t("title"), robots: { index: false, follow: false } };
}

export default async function AlignPage({ params, searchParams }: PageProps<"/[locale]/works/[slug]/align">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const token = editorToken();
  if (!token) notFound();
  const db = primaryDatabase();
  const work = await db.work.findUnique({ where: { slug }, select: { title: true } });
  if (!work) notFound();
  const t = await getTranslations("editor");
  const parameters = await readParameters(searchParams);
  const path = `/${locale}/works/${slug}/align`;
  const readerPath = `/${locale}/works/${slug}`;
  const session = readSession((await cookies()).get(SESSION_COOKIE)?.value, token);
  const view = session ? await loadEditorView(db, slug) : null;
  if (session && !view) notFound();

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <a href={readerPath}>{t("backToText")}</a>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-1 font-serif text-lg text-muted">{work.title}</p>
      {session && view ? (
        <Editor view={view} parameters={parameters} context={{ path, csrf: csrfToken(session, token), version: view.version, order: parameters.order }} readerPath={readerPath} locale={locale} />
      ) : (
        <SignInForm path={path} failed={parameters.signin === "failed"} signedOut={parameters.signedout === "1"} />
      )}
    </div>
  );
}

async function Outcome({ parameters }: { parameters: Parameters }) {
  const t = await getTranslations("editor");
  const values = { unit: parameters.unit ?? "", change: parameters.change ?? "" };
  if (parameters.error) {
    const key = ({ stale: "errorStale", refused: "errorRefused", "undo-blocked": "errorUndoBlocked", gone: "errorGone", busy: "errorBusy" } as const)[parameters.error];
    return (
      <p role="alert" className="mt-4 rounded border-l-4 border-accent bg-panel px-3 py-2 text-sm">
        {t(key, values)}
      </p>
    );
  }
  if (!parameters.done) return null;
  const key = (
    { merge: "doneMerge", split: "doneSplit", move: "doneMove", review: "doneReview", unreview: "doneUnreview", undo: "doneUndo", resolve: "doneResolve" } as const
  )[parameters.done];
  return (
    <p role="status" className="mt-4 rounded border-l-4 border-ink bg-panel px-3 py-2 text-sm">
      {t(key, values)}
    </p>
  );
}

async function Editor({ view, parameters, context, readerPath, locale }: { view: EditorView; parameters: Parameters; context: FormContext; readerPath: string; locale: string }) {
  const t = await getTranslations("editor");
  const ordered = orderUnits(view.units, parameters.order);
  const pages = pageCount(ordered.length);
  // After an action the page that shows the unit acted on; otherwise the page asked for.
  const page = Math.min(pages, parameters.page ?? (parameters.unit ? pageOf(ordered, parameters.unit) : 1));
  const shown = ordered.slice((page - 1) * EDITOR_PAGE_SIZE, page * EDITOR_PAGE_SIZE);
  const names = Object.fromEntries(view.languages.map((language) => [language, languageName(language, locale)]));
  const reports = view.units.reduce((sum, unit) => sum + unit.openReports, 0) + view.strayReports.length;
  const link = (order: EditorOrder, target?: number) => `${context.path}?${new URLSearchParams({ order, ...(target && target > 1 ? { page: String(target) } : {}) })}`;

  const pagination = pages > 1 && (
    <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm">
      {page > 1 && <a href={link(parameters.order, page - 1)}>{t("previousPage")}</a>}
      <span className="text-muted">{t("pageOf", { page, pages })}</span>
      {page < pages && <a href={link(parameters.order, page + 1)}>{t("nextPage")}</a>}
    </nav>
  );

  return (
    <>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm">{t("summary", { units: view.units.length, unreviewed: view.units.filter((unit) => !unit.reviewed).length, reports })}</p>
        <ActionForm context={context} action="sign-out" fields={{}}>
          <button type="submit" className={BUTTON}>
            {t("signOut")}
          </button>
        </ActionForm>
      </div>
      <Outcome parameters={parameters} />

      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="units-heading" className="min-w-0">
          <h2 id="units-heading" className="sr-only">
            {t("unitsHeading")}
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <nav aria-label={t("orderLabel")} className="flex gap-1 text-sm">
              {EDITOR_ORDERS.map((order) => (
                <a
                  key={order}
                  href={link(order)}
                  aria-current={order === parameters.order ? "page" : undefined}
                  className="rounded px-2.5 py-1 text-ink no-underline hover:bg-panel aria-[current]:bg-ink aria-[current]:text-paper"
                >
                  {order === "queue" ? t("orderQueue") : t("orderText")}
                </a>
              ))}
            </nav>
            {pagination}
          </div>
          <p className="mt-2 text-sm text-muted">{parameters.order === "queue" ? t("queueHelp") : t("textHelp")}</p>

          {view.strayReports.length > 0 && (
            <section aria-labelledby="stray-heading" className="mt-4 rounded-lg border border-accent bg-panel p-4">
              <h3 id="stray-heading" className="text-sm font-semibold">
                {t("strayReports")}
              </h3>
              <ul className="mt-2 space-y-2">
                {view.strayReports.map((report) => (
                  <li key={report.id} className="flex flex-wrap items-start justify-between gap-2 text-sm">
                    <p>
                      <span className="font-medium">{t("strayUnit", { number: report.unit })}</span> — <span className="whitespace-pre-line">{report.note}</span>
                    </p>
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

          <ol className="mt-4 space-y-4">
            {shown.map((unit) => (
              <UnitRow key={unit.number} unit={unit} total={view.units.length} languages={view.languages} names={names} context={context} readerPath={readerPath} />
            ))}
          </ol>
        </section>
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <HistoryList entries={view.history} context={context} />
        </aside>
      </div>
    </>
  );
}
