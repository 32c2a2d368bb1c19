import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { urlAttributes } from "html-url-attributes";
import { forEachElement } from "./hast-elements";
import { forEachFormula } from "./rehype-katex.server";
import { resolveUrl } from "../../paths";
import { markdownToHast, type MarkdownOptions } from "./pipeline";
import type { ContentNode } from "./content-tree";

/**
 * Turns the article pipeline's tree into the data the page renders: react-markdown's last step,
 * run at build time. URLs are made safe and resolved against the post's page exactly as
 * react-markdown's `urlTransform` does, then hast-util-to-jsx-runtime (react-markdown's renderer,
 * with its options) turns the tree into React element calls, which are recorded instead of made.
 * The browser replays them with `createElement`: the same elements react-markdown would make, with
 * no Markdown or HTML parser downloaded.
 */
export function articleContent(tree: Root, pageUrl?: string): ContentNode[] {
  // Resolves the tree's URLs in place (the tree is not used after this).
  forEachElement(tree, (node) => {
    for (const [key, tagNames] of Object.entries(urlAttributes)) {
      if (!Object.hasOwn(node.properties, key) || (tagNames !== null && !tagNames.includes(node.tagName))) continue;
      node.properties[key] = resolveUrl(String(node.properties[key] || ""), pageUrl);
    }
  });
  formulasAsHtml(tree);
  const root = toJsxRuntime(tree, { Fragment: "#fragment", jsx: record, jsxs: record, ignoreInvalidStyle: true }) as unknown as Call;
  return root.children.map(toContentNode);
}

/** One recorded `jsx(type, props)` call. (An object, not the final array: toJsxRuntime treats an array child as a list of children.) */
interface Call {
  type: string;
  props: Record<string, unknown>;
  children: (Call | string)[];
}

/** Where a formula's HTML waits in the tree for `record` (a property the sanitiser, which ran before, lets no post write). */
const FORMULA_HTML = "data-folio-formula";

/**
 * A formula rendered by KaTeX (rehype-katex.server.ts) is hundreds of elements: its page carries
 * them as the HTML KaTeX made, placed with `dangerouslySetInnerHTML`, so that React neither replays
 * nor hydrates them one by one (a post of formulas spent over a second of Lighthouse's throttled
 * main thread hydrating 2,200 elements). The HTML is the tree's own, after the sanitiser and KaTeX.
 */
function formulasAsHtml(tree: Root): void {
  forEachFormula(tree, (formula) => {
    const rendered = formula.children.some((node) => node.type === "element" && /^katex/.test(String(node.properties.className ?? "")));
    if (!rendered) return;
    formula.properties.dataFolioFormula = toHtml({ type: "root", children: formula.children });
    formula.children = [];
  });
}

function record(type: unknown, { children, ...props }: Record<string, unknown>): Call {
  if (typeof props[FORMULA_HTML] === "string") {
    const { [FORMULA_HTML]: html, ...rest } = props;
    return { type: type as string, props: { ...rest, dangerouslySetInnerHTML: { __html: html } }, children: [] };
  }
  return {
    type: type as string,
    props,
    children: children === undefined ? [] : Array.isArray(children) ? children : [children as Call | string],
  };
}

function toContentNode(node: Call | string): ContentNode {
  if (typeof node === "string") return node;
  return [node.type, Object.keys(node.props).length > 0 ? node.props : 0, ...node.children.map(toContentNode)];
}

/** A Markdown text's article content, as a post at `pageUrl` would show it (for previews and tests). */
export function markdownContent(markdown: string, pageUrl?: string, options?: MarkdownOptions): ContentNode[] {
  return articleContent(markdownToHast(markdown, options), pageUrl);
}
