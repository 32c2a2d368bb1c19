import { createElement, Fragment, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";
import { refTarget, resolveRefsInText, type RefLink, type RefLinks } from "../content/markdown/post-refs";

/**
 * An interactive shortcode's component (shortcode-island.tsx), in a chunk of its own: only a post
 * with an island loads it, and the islands' list with it; a post without one pays ~100 bytes for this.
 */
const ShortcodeIsland = lazy(() => import("./shortcode-island").then(({ ShortcodeIsland }) => ({ default: ShortcodeIsland })));

/** Element overrides by tag name, e.g. the image gallery's `img`. */
export type ContentComponents = Partial<Record<string, ComponentType<Record<string, unknown>>>>;

/**
 * Renders an article's content (see content/markdown/content-tree.ts) as React elements, with
 * `components` in place of the elements they name, except inside a link: they may add one (the image
 * gallery links each image), and a link inside a link is invalid HTML that the browser splits.
 * `links` gives links to other posts by file their URLs (PostArticle.links). An interactive
 * shortcode's mark becomes its component (ShortcodeIsland).
 */
export function renderContent(nodes: readonly ContentNode[], components: ContentComponents = {}, links?: RefLinks): ReactNode {
  const toElement = (node: ContentNode, inLink: boolean): ReactNode => {
    // A ref outside a link shows the post's URL as text, as Hugo's {{< ref >}} does.
    if (typeof node === "string") return links ? resolveRefsInText(node, links) : node;
    const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    const inside = inLink || type === "a";
    const link = type === "a" && links && props ? refLink(props, links) : undefined;
    if (props && typeof props["data-folio-island"] === "string") {
      const inner = innerContent(children);
      const fallback = createElement(type, props, ...children.map((child) => toElement(child, inside)));
      return createElement(
        Suspense,
        { fallback },
        createElement(ShortcodeIsland, {
          name: props["data-folio-island"],
          props: String(props["data-folio-props"]),
          fallback,
          children: inner && createElement(Fragment, null, ...inner.map((child) => toElement(child, inside))),
        }),
      );
    }
    return createElement(
      (!inLink && components[type]) || type,
      link ? { ...(props as ContentProps), href: link.url } : props || null,
      // A link that shows its stand-in address (Hexo's post_link with no title) shows the post's title.
      ...children.map((child) => (link && child === (props as ContentProps).href ? link.title : toElement(child, inside))),
    );
  };
  return createElement(Fragment, null, ...nodes.map((node) => toElement(node, false)));
}

/** Where a link to another post by file (`{{< ref >}}`, see content/markdown/post-refs.ts) leads, as the site found it. */
function refLink(props: ContentProps, links: RefLinks): RefLink | undefined {
  const target = typeof props.href === "string" ? refTarget(props.href) : undefined;
  return target === undefined ? undefined : links[target];
}

/** The content of an island's inner-content mark (the first `data-folio-inner` element), if it has one. */
function innerContent(nodes: readonly ContentNode[]): ContentNode[] | undefined {
  for (const node of nodes) {
    if (typeof node === "string") continue;
    const [, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    if (props && "data-folio-inner" in props) return children;
    const found = innerContent(children);
    if (found) return found;
  }
  return undefined;
}
