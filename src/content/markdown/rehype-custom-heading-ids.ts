import type { Root } from "hast";
import { forEachElement } from "./hast-elements";

/** An id an author may choose: letters, digits, `-` and `_`, not starting with `_` (the same letters as a heading's own slug). */
const SAFE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/**
 * Gives headings the ids their authors chose (`## Title {#custom-id}`, remark-attributes.ts), which
 * the sanitiser would otherwise prefix with `user-content-`: Hugo's links to `#custom-id` keep
 * working, and the table of contents links to it. Runs after the sanitiser, which lets the chosen
 * id through as `data-heading-id`; an id outside the safe letters is dropped, and rehype-slug gives
 * the heading its usual one.
 */
export default function rehypeCustomHeadingIds() {
  return (tree: Root) => {
    forEachElement(tree, (node) => {
      const chosen = node.properties.dataHeadingId;
      if (chosen === undefined) return;
      delete node.properties.dataHeadingId;
      if (/^h[1-6]$/.test(node.tagName) && typeof chosen === "string" && SAFE_ID.test(chosen)) node.properties.id = chosen;
    });
  };
}
