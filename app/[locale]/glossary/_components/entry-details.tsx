import { entryFieldRows } from "@/lib/glossary/fields";
import { headwordLanguage, localizedHeadword, runningPolivanov } from "@/lib/glossary/forms";
import { glossaryPaths } from "@/lib/glossary/paths";
import type { GlossaryEntry } from "@/lib/glossary/schema";
import type { EntryReference } from "@/lib/db/glossary";
import type { EntryLabels } from "./labels";

/** Every field of an entry as a description list: forms in every script with their language tags, glosses, meaning, cross-references. */
export function EntryDetails({
  entry,
  labels,
  locale,
  related,
  references,
}: {
  entry: GlossaryEntry;
  labels: EntryLabels;
  locale: string;
  related: EntryReference[];
  references: { label: string; href: string }[];
}) {
  const rows = entryFieldRows(entry, runningPolivanov(entry));
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map((row) => (
        <div key={row.field} className="contents" data-field={row.field}>
          <dt className="text-sm text-muted sm:pt-0.5">{labels.fields[row.field]}</dt>
          <dd className="font-serif text-lg">
            {row.values.map((value, index) => (
              <span key={value}>
                {index > 0 && <span aria-hidden="true"> · </span>}
                <span lang={row.lang}>{value}</span>
              </span>
            ))}
            {row.field === "ru" && entry.conventional && <span className="ml-2 font-sans text-xs text-muted">({labels.conventional})</span>}
          </dd>
        </div>
      ))}
      <div className="contents" data-field="pos">
        <dt className="text-sm text-muted">{labels.partOfSpeech}</dt>
        <dd>{labels.pos[entry.pos]}</dd>
      </div>
      <div className="contents" data-field="category">
        <dt className="text-sm text-muted">{labels.categoryField}</dt>
        <dd>
          <a href={`${glossaryPaths.list(locale)}?category=${entry.category}`}>{labels.category[entry.category]}</a>
        </dd>
      </div>
      {references.length > 0 && (
        <div className="contents" data-field="reference">
          <dt className="text-sm text-muted">{labels.reference}</dt>
          <dd className="flex flex-wrap gap-x-3">
            {references.map((reference) => (
              <a key={reference.href} href={reference.href}>
                {reference.label}
              </a>
            ))}
          </dd>
        </div>
      )}
      {related.length > 0 && (
        <div className="contents" data-field="related">
          <dt className="text-sm text-muted">{labels.related}</dt>
          <dd>
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {related.map((reference) => (
                <li key={reference.key}>
                  <a href={glossaryPaths.entry(locale, reference.key)} data-related={reference.key} lang={headwordLanguage(reference.entry, localizedHeadword(reference.entry, locale))}>
                    {localizedHeadword(reference.entry, locale)}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
