import { getTranslations } from "next-intl/server";
import type { InlineMark, PageBreak } from "@/lib/content/inline";
import { buildInlineTree, type InlineNode, type RangeAnnotation } from "@/lib/reader/inline-tree";

type Range = InlineMark;
type Node = InlineNode<Range, PageBreak>;

/**
 * A paragraph's text with its marks rendered as elements. Text is always a
 * React text node, so content can never inject markup.
 */
export async function InlineText({ text, marks, pageBreaks, citationHref }: { text: string; marks: InlineMark[]; pageBreaks: PageBreak[]; citationHref: (ref: string) => string | null }) {
  const t = await getTranslations("reader");
  // Links enclose emphasis, never the other way round.
  const ranges: RangeAnnotation<Range>[] = marks.map((mark) => ({ start: mark.start, end: mark.end, layer: mark.type === "em" ? 1 : 0, data: mark }));
  const tree = buildInlineTree(text, ranges, pageBreaks.map((pageBreak) => ({ offset: pageBreak.offset, data: pageBreak })));

  const render = (nodes: Node[]): React.ReactNode[] =>
    nodes.map((node, index) => {
      if (node.type === "text") return node.text;
      if (node.type === "point") {
        const label = node.data.page === null ? t("pageBreak") : t("pageBreakNumbered", { page: node.data.page });
        // The mark is drawn by CSS from data-mark, so copying the text never picks it up.
        return <span key={`p${index}`} className="page-mark" role="img" aria-label={label} title={label} data-mark={node.data.page === null ? "‖" : t("pageMarkShort", { page: node.data.page })} />;
      }
      const mark = node.data;
      const children = render(node.children);
      if (mark.type === "em") return <em key={index}>{children}</em>;
      if (mark.type === "url") {
        return (
          <a key={index} href={mark.href} rel="noopener noreferrer nofollow" className="break-all">
            {children}
          </a>
        );
      }
      const href = citationHref(mark.ref);
      return href ? (
        <a key={index} href={href}>
          {children}
        </a>
      ) : (
        <span key={index}>{children}</span>
      );
    });

  return <>{render(tree)}</>;
}
