"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type { ExportFormat, FormattedCitation } from "@/lib/citation/format";
import type { Pinpoint } from "@/lib/citation/pinpoint";
import { fill } from "@/lib/i18n/fill";

export interface CiteTarget {
  language: string;
  /** null cites the whole edition. */
  paragraph: number | null;
  /** Where focus goes back when the dialog closes. */
  returnFocus: HTMLElement;
}

export interface CiteLabels {
  headingParagraph: string;
  headingEdition: string;
  style: string;
  styles: Record<FormattedCitation["style"], string>;
  reference: string;
  inText: string;
  paragraphNumbering: string;
  copy: string;
  copied: string;
  export: string;
  formats: Record<ExportFormat, string>;
  loading: string;
  failed: string;
  close: string;
  /** Per edition language, the notice that the wording shown is the project's translation. */
  notices: Record<string, string>;
}

interface Citations {
  pinpoint: Pinpoint | null;
  citations: FormattedCitation[];
}

/** Copies the text of a formatted citation as the reader sees it. */
function CopyButton({ source, labels }: { source: RefObject<HTMLElement | null>; labels: CiteLabels }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        void navigator.clipboard.writeText(source.current?.textContent?.trim() ?? "").then(() => {
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        });
      }}
    >
      <span aria-live="polite">{copied ? labels.copied : labels.copy}</span>
    </button>
  );
}

/**
 * The citation dialog: the whole edition's reference first, then the in-text
 * citation of the paragraph with its pinpoint, in the chosen style, and the
 * exports. The citations are formatted on the server (citeproc is too heavy
 * for the page) and fetched when the dialog opens.
 */
export default function CiteDialog({
  target,
  endpoint,
  permalink,
  language,
  labels,
  locale,
  onClose,
}: {
  target: CiteTarget;
  endpoint: string;
  permalink: string | null;
  language: string;
  labels: CiteLabels;
  locale: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const reference = useRef<HTMLDivElement>(null);
  const inText = useRef<HTMLDivElement>(null);
  const [data, setData] = useState<Citations | "failed" | null>(null);
  const [style, setStyle] = useState<FormattedCitation["style"]>(locale === "ru" ? "gost" : "apa");
  const query = `edition=${encodeURIComponent(target.language)}${target.paragraph === null ? "" : `&paragraph=${target.paragraph}`}`;

  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    const returnFocus = target.returnFocus;
    const closed = () => {
      returnFocus.focus();
      onClose();
    };
    element.addEventListener("close", closed);
    return () => element.removeEventListener("close", closed);
  }, [target, onClose]);

  useEffect(() => {
    let live = true;
    fetch(`${endpoint}?${query}`)
      .then((response) => (response.ok ? (response.json() as Promise<Citations>) : Promise.reject(new Error(String(response.status)))))
      .then((result) => live && setData(result))
      .catch(() => live && setData("failed"));
    return () => {
      live = false;
    };
  }, [endpoint, query]);

  const chosen = data && data !== "failed" ? data.citations.find((citation) => citation.style === style) : undefined;
  const heading = target.paragraph === null ? fill(labels.headingEdition, { language }) : fill(labels.headingParagraph, { language, number: target.paragraph });
  const notice = labels.notices[target.language];

  return (
    <dialog ref={dialog} className="dialog cite-dialog" aria-labelledby="cite-heading">
      <div className="dialog-head">
        <h2 id="cite-heading">{heading}</h2>
        <form method="dialog">
          <button className="close" aria-label={labels.close}>
            ×
          </button>
        </form>
      </div>
      {notice && (
        <p role="note" className="notice">
          {notice}
        </p>
      )}
      <fieldset className="choices">
        <legend>{labels.style}</legend>
        {(Object.keys(labels.styles) as FormattedCitation["style"][]).map((id) => (
          <label key={id}>
            <input type="radio" name="cite-style" value={id} checked={style === id} onChange={() => setStyle(id)} />
            {labels.styles[id]}
          </label>
        ))}
      </fieldset>
      {data === null && <p className="muted">{labels.loading}</p>}
      {data === "failed" && (
        <p role="alert" className="muted">
          {labels.failed}
        </p>
      )}
      {chosen && (
        <>
          <section aria-labelledby="cite-reference" className="cite-block">
            <h3 id="cite-reference">{labels.reference}</h3>
            {/* citeproc's HTML: the data's markup is escaped, only its own <i>, <b>, <span> are elements (tests/unit/citation). */}
            <div ref={reference} className="csl" lang={target.language} dangerouslySetInnerHTML={{ __html: chosen.reference }} />
            <CopyButton source={reference} labels={labels} />
          </section>
          {target.paragraph !== null && (
            <section aria-labelledby="cite-in-text" className="cite-block">
              <h3 id="cite-in-text">{labels.inText}</h3>
              <div ref={inText} className="csl" lang={target.language} dangerouslySetInnerHTML={{ __html: chosen.inText }} />
              <CopyButton source={inText} labels={labels} />
              {data !== "failed" && data?.pinpoint?.label === "paragraph" && permalink && <p className="muted small">{fill(labels.paragraphNumbering, { url: permalink })}</p>}
            </section>
          )}
        </>
      )}
      <section aria-labelledby="cite-export" className="cite-block">
        <h3 id="cite-export">{labels.export}</h3>
        <ul className="exports">
          {(Object.keys(labels.formats) as ExportFormat[]).map((format) => (
            <li key={format}>
              <a href={`${endpoint}?${query}&format=${format}`} download data-format={format}>
                {labels.formats[format]}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </dialog>
  );
}
