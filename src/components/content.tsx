import { createElement, Fragment, type ComponentType, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";
import { refTarget, resolveRefsInText, type RefLink, type RefLinks } from "../content/markdown/post-refs";

/** Element overrides by tag name, e.g. the image gallery's `img`. */
export type ContentComponents = Partial<Record<string, ComponentType<Record<string, unknown>>>>;

/**
 * How an island's mark (`data-folio-island`) is rendered: shortcode-island.tsx's renderIsland, given
 * by the article of a post with islands only, so that no other page carries its code.
 */
export type IslandRenderer = (
  type: string,
  props: ContentProps,
  children: readonly ContentNode[],
  render: (nodes: readonly ContentNode[]) => ReactNode[],
) => ReactNode;

/**
 * Renders an article's content (see content/markdown/content-tree.ts) as React elements, with
 * `components` in place of the elements they name, except inside a link: they may add one (the image
 * gallery links each image), and a link inside a link is invalid HTML that the browser splits.
 * `links` gives links to other posts by file their URLs (PostArticle.links). With `island`, an
 * interactive shortcode's mark becomes its component; without, it is the HTML the build gave it.
 */
export function renderContent(
  nodes: readonly ContentNode[],
  components: ContentComponents = {},
  links?: RefLinks,
  island?: IslandRenderer,
): ReactNode {
  const toElement = (node: ContentNode, inLink: boolean): ReactNode => {
    // A ref outside a link shows the post's URL as text, as Hugo's {{< ref >}} does.
    if (typeof node === "string") return links ? resolveRefsInText(node, links) : node;
    const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    const inside = inLink || type === "a";
    const link = type === "a" && links && props ? refLink(props, links) : undefined;
    if (island && props && typeof props["data-folio-island"] === "string")
      return island(type, props, children, (nodes) => nodes.map((child) => toElement(child, inside)));
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
