import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";
import { absoluteUrl, paths } from "../paths";

/**
 * A post's full HTML for feed readers: the article pipeline's output with every link and image made
 * absolute (a reader has no page to resolve them against) and without the post's `<style>`.
 * Computed when the post is parsed (and cached with it), from a copy of its article tree.
 */
export function feedHtml(articleTree: Root, slug: string): string {
  const tree = structuredClone(articleTree);
  const base = absoluteUrl(paths.post(slug));
  visit(tree, "element", (node: Element, index, parent) => {
    if ((node.tagName === "style" || node.tagName === "script") && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const key of ["href", "src"] as const) {
      const value = node.properties[key];
      if (typeof value === "string") node.properties[key] = new URL(value, base).href;
    }
  });
  return toHtml(tree);
}
