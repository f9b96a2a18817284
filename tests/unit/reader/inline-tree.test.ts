import { describe, expect, it } from "vitest";
import { buildInlineTree, type InlineNode } from "@/lib/reader/inline-tree";

type Node = InlineNode<string, string>;

/** A compact picture of a tree: ranges as name(…), points as |name|. */
function show(nodes: Node[]): string {
  return nodes.map((node) => (node.type === "text" ? node.text : node.type === "point" ? `|${node.data}|` : `${node.data}(${show(node.children)})`)).join("");
}

describe("buildInlineTree", () => {
  it("returns plain text when there is nothing to mark", () => {
    expect(show(buildInlineTree<string, string>("plain", []))).toBe("plain");
  });

  it("nests lower layers inside higher ones and splits what crosses a boundary", () => {
    const tree = buildInlineTree<string, string>("one two three", [
      { start: 0, end: 7, layer: 0, data: "link" },
      { start: 4, end: 13, layer: 1, data: "em" },
    ]);
    expect(show(tree)).toBe("link(one em(two))em( three)");
  });

  it("places points between characters, including at the ends", () => {
    const tree = buildInlineTree("abcd", [{ start: 1, end: 3, layer: 0, data: "x" }], [
      { offset: 0, data: "s" },
      { offset: 2, data: "m" },
      { offset: 4, data: "e" },
    ]);
    expect(show(tree)).toBe("|s|ax(b|m|c)d|e|");
  });

  it("clips overlapping ranges of one layer and ignores empty or out-of-range ones", () => {
    const tree = buildInlineTree<string, string>("abcdef", [
      { start: 0, end: 4, layer: 0, data: "a" },
      { start: 2, end: 6, layer: 0, data: "b" },
      { start: 3, end: 3, layer: 0, data: "empty" },
      { start: 5, end: 99, layer: 1, data: "out" },
    ]);
    expect(show(tree)).toBe("a(abcd)b(ef)");
  });

  it("keeps offsets so callers can map nodes back to the text", () => {
    const [range] = buildInlineTree("hello world", [{ start: 6, end: 11, layer: 0, data: "w" }]).filter((node) => node.type === "range");
    expect(range).toMatchObject({ start: 6, end: 11 });
  });
});
