import { createElement, Fragment, type ComponentType, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";
import { refTarget, resolveRefsInText, type RefLink, type RefLinks } from "../content/markdown/post-refs";
import { sizedImageProps, type ImageSizes } from "../content/post-images";

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

/** How renderContent renders a post's page rather than bare content: its links to other posts, its images, its islands. */
export interface ContentOptions {
  /** Where its links to other posts by file lead (PostArticle.links). */
  links?: RefLinks;
  /**
   * Its images get their sizes (PostArticle.images), `decoding="async"` and `loading="lazy"`, the
   * first one eager when `eagerFirst` (no featured image above it: it is likely on the first screen).
   */
  images?: { sizes?: ImageSizes; eagerFirst: boolean };
  /** With it, an interactive shortcode's mark becomes its component; without, it is the HTML the build gave it. */
  island?: IslandRenderer;
}

/**
 * Renders an article's content (see content/markdown/content-tree.ts) as React elements, with
 * `components` in place of the elements they name, except inside a link: they may add one (the image
 * gallery links each image), and a link inside a link is invalid HTML that the browser splits.
 */
export function renderContent(
  nodes: readonly ContentNode[],
  components: ContentComponents = {},
  { links, images, island }: ContentOptions = {},
): ReactNode {
  let imagesSeen = 0;
  const toElement = (node: ContentNode, inLink: boolean): ReactNode => {
    // A ref outside a link shows the post's URL as text, as Hugo's {{< ref >}} does.
    if (typeof node === "string") return links ? resolveRefsInText(node, links) : node;
    const [type, elementProps, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    // Images in document order (React renders in this order on the server and in the browser alike).
    const props =
      images && type === "img" && elementProps
        ? sizedImageProps(elementProps, images.sizes?.[String(elementProps.src)], imagesSeen++ === 0 && images.eagerFirst)
        : elementProps;
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
