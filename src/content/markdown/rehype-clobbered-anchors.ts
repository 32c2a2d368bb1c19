import type { Element, Root } from "hast";
import { forEachElement } from "./hast-elements";

/**
 * Keeps in-page links working after sanitising. rehype-sanitize prefixes author-written ids
 * (`id="fn-1"` becomes `id="user-content-fn-1"`) so a post cannot clobber the page's globals, but it
 * leaves `href="#fn-1"` alone; this points such links at the prefixed id when only that one exists.
 */
export default function rehypeClobberedAnchors(options: { prefix?: string } = {}) {
  const prefix = options.prefix ?? "user-content-";
  return (tree: Root) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    forEachElement(tree, (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
      if (node.tagName === "a" && typeof node.properties.href === "string" && node.properties.href.startsWith("#")) {
        links.push(node);
      }
    });
    for (const link of links) {
      const target = decodeURIComponent(String(link.properties.href).slice(1));
      if (!ids.has(target) && ids.has(prefix + target)) link.properties.href = `#${prefix}${target}`;
    }
  };
}
