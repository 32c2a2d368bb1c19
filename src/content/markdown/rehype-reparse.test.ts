import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import rehypeReparse from "./rehype-reparse";

/** An element as the Markdown pipeline leaves it, before any browser has parsed it. */
const h = (tagName: string, children: string | (ElementContent | string)[]): Element => ({
  type: "element",
  tagName,
  properties: {},
  children: (typeof children === "string" ? [children] : children).map((child) =>
    typeof child === "string" ? { type: "text", value: child } : child,
  ),
});

const run = (tree: Root) => {
  rehypeReparse()(tree);
  return toHtml(tree);
};

describe("rehypeReparse", () => {
  it("closes a paragraph at a block element, as a browser reading the page does", () => {
    // What Markdown makes of inline raw HTML that holds a heading: a <p> around an <h1>.
    const tree: Root = { type: "root", children: [h("p", ["Before ", h("h1", "Title"), " after"])] };
    expect(run(tree)).toBe("<p>Before </p><h1>Title</h1> after<p></p>");
  });

  it("moves what a table cannot hold out in front of it", () => {
    const tree: Root = { type: "root", children: [h("table", [h("p", "stray"), h("tbody", [h("tr", [h("td", "cell")])])])] };
    expect(run(tree)).toBe("<p>stray</p><table><tbody><tr><td>cell</td></tr></tbody></table>");
  });

  it("leaves a tree a browser would build the same way as it is", () => {
    const tree: Root = { type: "root", children: [h("p", ["Plain ", h("em", "text")]), h("ul", [h("li", "one")])] };
    expect(run(tree)).toBe("<p>Plain <em>text</em></p><ul><li>one</li></ul>");
  });
});
