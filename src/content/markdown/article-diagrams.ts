import type { ContentElement, ContentNode, ContentProps } from "./content-tree";

/**
 * A Mermaid diagram as the build drew it (build/diagrams.server.ts): its SVG, whose ids all start
 * with `id`, with its name and description for screen readers; or why Mermaid could not draw it.
 */
export type DiagramEntry =
  { id: string; svg: string; name: string; description?: string; width?: number; height?: number } | { error: string };

/** An article with its drawn diagrams in place, and how many are left for the reader's browser to draw. */
export interface ArticleWithDiagrams {
  content: ContentNode[];
  /** Diagrams drawn at build time, or shown with their error: the page needs their style sheet. */
  placed: number;
  /** Diagrams the build did not draw (no browser): components/mermaid-diagram.tsx draws them in the reader's. */
  left: number;
}

/** The source of each ```mermaid block in an article (the `mermaid` shortcode makes one too), in order. */
export function diagramSources(content: readonly ContentNode[]): string[] {
  const sources: string[] = [];
  const visit = (nodes: readonly ContentNode[]) => {
    for (const node of nodes) {
      if (typeof node === "string") continue;
      const source = mermaidSource(node);
      if (source !== undefined) sources.push(source);
      else visit(childrenOf(node));
    }
  };
  visit(content);
  return sources;
}

/**
 * The article with each ```mermaid block the build drew (`drawing` gives its entry, if any) as a
 * figure: the SVG in a box that is an image for screen readers (role="img", named by the diagram's
 * `accTitle` or its kind, described by its `accDescr`), with the source folded under it ("Source of
 * the diagram"). A diagram Mermaid could not read keeps its source, with Mermaid's message under it.
 * A block without an entry is left as it is, for the reader's browser. The same diagram twice on a
 * page gets ids of its own the second time.
 */
export function placeDiagrams(content: readonly ContentNode[], drawing: (source: string) => DiagramEntry | undefined): ArticleWithDiagrams {
  let placed = 0;
  let left = 0;
  const seen = new Map<string, number>();
  const place = (node: ContentElement, source: string): ContentElement => {
    const entry = drawing(source);
    if (!entry) {
      left++;
      return node;
    }
    placed++;
    if ("error" in entry)
      return ["div", { className: "diagram-pending" }, node, ["p", { className: "diagram-error" }, diagramError(entry.error)]];
    const times = (seen.get(entry.id) ?? 0) + 1;
    seen.set(entry.id, times);
    // Mermaid's ids go on from the diagram's with `-`, `_` and a word: `-copy2` starts none of them.
    const id = times === 1 ? entry.id : `${entry.id}-copy${times}`;
    const svg = times === 1 ? entry.svg : entry.svg.replaceAll(entry.id, id);
    const descriptionId = `${id}-description`;
    const image: ContentProps = {
      className: "diagram-image",
      role: "img",
      "aria-label": entry.name,
      ...(entry.description && { "aria-describedby": descriptionId }),
      // Its box sized from the drawing's own size (as wide as it, at most the column, in its
      // proportions): the browser lays out and paints a diagram off screen only when it comes near
      // (mermaid-diagram.css: content-visibility), and nothing moves when it does.
      ...(entry.width && entry.height && { style: { maxWidth: `${entry.width}px`, aspectRatio: `${entry.width} / ${entry.height}` } }),
      dangerouslySetInnerHTML: { __html: svg },
    };
    return [
      "figure",
      { className: "diagram" },
      ["div", image],
      ...(entry.description ? [["p", { id: descriptionId, className: "visually-hidden" }, entry.description] as ContentElement] : []),
      ["details", { className: "diagram-source" }, ["summary", 0, "Source of the diagram"], node],
    ];
  };
  const visit = (nodes: readonly ContentNode[]): ContentNode[] =>
    nodes.map((node) => {
      if (typeof node === "string") return node;
      const source = mermaidSource(node);
      if (source !== undefined) return place(node, source);
      const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
      return children.length === 0 ? node : [type, props, ...visit(children)];
    });
  const result = visit(content);
  return { content: result, placed, left };
}

/** What a diagram that could not be drawn says under its source. */
export function diagramError(message: string): string {
  return `This diagram could not be drawn: ${message}`;
}

/**
 * An error's first and last lines, at most 200 characters: between them, Mermaid's parse errors quote
 * the diagram's line with a caret under the place ("Parse error on line 3: … Expecting 'NODE_STRING', got 'PS'").
 */
export function shortMessage(message: string): string {
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const text = lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : (lines[0] ?? "");
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The source of a diagram, if `node` is a ```mermaid block (`<pre><code class="language-mermaid">`). */
function mermaidSource(node: ContentElement): string | undefined {
  if (node[0] !== "pre") return undefined;
  const [code, ...rest] = childrenOf(node).filter((child) => typeof child !== "string" || child.trim() !== "");
  if (rest.length > 0 || typeof code === "string" || !code || code[0] !== "code") return undefined;
  const props = code[1];
  const className = props === 0 ? undefined : (props as ContentProps).className;
  if (typeof className !== "string" || !className.split(" ").includes("language-mermaid")) return undefined;
  const text = childrenOf(code);
  return text.every((part) => typeof part === "string") ? text.join("") : undefined;
}

function childrenOf(node: ContentElement): ContentNode[] {
  return node.slice(2) as ContentNode[];
}
