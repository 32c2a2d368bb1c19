import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkAttributes, { parseAttributes } from "./remark-attributes";

const run = (markdown: string) => {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  remarkAttributes()(tree);
  return tree;
};
const properties = (node: { data?: unknown }) => (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;

describe("parseAttributes", () => {
  it("reads ids, classes and key=value pairs, quoted or not", () => {
    expect(parseAttributes(`#intro .lead .wide data-x=1 title="Two words" lang='fr'`)).toEqual({
      id: "intro",
      className: ["lead", "wide"],
      "data-x": "1",
      title: "Two words",
      lang: "fr",
    });
  });

  it("passes a heading's id on for rehype-custom-heading-ids, and merges class= with .classes", () => {
    expect(parseAttributes("#intro .a class='b c'", { heading: true })).toEqual({ dataHeadingId: "intro", className: ["a", "b", "c"] });
  });
});

describe("remarkAttributes", () => {
  it("takes a heading's attribute list off its text", () => {
    const [heading] = run("## Getting started {#start .big}\n").children;
    expect(heading).toMatchObject({ type: "heading", children: [{ type: "text", value: "Getting started" }] });
    expect(properties(heading)).toEqual({ dataHeadingId: "start", className: ["big"] });
  });

  it("gives a paragraph the list on its last line", () => {
    const [paragraph] = run('A paragraph.\n{.lead style="color: teal"}\n').children;
    expect(paragraph).toMatchObject({ children: [{ type: "text", value: "A paragraph." }] });
    expect(properties(paragraph)).toEqual({ className: ["lead"], style: "color: teal" });
  });

  it("gives a list on a paragraph of its own to the block before it, and drops the paragraph", () => {
    const tree = run("- one\n- two\n\n{.checklist}\n\nAfter.\n");
    expect(tree.children.map((node) => node.type)).toEqual(["list", "paragraph"]);
    expect(properties(tree.children[0])).toEqual({ className: ["checklist"] });
  });

  it("leaves braces that are not an attribute list as text", () => {
    const tree = run("Set {x} to 1.\n\n## JSON {\n\nfunction() {}\n");
    expect(JSON.stringify(tree)).toContain("Set {x} to 1.");
    expect(tree.children[1]).toMatchObject({ type: "heading", children: [{ value: "JSON {" }] });
    expect(properties(tree.children[2])).toBeUndefined();
  });
});
