import { createElement, Fragment, type ComponentType, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";

/** Element overrides by tag name, e.g. the image gallery's `img`. */
export type ContentComponents = Partial<Record<string, ComponentType<Record<string, unknown>>>>;

/** Renders an article's content (see content/markdown/content-tree.ts) as React elements. */
export function renderContent(nodes: readonly ContentNode[], components: ContentComponents = {}): ReactNode {
  const toElement = (node: ContentNode): ReactNode => {
    if (typeof node === "string") return node;
    const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
    return createElement(components[type] ?? type, props || null, ...children.map(toElement));
  };
  return createElement(Fragment, null, ...nodes.map(toElement));
}
