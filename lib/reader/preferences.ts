/**
 * The reader's choices (layout, which edition leads, type size, theme, …),
 * kept in one cookie so that the server renders the chosen view with no
 * flash, and the part that describes the view (layout, lead) also readable
 * from the URL so that a shared link opens the same view.
 */

export const LAYOUTS = ["parallel", "interleaved", "single"] as const;
export type Layout = (typeof LAYOUTS)[number];

export const THEMES = ["light", "sepia", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Steps of the type size and of the line height; the middle step is the default. */
export const TEXT_SIZES = [1, 2, 3, 4] as const;
export const LINE_HEIGHTS = [1, 2, 3] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type LineHeight = (typeof LINE_HEIGHTS)[number];

/** Marks in the text the reader may hide. */
export const HIDEABLE_MARKS = ["numbers", "pages", "terms"] as const;
export type HideableMark = (typeof HIDEABLE_MARKS)[number];

export const PREFERENCES_COOKIE = "reader";
/** A year: the choice should outlive a browser restart, not be forever. */
export const PREFERENCES_MAX_AGE = 60 * 60 * 24 * 365;

export interface ReaderPreferences {
  /** null until the reader chooses: the page then follows the screen width (side by side when wide, interleaved when narrow). */
  layout: Layout | null;
  /** Language of the edition shown first (left, or on top, or alone); null for the work's own order. */
  lead: string | null;
  /** null follows the system setting. */
  theme: Theme | null;
  size: TextSize;
  lineHeight: LineHeight;
  hidden: HideableMark[];
}

export const DEFAULT_PREFERENCES: ReaderPreferences = { layout: null, lead: null, theme: null, size: 2, lineHeight: 2, hidden: [] };

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function oneOf<T extends string | number>(values: readonly T[], raw: string | null | undefined, parse: (raw: string) => unknown = (value) => value): T | null {
  if (raw == null) return null;
  const value = parse(raw);
  return (values as readonly unknown[]).includes(value) ? (value as T) : null;
}

/**
 * Reads preferences from a cookie value. Anything unknown or malformed falls
 * back to its default, field by field: a stale or tampered cookie never breaks
 * the page.
 */
export function parsePreferences(cookie: string | null | undefined): ReaderPreferences {
  if (!cookie) return { ...DEFAULT_PREFERENCES, hidden: [] };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(decodeURIComponent(cookie));
  } catch {
    return { ...DEFAULT_PREFERENCES, hidden: [] };
  }
  const lead = params.get("lead");
  const hidden = (params.get("hide") ?? "").split(/[\s.,]+/).filter((mark): mark is HideableMark => (HIDEABLE_MARKS as readonly string[]).includes(mark));
  return {
    layout: oneOf(LAYOUTS, params.get("layout")),
    lead: lead && LANGUAGE_TAG.test(lead) ? lead : null,
    theme: oneOf(THEMES, params.get("theme")),
    size: oneOf(TEXT_SIZES, params.get("size"), Number) ?? DEFAULT_PREFERENCES.size,
    lineHeight: oneOf(LINE_HEIGHTS, params.get("leading"), Number) ?? DEFAULT_PREFERENCES.lineHeight,
    hidden: [...new Set(hidden)],
  };
}

/** The cookie value for preferences: only what differs from the defaults, URL-encoded. */
export function serializePreferences(preferences: ReaderPreferences): string {
  const params = new URLSearchParams();
  if (preferences.layout) params.set("layout", preferences.layout);
  if (preferences.lead) params.set("lead", preferences.lead);
  if (preferences.theme) params.set("theme", preferences.theme);
  if (preferences.size !== DEFAULT_PREFERENCES.size) params.set("size", String(preferences.size));
  if (preferences.lineHeight !== DEFAULT_PREFERENCES.lineHeight) params.set("leading", String(preferences.lineHeight));
  if (preferences.hidden.length > 0) params.set("hide", [...preferences.hidden].sort().join("."));
  return encodeURIComponent(params.toString());
}

export interface ReaderView {
  layout: Layout | null;
  /** Languages of the editions in display order: the lead first. */
  order: string[];
}

/** The view of one work for a chosen layout and lead (requestedView); a lead that is not one of its editions is ignored. */
export function resolveView(editions: readonly string[], choice: ViewChoice): ReaderView {
  return { layout: choice.layout, order: leadFirst(editions, choice.lead) };
}

/** The editions with `lead` moved to the front, or as they are when `lead` is not among them. */
export function leadFirst(editions: readonly string[], lead: string | null | undefined): string[] {
  return lead && editions.includes(lead) ? [lead, ...editions.filter((language) => language !== lead)] : [...editions];
}

/** The next layout for the "l" shortcut. With no choice yet, the cycle starts from what a wide screen shows. */
export function nextLayout(layout: Layout | null): Layout {
  return LAYOUTS[(LAYOUTS.indexOf(layout ?? "parallel") + 1) % LAYOUTS.length]!;
}

/** The query string (with "?", or "") that makes a link open this view; the work's default view needs none. */
export function viewQuery(view: { layout: Layout | null; lead: string | null }, defaultLead: string | undefined): string {
  const params = new URLSearchParams();
  if (view.layout) params.set("layout", view.layout);
  if (view.lead && view.lead !== defaultLead) params.set("lead", view.lead);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The part of the preferences that changes the reader's markup: the layout and the lead edition. */
export type ViewChoice = Pick<ReaderPreferences, "layout" | "lead">;

/**
 * The view a request asks for: `?layout=…&lead=…` wins over the cookie, field
 * by field (a shared link opens the same view). Read by the proxy, which sends
 * the request to the cached page of that view.
 */
export function requestedView(search: URLSearchParams, cookie: string | null | undefined): ViewChoice {
  const preferences = parsePreferences(cookie);
  const lead = search.get("lead");
  return {
    layout: oneOf(LAYOUTS, search.get("layout")) ?? preferences.layout,
    lead: lead && LANGUAGE_TAG.test(lead) ? lead : preferences.lead,
  };
}

/** "Not chosen" in a view segment: the layout follows the screen, or the work's own order leads. */
const UNCHOSEN = "auto";

/**
 * A view as one path segment ("interleaved.ru", "auto.ru", "single.auto"), so
 * that each view of a page is cached on its own; null for the default view,
 * which is the page's own address.
 */
export function viewSegment(view: ViewChoice): string | null {
  if (!view.layout && !view.lead) return null;
  return `${view.layout ?? UNCHOSEN}.${view.lead ?? UNCHOSEN}`;
}

/** The view a segment names, or null when it names none. */
export function parseViewSegment(segment: string): ViewChoice | null {
  const [layout, lead, ...rest] = segment.split(".");
  if (rest.length > 0 || !layout || !lead) return null;
  const chosenLayout = layout === UNCHOSEN ? null : oneOf(LAYOUTS, layout);
  if (layout !== UNCHOSEN && !chosenLayout) return null;
  if (lead !== UNCHOSEN && !LANGUAGE_TAG.test(lead)) return null;
  const view = { layout: chosenLayout, lead: lead === UNCHOSEN ? null : lead };
  return viewSegment(view) === segment ? view : null;
}

/**
 * A script for the top of the page that puts the reading settings of the
 * cookie on <html> before the first paint, so that pages can be cached for
 * everyone and still open in each reader's theme and type size. It accepts
 * exactly what parsePreferences accepts (tests/unit/reader/preferences.test.ts).
 */
export function settingsScript(): string {
  const allowed = { theme: THEMES, size: TEXT_SIZES.map(String), leading: LINE_HEIGHTS.map(String), hide: HIDEABLE_MARKS };
  return `(function(){try{var c=document.cookie.match(/(?:^|; )${PREFERENCES_COOKIE}=([^;]*)/);if(!c)return;var p=new URLSearchParams(decodeURIComponent(c[1])),a=${JSON.stringify(allowed)},d=document.documentElement.dataset;["theme","size","leading"].forEach(function(k){var v=p.get(k);if(a[k].indexOf(v)>=0)d[k]=v});var h=(p.get("hide")||"").split(/[\\s.,]+/).filter(function(m,i,l){return a.hide.indexOf(m)>=0&&l.indexOf(m)===i});if(h.length)d.hide=h.join(" ")}catch(e){}})()`;
}
