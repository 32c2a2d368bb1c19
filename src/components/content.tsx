import { createElement, Fragment, type ComponentType, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";
import { refTarget } from "../content/markdown/post-refs";

/** Element overrides by tag name, e.g. the image gallery's `img`. */
export type ContentComponents = Partial<Record<string, ComponentType<Record<string, unknown>>>>;

/**
 * Renders an article's content (see content/markdown/content-tree.ts) as React elements, with
 * `components` in place of the elements they name, except inside a link: they may add one (the image
 * gallery links each image), and a link inside a link is invalid HTML that the browser splits.
 * `links` gives links to other posts by file their URLs (PostArticle.links).
 */
export function renderContent(
  nodes: readonly ContentNode[],
  components: ContentComponents = {},
  links?: Readonly<Record<string, string>>,
): ReactNode {
  const toElement = (node: ContentNode, inLink: boolean): ReactNode => {
    if (typeof node === "string") return node;
    const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    const inside = inLink || type === "a";
    return createElement(
      (!inLink && components[type]) || type,
      type === "a" && links && props ? withLink(props, links) : props || null,
      ...children.map((child) => toElement(child, inside)),
    );
  };
  return createElement(Fragment, null, ...nodes.map((node) => toElement(node, false)));
}

/** A link to another post by file (`{{< ref >}}`, see content/markdown/post-refs.ts) with the URL the site found for it. */
function withLink(props: ContentProps, links: Readonly<Record<string, string>>): ContentProps {
  const target = typeof props.href === "string" ? refTarget(props.href) : undefined;
  const url = target === undefined ? undefined : links[target];
  return url === undefined ? props : { ...props, href: url };
}
