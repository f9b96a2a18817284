import type { ContentsEntry } from "@/lib/reader/contents";

/**
 * The table of contents: the beginning, then each section heading in the
 * leading edition with the others' headings under it.
 */
export function Contents({ entries, order, beginning }: { entries: ContentsEntry[]; order: string[]; beginning: string }) {
  return (
    <ol className="toc-list">
      <li>
        <a href="#u1">{beginning}</a>
      </li>
      {entries.map((entry) => {
        const [first, ...others] = order.filter((language) => entry.headings[language]);
        return (
          <li key={entry.unit}>
            <a href={`#u${entry.unit}`}>
              <span lang={first}>{entry.headings[first!]}</span>
              {others.map((language) => (
                <span key={language} lang={language} className="toc-other">
                  {entry.headings[language]}
                </span>
              ))}
            </a>
          </li>
        );
      })}
    </ol>
  );
}
