import type { Element, ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import { absoluteUrl, paths } from "../../paths";

/**
 * A post's full HTML for feed readers: the article pipeline's output with every link and image made
 * absolute (a reader has no page to resolve them against) and without the post's `<style>`.
 * Computed when the post is parsed (and cached with it), from a copy of its article tree.
 */
export function feedHtml(articleTree: Root, slug: string): string {
  const base = absoluteUrl(paths.post(slug));
  return toHtml({ type: "root", children: articleTree.children.flatMap((child) => forFeed(child, base)) });
}

/** A copy of `node` for a feed reader (the article tree itself is still to be rendered): no style or script, absolute URLs. */
function forFeed(node: RootContent, base: string): RootContent[] {
  if (node.type !== "element") return [node];
  // A formula is its MathML, which feed readers show: KaTeX's HTML needs the math style sheet, which a feed has not.
  if (node.tagName === "style" || node.tagName === "script" || isKatexHtml(node)) return [];
  // Highlighted code as plain code: feed readers drop the colours' styles (and cannot read `light-dark()`).
  if (hasClass(node, "shiki")) return [{ ...node, properties: {}, children: node.children.map(plainCode) }];
  const properties = { ...node.properties };
  for (const key of ["href", "src"] as const) {
    const value = properties[key];
    if (typeof value === "string") properties[key] = new URL(value, base).href;
  }
  return [{ ...node, properties, children: node.children.flatMap((child) => forFeed(child, base)) as ElementContent[] }];
}

function isKatexHtml(node: Element): boolean {
  return hasClass(node, "katex-html");
}

function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties.className) && node.properties.className.includes(name);
}

/** A highlighted block's `code` element as plain text in its language's class. */
function plainCode(node: ElementContent): ElementContent {
  return node.type === "element" ? { ...node, children: [{ type: "text", value: toString(node) }] } : node;
}
