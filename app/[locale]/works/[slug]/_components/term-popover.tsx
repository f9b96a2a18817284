"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { createPortal } from "react-dom";
import type { TermCardData } from "@/lib/glossary/card-data";
import { faceLanguage } from "@/lib/glossary/cards";
import { entryFieldRows, type TextField } from "@/lib/glossary/fields";
import { glossaryPaths } from "@/lib/glossary/paths";
import { fill } from "@/lib/i18n/fill";
import { languageName } from "@/lib/i18n/language-name";
import type { GlossaryCategory, GlossaryEntry } from "@/lib/glossary/schema";

/** Every string the popover shows, translated on the server (no message catalogue in the browser). */
export interface TermPopoverLabels {
  fields: Record<TextField, string>;
  category: Record<GlossaryCategory, string>;
  pos: Record<GlossaryEntry["pos"], string>;
  partOfSpeech: string;
  related: string;
  reference: string;
  /** "{language}, paragraph {number}": where a cited source's reference stands. */
  referenceParagraph: string;
  conventional: string;
  openEntry: string;
  loading: string;
  failed: string;
  close: string;
}

/** The elements the reader renders for glossary terms: any element with the entry's key in data-entry. */
const TERM_SELECTOR = "[data-entry]";
const POPOVER_ID = "term-popover";
const TITLE_ID = "term-popover-title";
const FOCUSABLE = "a[href], button:not([disabled])";

/** Entries fetched in this page, by address: a term opened twice is fetched once. */
const cards = new Map<string, Promise<TermCardData>>();

function loadCard(url: string): Promise<TermCardData> {
  let pending = cards.get(url);
  if (!pending) {
    pending = fetch(url, { headers: { Accept: "application/json" } }).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<TermCardData>;
    });
    // A failure (offline, not yet cached) is tried again the next time the term is opened.
    pending.catch(() => cards.delete(url));
    cards.set(url, pending);
  }
  return pending;
}

/** Preview: opened by keyboard focus, focus stays on the term. Active: opened by click, tap, Enter or Space, focus moves into the popover. */
type Mode = "preview" | "active";

interface OpenTerm {
  term: HTMLElement;
  key: string;
  mode: Mode;
}

type Placement = { sheet: true } | { sheet: false; top: number; left: number; maxHeight: number };

/**
 * The glossary popover of the reader. It listens on the document for the
 * terms the reader renders (elements with data-entry inside `scope`), so the
 * text itself needs no client code: clicking, tapping or pressing Enter on a
 * term opens the popover and moves focus into it; focusing a term with the
 * keyboard opens it as a preview; Escape closes it and returns focus to the
 * term, whose aria-expanded follows. The entry is fetched when first opened,
 * from a plain GET address that the service worker can keep offline.
 */
export function TermPopover({ workSlug, locale, labels, scope = "main" }: { workSlug: string; locale: string; labels: TermPopoverLabels; scope?: string }) {
  const [open, setOpen] = useState<OpenTerm | null>(null);
  const [card, setCard] = useState<{ key: string; data: TermCardData | null; failed: boolean } | null>(null);
  // Measured and corrected before the first paint (useLayoutEffect below).
  const [placement, setPlacement] = useState<Placement>({ sheet: false, top: 0, left: 0, maxHeight: 10_000 });
  const popoverRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<OpenTerm | null>(null);
  openRef.current = open;
  // The term that focus is being returned to, whose focus must not reopen the popover.
  const returningTo = useRef<HTMLElement | null>(null);

  const close = useCallback((returnFocus: boolean) => {
    const current = openRef.current;
    if (!current) return;
    setOpen(null);
    if (returnFocus && document.activeElement !== current.term) {
      returningTo.current = current.term;
      current.term.focus();
    }
  }, []);

  useEffect(() => {
    const termOf = (target: EventTarget | null): HTMLElement | null => {
      if (!(target instanceof Element)) return null;
      const term = target.closest<HTMLElement>(TERM_SELECTOR);
      return term && term.dataset.entry && term.closest(scope) && !popoverRef.current?.contains(term) ? term : null;
    };
    const onClick = (event: MouseEvent) => {
      const term = termOf(event.target);
      if (!term) return;
      event.preventDefault();
      const current = openRef.current;
      if (current?.term === term && current.mode === "active") close(false);
      else setOpen({ term, key: term.dataset.entry!, mode: "active" });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const term = termOf(event.target);
      // A term that is not a <button> is activated by Enter and Space as a button would be.
      if (term && term.tagName !== "BUTTON" && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        term.click();
        return;
      }
      if (event.key === "Escape" && openRef.current) {
        event.preventDefault();
        close(true);
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && popoverRef.current?.contains(event.target)) return;
      const term = termOf(event.target);
      if (term && returningTo.current === term) {
        returningTo.current = null;
        return;
      }
      // A click focuses the term too, but the click itself opens it.
      if (term && term.matches(":focus-visible")) {
        if (openRef.current?.term !== term) setOpen({ term, key: term.dataset.entry!, mode: "preview" });
        return;
      }
      if (openRef.current && openRef.current.term !== term) setOpen(null);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!openRef.current || !(event.target instanceof Node)) return;
      if (popoverRef.current?.contains(event.target) || termOf(event.target)) return;
      setOpen(null);
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [close, scope]);

  // The term says whether its popover is open, and which element that is.
  useEffect(() => {
    if (!open) return;
    const { term } = open;
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-controls", POPOVER_ID);
    return () => {
      term.setAttribute("aria-expanded", "false");
      term.removeAttribute("aria-controls");
    };
  }, [open]);

  const key = open?.key;
  useEffect(() => {
    if (!key) return;
    let current = true;
    setCard((previous) => (previous?.key === key ? previous : { key, data: null, failed: false }));
    loadCard(glossaryPaths.card(locale, workSlug, key)).then(
      (data) => current && setCard({ key, data, failed: false }),
      () => current && setCard({ key, data: null, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [key, locale, workSlug]);

  useEffect(() => {
    // The popover is placed by now, but focusing must not scroll the reading position either way.
    if (open?.mode === "active") popoverRef.current?.focus({ preventScroll: true });
  }, [open]);

  // Below the term, or above it when there is more room there, never past the window's edge; a sheet along the bottom on a narrow screen.
  const place = useCallback(() => {
    const current = openRef.current;
    const popover = popoverRef.current;
    if (!current || !popover) return;
    const rect = current.term.getBoundingClientRect();
    if (window.matchMedia("(width < 48rem)").matches) {
      setPlacement({ sheet: true });
      // Keep the term in sight above the sheet.
      const sheetTop = window.innerHeight - popover.offsetHeight;
      if (rect.bottom > sheetTop - 8) window.scrollBy(0, rect.bottom - sheetTop + 16);
      return;
    }
    const gap = 8;
    const width = popover.offsetWidth;
    // The content's full height, whatever height the popover was given last time.
    const height = popover.scrollHeight + (popover.offsetHeight - popover.clientHeight);
    const below = window.innerHeight - rect.bottom - 2 * gap;
    const aboveRoom = rect.top - 2 * gap;
    const above = height > below && aboveRoom > below;
    const maxHeight = Math.max(Math.min(height, above ? aboveRoom : below), 120);
    const left = Math.min(Math.max(rect.left, gap), window.innerWidth - width - gap) + window.scrollX;
    const top = (above ? rect.top - gap - maxHeight : rect.bottom + gap) + window.scrollY;
    setPlacement((previous) =>
      !previous.sheet && previous.top === top && previous.left === left && previous.maxHeight === maxHeight ? previous : { sheet: false, top, left, maxHeight },
    );
  }, []);

  useLayoutEffect(place, [open, card, place]);
  useEffect(() => {
    if (!open) return;
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [open, place]);

  /** Tab past either end of the popover goes back to the term, closing it, so that reading resumes where it stopped. */
  const keepFocusInReading = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const popover = popoverRef.current;
    if (event.key !== "Tab" || !popover) return;
    const focusable = [...popover.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const active = document.activeElement;
    const leaving = event.shiftKey ? active === popover || active === focusable[0] : active === focusable[focusable.length - 1];
    if (leaving) {
      event.preventDefault();
      close(true);
    }
  };

  if (!open) return null;
  const data = card?.key === open.key ? card.data : null;
  const failed = card?.key === open.key && card.failed;
  const entryHref = glossaryPaths.entry(locale, open.key);

  return createPortal(
    <div
      id={POPOVER_ID}
      ref={popoverRef}
      role="dialog"
      aria-modal="false"
      aria-labelledby={TITLE_ID}
      tabIndex={-1}
      onKeyDown={keepFocusInReading}
      data-mode={open.mode}
      style={placement.sheet ? undefined : { top: placement.top, left: placement.left, maxHeight: placement.maxHeight }}
      className={`z-40 overflow-y-auto border border-rule bg-paper p-4 text-ink shadow-xl outline-none focus-visible:ring-2 focus-visible:ring-accent ${
        placement.sheet ? "fixed inset-x-0 bottom-0 max-h-[70dvh] rounded-t-xl" : "absolute w-[26rem] max-w-[calc(100vw-1rem)] rounded-lg"
      }`}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={TITLE_ID} className="font-serif text-xl font-semibold">
          {data ? <span lang={headwordLanguage(data)}>{data.headword}</span> : <span lang={open.term.lang || undefined}>{open.term.textContent}</span>}
        </h2>
        <button type="button" onClick={() => close(true)} aria-label={labels.close} className="-mt-1 -mr-1 rounded px-2 py-1 text-lg leading-none text-muted hover:bg-panel hover:text-ink">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {data ? (
        <CardBody data={data} labels={labels} locale={locale} />
      ) : failed ? (
        <p role="alert" className="mt-2 text-sm">
          {labels.failed}
        </p>
      ) : (
        <p aria-live="polite" className="mt-2 text-sm text-muted">
          {labels.loading}
        </p>
      )}
      <p className="mt-3 border-t border-rule pt-2 text-sm">
        <a href={entryHref} className="underline">
          {labels.openEntry}
        </a>
      </p>
    </div>,
    document.body,
  );
}

function headwordLanguage(data: TermCardData): string {
  return data.headword === data.entry.hepburn ? "ja-Latn" : faceLanguage(data.entry, "en");
}

function CardBody({ data, labels, locale }: { data: TermCardData; labels: TermPopoverLabels; locale: string }) {
  const { entry } = data;
  return (
    <>
      <p className="mt-1 text-xs text-muted">
        {labels.category[data.category]}
      </p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        {entryFieldRows(entry, data.polivanovRunning).map((row) => (
          <div key={row.field} className="contents" data-field={row.field}>
            <dt className="text-muted">{labels.fields[row.field]}</dt>
            <dd className={row.field.startsWith("gloss") || row.field.startsWith("context") || row.field === "absentReason" ? "" : "font-serif text-base"}>
              {row.values.map((value, index) => (
                <span key={value}>
                  {index > 0 && <span aria-hidden="true"> · </span>}
                  <span lang={row.lang}>{value}</span>
                </span>
              ))}
              {row.field === "ru" && entry.conventional && <span className="ml-1 font-sans text-xs text-muted">({labels.conventional})</span>}
            </dd>
          </div>
        ))}
        <div className="contents" data-field="pos">
          <dt className="text-muted">{labels.partOfSpeech}</dt>
          <dd>{labels.pos[entry.pos]}</dd>
        </div>
        {data.references.length > 0 && (
          <div className="contents" data-field="reference">
            <dt className="text-muted">{labels.reference}</dt>
            <dd className="flex flex-wrap gap-x-2">
              {data.references.map((reference) => (
                <a key={reference.href} href={reference.href} className="underline">
                  {fill(labels.referenceParagraph, { language: languageName(reference.language, locale), number: reference.paragraph })}
                </a>
              ))}
            </dd>
          </div>
        )}
        {data.related.length > 0 && (
          <div className="contents" data-field="related">
            <dt className="text-muted">{labels.related}</dt>
            <dd>
              <ul className="flex flex-wrap gap-x-3">
                {data.related.map((related) => (
                  <li key={related.key}>
                    <a href={related.href} lang={related.lang} className="underline">
                      {related.headword}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}
