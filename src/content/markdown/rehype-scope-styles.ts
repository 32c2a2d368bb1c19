import type { Root } from "hast";
import { toString } from "hast-util-to-string";
import { forEachElement } from "./hast-elements";

/**
 * Scopes each `<style>` of a post to the element that holds it, with CSS `@scope`: a post's
 * `img { … }` styles that post's images, never the site's header, the post list or another post.
 * Rules that may not appear inside `@scope` (`@import`, `@font-face`, `@charset`) are dropped by the browser.
 */
export default function rehypeScopeStyles() {
  return (tree: Root) => {
    forEachElement(tree, (node) => {
      if (node.tagName !== "style") return;
      node.properties = {};
      node.children = [{ type: "text", value: scopeCss(toString(node)) }];
    });
  };
}

const OPEN = "@scope {\n";
const CLOSE = "\n}";

/**
 * Wraps a style sheet in a prelude-less `@scope`, whose root is the parent of the `<style>` element.
 * The build rejects style that does not parse (see post-css.server.ts), so no `}` can close it early.
 */
export function scopeCss(css: string): string {
  // `<` has no meaning in CSS outside strings and comments, where `\3C ` means the same; escaped, no
  // `</style>` can end the block early, and React hydrates the text exactly as it was prerendered.
  return `${OPEN}${css.trim().replace(/</g, "\\3C ")}${CLOSE}`;
}

/** The post's own CSS inside a scoped style sheet. */
export function unscopeCss(scoped: string): string {
  return scoped.startsWith(OPEN) && scoped.endsWith(CLOSE) ? scoped.slice(OPEN.length, -CLOSE.length) : scoped;
}
