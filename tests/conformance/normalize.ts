import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { minifyWhitespace } from "hast-util-minify-whitespace";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";

// The comparison's normalisations, and only these (known-differences.md lists them for readers):
//  1. Both sides are parsed as an HTML fragment, as a browser parses them, and written out one way:
//     quotes, entities, `<br />` and the order of attributes do not count.
//  2. White space counts as a browser renders it (hast-util-minify-whitespace): runs of it are one
//     space, none shows between blocks or at their edges, <pre> keeps all of it. A space lost or
//     added between words or inline elements still differs.
//  3. Two things Folio adds on purpose are taken off its side: the `id` of every heading (the table
//     of contents links to it) and React's `<link rel="preload" as="image">` for each image (it
//     belongs in the page's head, where React puts it in a page).

/** Folio's rendered article HTML, normalised for comparison. */
export function folioHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, "element", (node: Element, index, parent) => {
    if (/^h[1-6]$/.test(node.tagName)) delete node.properties.id;
    if (node.tagName === "link" && node.properties.as === "image" && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  return canonical(tree);
}

/** A spec example's expected HTML, normalised for comparison. */
export function specHtml(html: string): string {
  return canonical(fromHtml(html, { fragment: true }));
}

function canonical(tree: Root): string {
  visit(tree, "element", (node: Element) => {
    node.properties = Object.fromEntries(Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b)));
  });
  minifyWhitespace(tree);
  return toHtml(tree);
}
