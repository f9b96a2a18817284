"use client";

import { lazy, memo, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { glossaryPaths } from "@/lib/glossary/paths";
import { fill } from "@/lib/i18n/fill";
import { buildInlineTree, type InlineNode, type RangeAnnotation } from "@/lib/reader/inline-tree";
import {
  DEFAULT_PREFERENCES,
  nextLayout,
  parsePreferences,
  PREFERENCES_COOKIE,
  PREFERENCES_MAX_AGE,
  serializePreferences,
  viewQuery,
  type Layout,
  type ReaderPreferences,
} from "@/lib/reader/preferences";
import { glossaryEntriesOf, type ParagraphAnnotations, type PayloadParagraph, type TextAnnotations, type TextPayload } from "@/lib/reader/text-payload";
import type { FormattedCitation } from "@/lib/citation/format";
import type { CiteLabels, CiteTarget } from "./cite-dialog";
import { highlightCounterparts, readerIndex } from "./counterparts";
import type { SettingsLabels, ShortcutsLabels } from "./reader-dialogs";
import { ReportMisalignment, type ReportMisalignmentLabels } from "./report-misalignment";

// Dialogs are loaded when first opened: they are not needed to read.
const CiteDialog = lazy(() => import("./cite-dialog"));
const SettingsDialog = lazy(() => import("./reader-dialogs").then((module) => ({ default: module.SettingsDialog })));
const ShortcutsDialog = lazy(() => import("./reader-dialogs").then((module) => ({ default: module.ShortcutsDialog })));

export interface ReaderLabels {
  toolbar: string;
  layoutGroup: string;
  layouts: Record<Layout, string>;
  swap: string;
  settings: string;
  shortcuts: string;
  contents: string;
  paragraphNumber: string;
  paragraphMenu: string;
  copyLink: string;
  citeParagraph: string;
  linkCopied: string;
  copyFailed: string;
  pageBreak: string;
  pageBreakNumbered: string;
  pageMarkShort: string;
  noCounterpart: string;
  close: string;
  languages: Record<string, string>;
  cite: CiteLabels;
  settingsDialog: SettingsLabels;
  shortcutsDialog: ShortcutsLabels;
  report: ReportMisalignmentLabels;
}

export interface Column {
  language: string;
  name: string;
  /** Said above the column where the text is the project's own translation. */
  notice?: string;
}

type Mark = { k: "e" } | { k: "c"; to: number } | { k: "u"; href: string } | { k: "t"; entry: string; lang: string };

/** A paragraph's text with its marks as elements; text is always a text node, so content never becomes markup. */
function InlineText({ paragraph, language, labels, terms }: { paragraph: PayloadParagraph; language: string; labels: ReaderLabels; terms: ParagraphAnnotations["g"] }) {
  const ranges: RangeAnnotation<Mark>[] = [];
  // Links enclose glossary terms, which enclose emphasis.
  for (const [start, end, type, target] of paragraph.m ?? []) {
    ranges.push(type === "e" ? { start, end, layer: 2, data: { k: "e" } } : type === "c" ? { start, end, layer: 0, data: { k: "c", to: target as number } } : { start, end, layer: 0, data: { k: "u", href: target as string } });
  }
  for (const [start, end, entry, lang] of terms ?? []) ranges.push({ start, end, layer: 1, data: { k: "t", entry, lang } });
  const tree = buildInlineTree(paragraph.t, ranges, (paragraph.b ?? []).map(([offset, page]) => ({ offset, data: page })));

  const render = (nodes: InlineNode<Mark, number>[]): ReactNode[] =>
    nodes.map((node, key) => {
      if (node.type === "text") return node.text;
      if (node.type === "point") {
        // Drawn by CSS from data-mark, so copied text never picks it up.
        const label = node.data ? fill(labels.pageBreakNumbered, { page: node.data }) : labels.pageBreak;
        return <span key={key} className="page-mark" role="img" aria-label={label} data-mark={node.data ? fill(labels.pageMarkShort, { page: node.data }) : "‖"} />;
      }
      const children = render(node.children);
      const mark = node.data;
      if (mark.k === "e") return <em key={key}>{children}</em>;
      if (mark.k === "u")
        return (
          <a key={key} href={mark.href} rel="noopener noreferrer nofollow" className="break-all">
            {children}
          </a>
        );
      if (mark.k === "c") return mark.to ? <a key={key} href={`#${language}-${mark.to}`}>{children}</a> : <span key={key}>{children}</span>;
      // The glossary popover's contract (term-popover.tsx): every occurrence is an element with data-entry (the
      // entry key), role="button", tabindex="0", aria-expanded="false" and, where it differs from its column's,
      // lang. The popover owns click, Enter and Space and sets aria-expanded; while a term is hovered or focused
      // the reader adds the class "pair" to the same entry's occurrences in the other editions of the unit.
      // A span, not a <button>: Chromium lays a button out as an inline-block whatever its CSS, so a term of
      // several words could not break across lines, and the text would reflow when the terms arrive.
      return (
        <span key={key} role="button" tabIndex={0} aria-expanded="false" data-entry={mark.entry} lang={mark.lang || undefined}>
          {children}
        </span>
      );
    });
  return <>{render(tree)}</>;
}

function Paragraph({ paragraph, language, labels, terms }: { paragraph: PayloadParagraph; language: string; labels: ReaderLabels; terms: ParagraphAnnotations["g"] }) {
  const anchor = `${language}-${paragraph.n}`;
  const Text = paragraph.k === "title" ? "h1" : paragraph.k === "heading" ? "h2" : "p";
  return (
    <div id={anchor} className="para" data-kind={paragraph.k}>
      <a href={`#${anchor}`} aria-label={fill(labels.paragraphNumber, { number: paragraph.n })} aria-haspopup="menu" className="pnum" data-n={paragraph.n} />
      <Text>
        <InlineText paragraph={paragraph} language={language} labels={labels} terms={terms} />
      </Text>
    </div>
  );
}

/** Units per group: a group takes its glossary terms as one short commit. */
const GROUP_SIZE = 3;

/**
 * A group of units; it re-renders only when its view, its terms or the terms
 * setting change. (Not a Suspense boundary each: React would stream such large
 * boundaries after the shell, and the text would arrive after the first paint.)
 */
const UnitGroup = memo(function UnitGroup({
  locale,
  slug,
  units,
  editions,
  order,
  annotations,
  showTerms,
  labels,
}: {
  locale: string;
  slug: string;
  units: TextPayload["units"];
  editions: string[];
  order: string[];
  annotations: TextAnnotations;
  showTerms: boolean;
  labels: ReaderLabels;
}) {
  return units.map(([ordinal, paragraphs]) => (
    <div key={ordinal} id={`u${ordinal}`} className="unit">
      {order.map((language) => {
        const inEdition = paragraphs[editions.indexOf(language)] ?? [];
        return (
          <div key={language} className="cell" lang={language}>
            {inEdition.length === 0 ? (
              <p className="none">
                <span aria-hidden="true">—</span>
                <span className="sr-only">{labels.noCounterpart}</span>
              </p>
            ) : (
              inEdition.map((paragraph) => (
                <Paragraph key={paragraph.n} paragraph={paragraph} language={language} labels={labels} terms={showTerms ? annotations[`${language}-${paragraph.n}`]?.g : undefined} />
              ))
            )}
          </div>
        );
      })}
      <ReportMisalignment slug={slug} unit={ordinal} locale={locale} labels={labels.report} />
    </div>
  ));
});

const NO_ANNOTATIONS: TextAnnotations = {};

interface MenuState {
  language: string;
  number: number;
  trigger: HTMLElement;
  top: number;
  left: number;
}

const ICONS = {
  parallel: "M3 4h7v16H3zM14 4h7v16h-7z",
  interleaved: "M3 4h18v4H3zM3 10h18v4H3zM3 16h18v4H3z",
  single: "M6 4h12v16H6z",
  swap: "M7 7h13l-4-4M17 17H4l4 4",
  settings: "M4 7h10M18 7h2M4 17h2M10 17h10M14 5v4M8 15v4",
  contents: "M4 6h16M4 12h16M4 18h10",
} as const;

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The parallel text and everything a reader does with it: the layouts,
 * counterpart highlighting, the paragraph menu (link, cite), keyboard
 * shortcuts, reading progress and the settings. Behaviour is attached once,
 * by delegation, to the whole text rather than to each of its elements.
 */
export function Reader({
  locale,
  slug,
  payload,
  columns,
  labels,
  initialLayout,
  initialOrder,
  print,
}: {
  locale: string;
  slug: string;
  payload: TextPayload;
  columns: Column[];
  labels: ReaderLabels;
  initialLayout: Layout | null;
  initialOrder: string[];
  /** The printed page's footer: how to cite the editions, in the interface language's usual style, and where it came from ({url}). */
  print: { heading: string; source: string; style: FormattedCitation["style"] };
}) {
  const [layout, setLayout] = useState(initialLayout);
  const [order, setOrder] = useState(initialOrder);
  // The page is the same for every reader (it is cached); the reader's own settings come from the cookie once it runs.
  const [preferences, setPreferences] = useState<ReaderPreferences>(DEFAULT_PREFERENCES);
  const [address, setAddress] = useState("");
  const [wide, setWide] = useState<boolean | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [cite, setCite] = useState<CiteTarget | null>(null);
  const [dialog, setDialog] = useState<{ name: "settings" | "shortcuts"; returnFocus: HTMLElement | null } | null>(null);
  const [annotations, setAnnotations] = useState<TextAnnotations>(NO_ANNOTATIONS);
  const [printed, setPrinted] = useState<Record<string, string>>({});
  // How many groups show their glossary terms: they are added a group at a time, each a short commit.
  const [revealed, setRevealed] = useState(0);
  const groups = useMemo(() => Array.from({ length: Math.ceil(payload.units.length / GROUP_SIZE) }, (_, index) => payload.units.slice(index * GROUP_SIZE, (index + 1) * GROUP_SIZE)), [payload]);
  const [status, setStatus] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const progress = useRef<HTMLSpanElement>(null);
  const state = useRef({ layout, order, preferences, annotations });
  state.current = { layout, order, preferences, annotations };

  const showTerms = !preferences.hidden.includes("terms");
  const remember = (next: ReaderPreferences) => {
    setPreferences(next);
    document.cookie = `${PREFERENCES_COOKIE}=${serializePreferences(next)}; Max-Age=${PREFERENCES_MAX_AGE}; Path=/; SameSite=Lax`;
  };

  /** Reading settings live on <html> (the server renders them there from the cookie). */
  const applySettings = (next: ReaderPreferences) => {
    const html = document.documentElement;
    if (next.theme) html.dataset.theme = next.theme;
    else delete html.dataset.theme;
    html.dataset.size = String(next.size);
    html.dataset.leading = String(next.lineHeight);
    if (next.hidden.length > 0) html.dataset.hide = next.hidden.join(" ");
    else delete html.dataset.hide;
    remember(next);
  };

  /** Chooses a view; a URL that named a view is kept in step, so reloading or sharing it shows what is on screen. */
  const choose = (nextLayoutChoice: Layout | null, nextOrder: string[]) => {
    setLayout(nextLayoutChoice);
    setOrder(nextOrder);
    remember({ ...state.current.preferences, layout: nextLayoutChoice, lead: nextOrder[0] ?? null });
    const url = new URL(window.location.href);
    if (url.searchParams.has("layout") || url.searchParams.has("lead")) {
      window.history.replaceState(window.history.state, "", `${url.pathname}${viewQuery({ layout: nextLayoutChoice, lead: nextOrder[0] ?? null }, payload.editions[0])}${url.hash}`);
    }
  };
  const chooseRef = useRef(choose);
  chooseRef.current = choose;

  const paragraphUrl = (id: string) => {
    const { layout: current, order: currentOrder } = state.current;
    return `${window.location.origin}${window.location.pathname}${viewQuery({ layout: current, lead: currentOrder[0] ?? null }, payload.editions[0])}#${id}`;
  };

  const copyLink = async (id: string) => {
    const url = paragraphUrl(id);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(labels.linkCopied);
    } catch {
      setStatus(fill(labels.copyFailed, { url }));
    }
    window.setTimeout(() => setStatus(""), 4000);
  };

  const closeDialog = useCallback(() => setDialog(null), []);
  const closeCite = useCallback(() => setCite(null), []);

  /** The table of contents drawer (narrow screens) shows the sidebar's list, copied in when first opened. */
  const openContents = () => {
    const drawer = document.querySelector<HTMLDialogElement>("#reader-contents")!;
    const list = drawer.querySelector("nav")!;
    if (!list.firstElementChild) list.append(document.querySelector(".toc-side .toc-list")!.cloneNode(true));
    drawer.showModal();
  };

  const closeMenu = (returnFocus: boolean) => {
    if (returnFocus) menu?.trigger.focus();
    setMenu(null);
  };

  useEffect(() => {
    const cookie = document.cookie.split("; ").find((entry) => entry.startsWith(`${PREFERENCES_COOKIE}=`));
    setPreferences(parsePreferences(cookie?.slice(PREFERENCES_COOKIE.length + 1)));
    setAddress(`${window.location.origin}${window.location.pathname}`);
  }, []);

  useEffect(() => {
    const query = window.matchMedia("(width >= 48rem)");
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);

  useEffect(() => {
    if (menu) menuRef.current?.querySelector("button")?.focus();
  }, [menu]);

  // Counterparts, the paragraph menu, the edition cite buttons, keyboard shortcuts, settings.
  useEffect(() => {
    const element = root.current!;
    const counterparts = highlightCounterparts(element, readerIndex(payload), (id) => state.current.annotations[id]?.s);

    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      const citeEdition = target.closest<HTMLElement>("[data-cite-edition]");
      if (citeEdition) {
        setCite({ language: citeEdition.dataset.citeEdition!, paragraph: null, returnFocus: citeEdition });
        return;
      }
      const drawer = target.closest("#reader-contents");
      if (drawer && target.closest("a")) (drawer as HTMLDialogElement).close();
      if (!element.contains(target)) return;
      const number = target.closest<HTMLAnchorElement>(".pnum");
      if (number && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        const para = number.parentElement!;
        const [language, ordinal] = para.id.split("-") as [string, string];
        const box = number.getBoundingClientRect();
        setMenu({ language, number: Number(ordinal), trigger: number, top: box.bottom + window.scrollY + 4, left: box.left + window.scrollX });
        return;
      }
    };

    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || document.querySelector("dialog[open]")) return;
      const { layout: current, order: currentOrder } = state.current;
      if (event.key === "j" || event.key === "k") {
        // The reading line is where a unit scrolled into view stands (its scroll margin, below the toolbar);
        // the current unit is the one that crosses it, and j and k step from there.
        const units = [...element.querySelectorAll<HTMLElement>(".unit")];
        if (units.length === 0) return;
        const line = parseFloat(getComputedStyle(units[0]!).scrollMarginTop) || 0;
        // A unit reached by j or k keeps focus, so presses in quick succession step on from it while it scrolls into place.
        const focused = units.indexOf(document.activeElement as HTMLElement);
        const here = focused >= 0 ? focused : units.findIndex((unit) => unit.getBoundingClientRect().bottom > line + 1);
        const top = focused >= 0 ? line : here < 0 ? 0 : units[here]!.getBoundingClientRect().top;
        const next = here < 0 ? undefined : units[event.key === "j" ? (top > line + 2 ? here : here + 1) : top < line - 2 ? here : here - 1];
        if (!next) return;
        event.preventDefault();
        const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        next.tabIndex = -1;
        next.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
        // Estimated sizes of units not yet shown can leave it short of the mark: it is set right once scrolling ends.
        window.addEventListener("scrollend", () => next.scrollIntoView({ block: "start" }), { once: true });
        next.focus({ preventScroll: true });
        window.history.replaceState(window.history.state, "", `#${next.id}`);
      } else if (event.key === "l") {
        chooseRef.current(nextLayout(current), currentOrder);
      } else if (event.key === "s") {
        chooseRef.current(current, [...currentOrder.slice(1), currentOrder[0]!]);
      } else if (event.key === "?") {
        event.preventDefault();
        setDialog({ name: "shortcuts", returnFocus: document.activeElement as HTMLElement | null });
      }
    };

    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      counterparts();
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
    // The payload and the text it indexes do not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payload]);

  // Sentences and glossary terms come after the text: the page is readable before they arrive, and they never weigh on it.
  useEffect(() => {
    const load = () =>
      fetch(`/${locale}/works/${slug}/annotations`)
        .then((response) => (response.ok ? (response.json() as Promise<TextAnnotations>) : null))
        .then((result) => result && startTransition(() => setAnnotations(result)))
        .catch(() => undefined);
    if (typeof requestIdleCallback !== "function") {
      const timer = window.setTimeout(load, 200);
      return () => window.clearTimeout(timer);
    }
    const idle = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [locale, slug]);

  // The printed page cites both editions: their references are fetched while the browser is idle (citeproc runs on the
  // server, not in the page's request), so that printing, even offline, needs nothing more.
  useEffect(() => {
    if (annotations === NO_ANNOTATIONS) return;
    let live = true;
    for (const language of payload.editions) {
      fetch(`/${locale}/works/${slug}/cite?edition=${encodeURIComponent(language)}`)
        .then((response) => (response.ok ? (response.json() as Promise<{ citations: FormattedCitation[] }>) : null))
        .then((result) => {
          const reference = result?.citations.find((citation) => citation.style === print.style)?.reference;
          if (live && reference) setPrinted((current) => ({ ...current, [language]: reference }));
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [annotations, locale, slug, payload.editions, print.style]);

  useEffect(() => {
    if (annotations === NO_ANNOTATIONS || revealed >= groups.length) return;
    const timer = window.setTimeout(() => startTransition(() => setRevealed((count) => count + 1)), 0);
    return () => window.clearTimeout(timer);
  }, [annotations, revealed, groups.length]);

  // Units far from the screen are not laid out (content-visibility) and stand at an estimated size, so a jump to
  // an anchor lands only approximately: once the units around the target are shown, it is scrolled there again.
  useEffect(() => {
    const settle = () => {
      const target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (!target || !root.current?.contains(target)) return;
      let frames = 0;
      const step = () => {
        target.scrollIntoView({ block: "start" });
        if (++frames < 4) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    };
    settle();
    window.addEventListener("hashchange", settle);
    return () => window.removeEventListener("hashchange", settle);
  }, []);

  // Reading progress and the current section in the table of contents.
  useEffect(() => {
    const units = root.current!.querySelector<HTMLElement>(".units")!;
    const entries = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#u']")];
    const targets = [...new Set(entries.map((link) => link.hash.slice(1)))].map((id) => document.getElementById(id)).filter((target): target is HTMLElement => target !== null);
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = units.getBoundingClientRect();
      const read = Math.min(1, Math.max(0, (window.innerHeight - box.top) / box.height));
      if (progress.current) progress.current.style.transform = `scaleX(${read})`;
      const current = targets.filter((target) => target.getBoundingClientRect().top < window.innerHeight * 0.3).at(-1)?.id;
      for (const link of entries) {
        if (link.hash === `#${current}`) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, []);

  // Offline: the service worker keeps this page, what it loaded, its annotations, and the glossary entries its terms open.
  const worker = useRef<Promise<ServiceWorker | null> | null>(null);
  const keepOffline = (urls: string[]) =>
    void worker.current?.then((active) => active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls.filter((url) => url.startsWith(window.location.origin)) } }));
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    worker.current = navigator.serviceWorker
      .register("/serwist/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active)
      .catch(() => null);
    const origin = window.location.origin;
    keepOffline([window.location.href.split("#")[0]!, `${origin}/${locale}/works/${slug}/annotations`, ...performance.getEntriesByType("resource").map((entry) => entry.name)]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, slug]);
  useEffect(() => {
    const entries = glossaryEntriesOf(annotations);
    // No worker (in development, or where the browser offers none): nothing to keep, and maybe no caches to look in.
    if (entries.size === 0 || !worker.current) return;
    const origin = window.location.origin;
    const cards = [...entries].map((entry) => `${origin}${glossaryPaths.card(locale, slug, entry)}`);
    // Only the cards not kept yet: a work has a hundred or more, each a request to the server on every visit
    // otherwise. A card opened while online is fetched afresh anyway (the worker's NetworkFirst).
    void Promise.all(cards.map(async (card) => ((await caches.match(card, { ignoreVary: true })) ? [] : [card]))).then((missing) =>
      keepOffline([`${origin}${glossaryPaths.list(locale)}`, ...missing.flat()]),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annotations, locale, slug]);

  const effective: Layout | null = layout ?? (wide === null ? null : wide ? "parallel" : "interleaved");
  const menuLanguage = menu ? (labels.languages[menu.language] ?? menu.language) : "";

  return (
    <div ref={root} className="rd" data-layout={layout ?? "auto"} style={{ "--editions": payload.editions.length } as CSSProperties}>
      <div className="bar" role="toolbar" aria-label={labels.toolbar}>
        <button type="button" className="tool toc-open" onClick={openContents}>
          <Icon path={ICONS.contents} />
          <span>{labels.contents}</span>
        </button>
        <div role="group" aria-label={labels.layoutGroup} className="segmented">
          {(["parallel", "interleaved", "single"] as const).map((choice) => (
            <button key={choice} type="button" className="tool" aria-pressed={effective === null ? undefined : effective === choice} data-layout-choice={choice} onClick={() => choose(choice, order)}>
              <Icon path={ICONS[choice]} />
              <span>{labels.layouts[choice]}</span>
            </button>
          ))}
        </div>
        <button type="button" className="tool" aria-label={labels.swap} title={labels.swap} onClick={() => choose(layout, [...order.slice(1), order[0]!])}>
          <Icon path={ICONS.swap} />
          <span aria-hidden="true">{order.map((language) => language.toUpperCase()).join(" · ")}</span>
        </button>
        <button type="button" className="tool" onClick={(event) => setDialog({ name: "settings", returnFocus: event.currentTarget })}>
          <Icon path={ICONS.settings} />
          <span>{labels.settings}</span>
        </button>
        <button type="button" className="tool key" aria-label={labels.shortcuts} title={labels.shortcuts} onClick={(event) => setDialog({ name: "shortcuts", returnFocus: event.currentTarget })}>
          ?
        </button>
        <span className="progress" aria-hidden="true">
          <span ref={progress} />
        </span>
      </div>

      <div className="heads">
        {order.map((language) => {
          const column = columns.find((candidate) => candidate.language === language)!;
          return (
            <div key={language} className="head" data-edition={language}>
              <p className="head-name">{column.name}</p>
              {column.notice && (
                <p role="note" className="notice">
                  {column.notice}
                </p>
              )}
            </div>
          );
        })}
      </div>

      <div className="units">
        {groups.map((units, index) => (
          <UnitGroup
            key={units[0]![0]}
            locale={locale}
            slug={slug}
            units={units}
            editions={payload.editions}
            order={order}
            annotations={index < revealed ? annotations : NO_ANNOTATIONS}
            showTerms={showTerms}
            labels={labels}
          />
        ))}
      </div>

      {menu && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={fill(labels.paragraphMenu, { number: menu.number, language: menuLanguage })}
          className="menu"
          style={{ top: menu.top, left: menu.left }}
          onKeyDown={(event) => {
            const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
            const at = items.indexOf(document.activeElement as HTMLButtonElement);
            if (event.key === "Escape") closeMenu(true);
            else if (event.key === "Tab") closeMenu(false);
            else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]!.focus();
            }
          }}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node)) setMenu(null);
          }}
        >
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              void copyLink(`${menu.language}-${menu.number}`);
              closeMenu(true);
            }}
          >
            {labels.copyLink}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setCite({ language: menu.language, paragraph: menu.number, returnFocus: menu.trigger });
              setMenu(null);
            }}
          >
            {labels.citeParagraph}
          </button>
        </div>
      )}

      {cite && (
        <Suspense fallback={null}>
          <CiteDialog
            target={cite}
            endpoint={`/${locale}/works/${slug}/cite`}
            permalink={cite.paragraph === null ? null : paragraphUrl(`${cite.language}-${cite.paragraph}`)}
            language={labels.languages[cite.language] ?? cite.language}
            labels={labels.cite}
            locale={locale}
            onClose={closeCite}
          />
        </Suspense>
      )}

      {dialog && (
        <Suspense fallback={null}>
          {dialog.name === "settings" ? (
            <SettingsDialog labels={labels.settingsDialog} close={labels.close} preferences={preferences} onChange={applySettings} returnFocus={dialog.returnFocus} onClose={closeDialog} />
          ) : (
            <ShortcutsDialog labels={labels.shortcutsDialog} close={labels.close} returnFocus={dialog.returnFocus} onClose={closeDialog} />
          )}
        </Suspense>
      )}

      <footer className="print-only print-cite">
        <p>
          <strong>{print.heading}</strong>
        </p>
        {order.map((language) =>
          printed[language] ? (
            // citeproc's HTML: the data's markup is escaped, only its own formatting elements remain (tests/unit/citation).
            <div key={language} lang={language} dangerouslySetInnerHTML={{ __html: printed[language] }} />
          ) : null,
        )}
        <p>{fill(print.source, { url: address })}</p>
      </footer>

      <p role="status" className="toast" data-shown={status ? "" : undefined}>
        {status}
      </p>
    </div>
  );
}
