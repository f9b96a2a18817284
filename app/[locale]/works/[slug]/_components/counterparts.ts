import type { TextPayload } from "@/lib/reader/text-payload";

/**
 * Counterparts of what the reader is on. Paragraphs: the other editions'
 * paragraphs of the unit under the mouse, holding the focus, or pinned by a
 * tap get the class "lit". Sentences: the sentence under the pointer (or
 * around the focused link or term) and the sentences of the other editions
 * with the same bead are painted with the CSS Custom Highlight API, so no
 * element is added to the text. Terms: a glossary term under the pointer or
 * focus marks the same entry in the other editions' paragraphs of its unit.
 */

interface Located {
  /** The paragraph's anchor, "en-12". */
  id: string;
  language: string;
  unit: number;
}

export interface ReaderIndex {
  paragraphs: Map<string, Located>;
  units: Map<number, Located[]>;
}

export function readerIndex(payload: TextPayload): ReaderIndex {
  const paragraphs = new Map<string, Located>();
  const units = new Map<number, Located[]>();
  for (const [unit, editions] of payload.units) {
    const located = editions.flatMap((list, index) => list.map((paragraph) => ({ id: `${payload.editions[index]}-${paragraph.n}`, language: payload.editions[index]!, unit })));
    units.set(unit, located);
    for (const entry of located) paragraphs.set(entry.id, entry);
  }
  return { paragraphs, units };
}

/** The text nodes of a paragraph's text element, in order (page marks and the number hold none). */
function textNodes(element: Element): Text[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

function offsetOf(element: Element, node: Node, offset: number): number | null {
  let total = 0;
  for (const text of textNodes(element)) {
    if (text === node) return total + offset;
    total += text.length;
  }
  return null;
}

function rangeOf(element: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  let total = 0;
  let started = false;
  for (const text of textNodes(element)) {
    if (!started && start <= total + text.length) {
      range.setStart(text, start - total);
      started = true;
    }
    if (started && end <= total + text.length) {
      range.setEnd(text, end - total);
      return range;
    }
    total += text.length;
  }
  return null;
}

/** The sentence that holds an offset, as [start, end, bead], from a paragraph's flattened sentences. */
function sentenceAt(sentences: readonly number[], offset: number): [number, number, number] | null {
  for (let i = 0; i < sentences.length; i += 3) {
    if (offset >= sentences[i]! && offset < sentences[i + 1]!) return [sentences[i]!, sentences[i + 1]!, sentences[i + 2]!];
  }
  return null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if ("caretPositionFromPoint" in document) {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = (document as Document).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Attaches the highlighting to the reader's root element; returns the function that detaches it. */
export function highlightCounterparts(root: HTMLElement, index: ReaderIndex, sentencesOf: (id: string) => readonly number[] | undefined): () => void {
  const highlights = typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null;
  let current = "";

  // Paragraphs: the mouse wins over the focus, which wins over a pin.
  const at: { hover: Element | null; focus: Element | null; pin: Element | null } = { hover: null, focus: null, pin: null };
  let lit: Element[] = [];
  const light = () => {
    const para = at.hover ?? at.focus ?? at.pin;
    const cell = para?.closest(".cell");
    const next = para ? [...para.closest(".unit")!.querySelectorAll(":scope > .cell")].filter((other) => other !== cell).flatMap((other) => [...other.querySelectorAll(".para")]) : [];
    for (const element of lit) if (!next.includes(element)) element.classList.remove("lit");
    for (const element of next) element.classList.add("lit");
    lit = next;
  };
  const onTap = (event: MouseEvent) => {
    const target = event.target as Element;
    const para = target.closest(".para");
    // A tap on the text pins its counterparts (a mouse has hover); a link, a term or a selection is left alone.
    if (!para || target.closest("a, [role=button], button") || window.getSelection()?.isCollapsed === false) return;
    at.pin?.classList.remove("on");
    at.pin = at.pin === para ? null : para;
    at.pin?.classList.add("on");
    light();
  };

  const clearSentences = () => {
    if (!current) return;
    current = "";
    highlights?.delete("sentence");
    highlights?.delete("counterpart");
  };

  const showSentence = (para: HTMLElement, offset: number) => {
    const located = index.paragraphs.get(para.id);
    const sentence = located ? sentenceAt(sentencesOf(para.id) ?? [], offset) : null;
    if (!located || !sentence || !highlights) return clearSentences();
    const key = `${para.id}:${sentence[2]}`;
    if (key === current) return;
    current = key;
    const own = rangeOf(para.lastElementChild!, sentence[0], sentence[1]);
    const pairs: Range[] = [];
    for (const other of index.units.get(located.unit) ?? []) {
      if (other.language === located.language) continue;
      const element = document.getElementById(other.id)?.lastElementChild;
      const sentences = sentencesOf(other.id) ?? [];
      for (let i = 0; element && i < sentences.length; i += 3) {
        if (sentences[i + 2] !== sentence[2]) continue;
        const range = rangeOf(element, sentences[i]!, sentences[i + 1]!);
        if (range) pairs.push(range);
      }
    }
    highlights.set("sentence", new Highlight(...(own ? [own] : [])));
    highlights.set("counterpart", new Highlight(...pairs));
  };

  let frame = 0;
  let pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType !== "mouse") return;
    const para = (event.target as Element).closest?.(".para") ?? null;
    if (para !== at.hover) {
      at.hover = para;
      light();
    }
    pointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const text = (pointer?.target as Element | null)?.closest?.(".para > :last-child");
      const caret = text && pointer ? caretAt(pointer.x, pointer.y) : null;
      const offset = caret && text!.contains(caret.node) ? offsetOf(text!, caret.node, caret.offset) : null;
      if (offset === null) clearSentences();
      else showSentence(text!.parentElement!, offset);
    });
  };

  let paired: Element[] = [];
  const unpair = () => {
    for (const element of paired) element.classList.remove("pair");
    paired = [];
  };
  const pair = (term: HTMLElement) => {
    unpair();
    const entry = term.dataset.entry!;
    const cell = term.closest(".cell");
    const unit = term.closest(".unit");
    if (!cell || !unit) return;
    for (const other of unit.querySelectorAll(".cell")) {
      if (other === cell) continue;
      for (const match of other.querySelectorAll(`[data-entry="${CSS.escape(entry)}"]`)) paired.push(match);
    }
    for (const element of paired) element.classList.add("pair");
  };

  const onOver = (event: Event) => {
    const term = (event.target as Element).closest?.<HTMLElement>("[data-entry]");
    if (term) pair(term);
  };
  const onOut = (event: Event) => {
    if ((event.target as Element).closest?.("[data-entry]")) unpair();
  };
  const onFocusIn = (event: FocusEvent) => {
    onOver(event);
    const target = event.target as Element;
    at.focus = target.closest(".para");
    light();
    const text = target.closest(".para > :last-child");
    const first = text && textNodes(target)[0];
    const offset = first ? offsetOf(text!, first, 0) : null;
    if (offset === null) clearSentences();
    else showSentence(text!.parentElement!, offset);
  };
  const onFocusOut = (event: FocusEvent) => {
    onOut(event);
    clearSentences();
    at.focus = null;
    light();
  };
  const onLeave = () => {
    clearSentences();
    at.hover = null;
    light();
  };

  root.addEventListener("click", onTap);
  root.addEventListener("pointermove", onPointerMove);
  root.addEventListener("pointerleave", onLeave);
  root.addEventListener("pointerover", onOver);
  root.addEventListener("pointerout", onOut);
  root.addEventListener("focusin", onFocusIn);
  root.addEventListener("focusout", onFocusOut);
  return () => {
    cancelAnimationFrame(frame);
    unpair();
    clearSentences();
    for (const element of lit) element.classList.remove("lit");
    at.pin?.classList.remove("on");
    root.removeEventListener("click", onTap);
    root.removeEventListener("pointermove", onPointerMove);
    root.removeEventListener("pointerleave", onLeave);
    root.removeEventListener("pointerover", onOver);
    root.removeEventListener("pointerout", onOut);
    root.removeEventListener("focusin", onFocusIn);
    root.removeEventListener("focusout", onFocusOut);
  };
}
