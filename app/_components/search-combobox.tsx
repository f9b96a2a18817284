"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

interface Suggestion {
  query: string;
  kind: "glossary" | "word";
  glossary?: { key: string; forms: { en?: string[]; hepburn?: string; kanji?: string; ru?: string } };
}

interface Labels {
  box: string;
  placeholder: string;
  shortcut: string;
  submit: string;
  suggestions: string;
  glossary: string;
}

const DEBOUNCE_MS = 120;

/** Whether a key press was meant for a field (so that / types a slash there). */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * A search field with suggestions as you type, following the ARIA combobox
 * pattern (a list box popup, arrow keys, Enter, Escape); / focuses it from
 * anywhere on the page. Without JavaScript it is a plain search form.
 */
export function SearchCombobox({ action, labels, countLabels }: { action: string; labels: Labels; countLabels: string[] }) {
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  /** The text the suggestions shown are for: the count is announced only once they have arrived. */
  const [suggestedFor, setSuggestedFor] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // Whatever was typed before the page became interactive is kept.
  useEffect(() => {
    if (input.current?.value) setText(input.current.value);
  }, []);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (text.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/search/suggestions?q=${encodeURIComponent(text)}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { data: Suggestion[] };
        setSuggestions(body.data);
        setSuggestedFor(text);
        setActive(-1);
      } catch {
        // A newer keystroke aborted this request, or the network failed: the box still submits.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const expanded = open && suggestions.length > 0;
  const go = (query: string) => {
    setOpen(false);
    router.push(`${action}?q=${encodeURIComponent(query)}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Past either end the focus returns to the text (-1), as in the ARIA pattern.
      setActive((current) => {
        const next = current + step;
        if (next >= suggestions.length) return -1;
        return next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setText("");
    } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
      event.preventDefault();
      go(suggestions[active]!.query);
    }
  };

  return (
    <form role="search" action={action} method="get" className="relative order-last w-full md:order-none md:w-auto md:max-w-md md:flex-1" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${listId}-input`} className="sr-only">
        {labels.box}
      </label>
      <div className="flex items-center rounded border border-rule bg-paper focus-within:border-accent">
        <input
          ref={input}
          id={`${listId}-input`}
          name="q"
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${listId}-list`}
          aria-activedescendant={expanded && active >= 0 && active < suggestions.length ? `${listId}-option-${active}` : undefined}
          aria-keyshortcuts="/"
          placeholder={labels.placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 bg-transparent px-3 py-1.5 text-sm text-ink outline-none placeholder:text-muted"
        />
        <kbd title={labels.shortcut} aria-hidden="true" className="mr-2 hidden rounded border border-rule px-1.5 font-sans text-xs text-muted sm:inline">
          /
        </kbd>
        <button type="submit" className="rounded-r bg-ink px-3 py-1.5 text-sm text-paper">
          {labels.submit}
        </button>
      </div>
      <ul
        id={`${listId}-list`}
        role="listbox"
        aria-label={labels.suggestions}
        hidden={!expanded}
        className="absolute right-0 left-0 z-40 mt-1 max-h-96 overflow-auto rounded border border-rule bg-panel py-1 text-sm shadow-lg"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.kind} ${suggestion.query} ${suggestion.glossary?.key ?? ""}`}
            id={`${listId}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(suggestion.query)}
            onMouseEnter={() => setActive(index)}
            className="flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 aria-selected:bg-ink aria-selected:text-paper"
          >
            {suggestion.glossary ? (
              <>
                <span>
                  {[suggestion.glossary.forms.en?.[0], suggestion.glossary.forms.kanji, suggestion.glossary.forms.ru].filter(Boolean).join(" · ")}
                </span>
                <span className="text-xs opacity-75">{labels.glossary}</span>
              </>
            ) : (
              <span>{suggestion.query}</span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {open && text.trim().length >= 2 && suggestedFor === text ? countLabels[Math.min(suggestions.length, countLabels.length - 1)] : ""}
      </p>
    </form>
  );
}
