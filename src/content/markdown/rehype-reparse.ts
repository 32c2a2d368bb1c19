import type { Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { toHtml } from "hast-util-to-html";
import { parseFragment } from "parse5";

/**
 * Makes the tree what a browser builds from its HTML. Markdown puts inline raw HTML in a paragraph,
 * and sanitising removes elements, which can leave a `<table>` or `<h1>` inside a `<p>`: the browser,
 * reading the prerendered page, would close the paragraph there, and React would find a page that
 * does not match what it renders. Serialising and reparsing once (parse5, the HTML standard's parser)
 * gives both the same tree.
 */
export default function rehypeReparse() {
  return (tree: Root) => {
    // parse5 and hast-util-from-parse5 directly are hast-util-from-html without source positions,
    // which nothing after this step reads: 7-8 % of a post's parse time.
    tree.children = (fromParse5(parseFragment(toHtml(tree))) as Root).children;
  };
}
