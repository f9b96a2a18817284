"use client";

import { useRef, type ChangeEvent } from "react";
import { matchesQuery } from "@/lib/glossary/filter";

interface Props {
  id: string;
  name: string;
  defaultValue: string;
  placeholder: string;
  describedBy: string;
  /** The list whose items ([data-glossary-item] with a folded data-filter) are shown or hidden. */
  listId: string;
  /** Where the number of entries shown is written. */
  countId: string;
  countForms: Partial<Record<Intl.LDMLPluralRule, string>>;
  zeroCount: string;
  locale: string;
}

/**
 * The filter box. Without JavaScript it is a field of a GET form that the
 * server filters by; with JavaScript it filters the list as one types and
 * keeps the address in step, so that the filtered list can be bookmarked.
 */
export function FilterInput({ id, name, defaultValue, placeholder, describedBy, listId, countId, countForms, zeroCount, locale }: Props) {
  const rules = useRef<Intl.PluralRules | null>(null);

  const filter = (event: ChangeEvent<HTMLInputElement>) => {
    const query = event.currentTarget.value;
    const list = document.getElementById(listId);
    if (!list) return;
    let shown = 0;
    for (const item of list.querySelectorAll<HTMLElement>("[data-glossary-item]")) {
      const visible = matchesQuery(item.dataset.filter ?? "", query);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    // A group (a category, a work) with nothing left in it is hidden with its heading.
    for (const group of list.querySelectorAll<HTMLElement>("[data-glossary-group]")) {
      group.hidden = group.querySelector("[data-glossary-item]:not([hidden])") === null;
    }
    const count = document.getElementById(countId);
    if (count) {
      rules.current ??= new Intl.PluralRules(locale);
      const form = countForms[rules.current.select(shown)] ?? countForms.other ?? "#";
      count.textContent = shown === 0 ? zeroCount : form.replace("#", new Intl.NumberFormat(locale).format(shown));
    }
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set(name, query);
    else url.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", url);
  };

  return (
    <input
      id={id}
      name={name}
      type="search"
      defaultValue={defaultValue}
      placeholder={placeholder}
      aria-describedby={describedBy}
      autoComplete="off"
      spellCheck={false}
      onChange={filter}
      className="w-full min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-2 text-base text-ink"
    />
  );
}
