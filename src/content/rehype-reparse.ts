import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";

/**
 * Makes the tree what a browser builds from its HTML. Markdown puts inline raw HTML in a paragraph,
 * and sanitising removes elements, which can leave a `<table>` or `<h1>` inside a `<p>`: the browser,
 * reading the prerendered page, would close the paragraph there, and React would find a page that
 * does not match what it renders. Serialising and reparsing once (parse5, the HTML standard's parser)
 * gives both the same tree.
 */
export default function rehypeReparse() {
  return (tree: Root) => {
    tree.children = fromHtml(toHtml(tree), { fragment: true }).children;
  };
}
