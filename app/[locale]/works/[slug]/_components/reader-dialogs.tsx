"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { LINE_HEIGHTS, TEXT_SIZES, THEMES, type HideableMark, type ReaderPreferences } from "@/lib/reader/preferences";

export interface SettingsLabels {
  title: string;
  textSize: string;
  sizes: string[];
  lineHeight: string;
  leadings: string[];
  theme: string;
  themes: Record<"system" | (typeof THEMES)[number], string>;
  show: string;
  marks: Record<HideableMark, string>;
  note: string;
  done: string;
}

export interface ShortcutsLabels {
  title: string;
  actions: Record<(typeof SHORTCUTS)[number][1], string>;
}

/** Keys and what they do; the key caps are the same in every language. */
export const SHORTCUTS = [
  ["j", "next"],
  ["k", "previous"],
  ["l", "layout"],
  ["s", "swap"],
  ["?", "help"],
  ["Esc", "escape"],
] as const;

/** A native modal dialog: it keeps focus inside, closes on Escape, and gives focus back to `returnFocus`. */
function Modal({ id, title, close, returnFocus, onClose, children }: { id: string; title: string; close: string; returnFocus: HTMLElement | null; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    const closed = () => {
      returnFocus?.focus();
      onClose();
    };
    element.addEventListener("close", closed);
    return () => element.removeEventListener("close", closed);
  }, [returnFocus, onClose]);
  return (
    <dialog ref={dialog} id={id} className="dialog" aria-labelledby={`${id}-heading`}>
      <div className="dialog-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        <form method="dialog">
          <button className="close" aria-label={close}>
            ×
          </button>
        </form>
      </div>
      {children}
    </dialog>
  );
}

/** The reading settings; every change applies at once (the reader keeps it in the preferences cookie). */
export function SettingsDialog({
  labels,
  close,
  preferences,
  onChange,
  returnFocus,
  onClose,
}: {
  labels: SettingsLabels;
  close: string;
  preferences: ReaderPreferences;
  onChange: (next: ReaderPreferences) => void;
  returnFocus: HTMLElement | null;
  onClose: () => void;
}) {
  const toggle = (mark: HideableMark, shown: boolean) =>
    onChange({ ...preferences, hidden: shown ? preferences.hidden.filter((hidden) => hidden !== mark) : [...preferences.hidden, mark] });
  return (
    <Modal id="reader-settings" title={labels.title} close={close} returnFocus={returnFocus} onClose={onClose}>
      <form method="dialog">
        <fieldset className="choices">
          <legend>{labels.textSize}</legend>
          {TEXT_SIZES.map((size, index) => (
            <label key={size}>
              <input type="radio" name="size" checked={preferences.size === size} onChange={() => onChange({ ...preferences, size })} />
              {labels.sizes[index]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{labels.lineHeight}</legend>
          {LINE_HEIGHTS.map((lineHeight, index) => (
            <label key={lineHeight}>
              <input type="radio" name="leading" checked={preferences.lineHeight === lineHeight} onChange={() => onChange({ ...preferences, lineHeight })} />
              {labels.leadings[index]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{labels.theme}</legend>
          {([null, ...THEMES] as const).map((theme) => (
            <label key={theme ?? "system"}>
              <input type="radio" name="theme" checked={preferences.theme === theme} onChange={() => onChange({ ...preferences, theme })} />
              {labels.themes[theme ?? "system"]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{labels.show}</legend>
          {(Object.keys(labels.marks) as HideableMark[]).map((mark) => (
            <label key={mark}>
              <input type="checkbox" name={mark} checked={!preferences.hidden.includes(mark)} onChange={(event) => toggle(mark, event.target.checked)} />
              {labels.marks[mark]}
            </label>
          ))}
        </fieldset>
        <p className="muted small">{labels.note}</p>
        <div className="dialog-actions">
          <button className="button">{labels.done}</button>
        </div>
      </form>
    </Modal>
  );
}

export function ShortcutsDialog({ labels, close, returnFocus, onClose }: { labels: ShortcutsLabels; close: string; returnFocus: HTMLElement | null; onClose: () => void }) {
  return (
    <Modal id="reader-shortcuts" title={labels.title} close={close} returnFocus={returnFocus} onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{labels.actions[action]}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
