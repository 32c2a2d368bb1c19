import { Children, createElement, Fragment, isValidElement, lazy, Suspense, type ReactNode } from "react";
import type { ContentNode, ContentProps } from "../content/markdown/content-tree";
import { islandComponent } from "../shortcodes/islands";
import type { IslandProps } from "../shortcodes/islands";
import type { ContentComponents, ContentOptions, renderContent } from "./content";

/**
 * The article of a post with islands (PostArticle.islands), each island's mark rendered as its
 * component, or with diagrams (PostArticle.diagrams), each ```mermaid block drawn. It is its own
 * chunk, which only such a post's page loads (article-body.tsx).
 */
export default function IslandContent({
  content,
  components,
  options,
  diagrams,
  render,
}: {
  content: readonly ContentNode[];
  components?: ContentComponents;
  /** The article's links and images (renderContent's options). */
  options?: Omit<ContentOptions, "island">;
  diagrams?: boolean;
  /** The article's renderContent, passed in: this chunk neither carries a copy nor splits it out of the article's. */
  render: typeof renderContent;
}) {
  return render(content, diagrams ? withDiagrams(components) : components, { ...options, island: renderIsland });
}

/**
 * The diagram's component (mermaid-diagram.tsx), a chunk of its own, so a page with islands but no
 * diagram loads none of it. On the server it is loaded before rendering, as the islands are
 * (islands.ts), so the prerendered page holds its HTML in place.
 */
const loadDiagram = () => import("./mermaid-diagram");
const MermaidDiagram = import.meta.env.SSR ? (await loadDiagram()).default : lazy(loadDiagram);

const diagramComponents = new WeakMap<ContentComponents, ContentComponents>();
const NO_COMPONENTS: ContentComponents = {};

/**
 * `components` with each ```mermaid block (`<pre><code class="language-mermaid">`, which the
 * `mermaid` shortcode also makes) as a diagram, drawn over the code block the build rendered. One
 * object per `components`, so React keeps each diagram across renders.
 */
function withDiagrams(components: ContentComponents = NO_COMPONENTS): ContentComponents {
  let found = diagramComponents.get(components);
  if (!found) {
    const Pre = components.pre ?? "pre";
    const DiagramOrCode = (props: Record<string, unknown>) => {
      const code = createElement(Pre, props);
      const source = mermaidSource(props.children as ReactNode);
      if (source === undefined) return code;
      return (
        <Suspense fallback={code}>
          <MermaidDiagram source={source}>{code}</MermaidDiagram>
        </Suspense>
      );
    };
    found = { ...components, pre: DiagramOrCode };
    diagramComponents.set(components, found);
  }
  return found;
}

/** The source of a diagram, if a code block's content is a ```mermaid block's code element. */
function mermaidSource(children: ReactNode): string | undefined {
  const [code, ...rest] = Children.toArray(children).filter((child) => typeof child !== "string" || child.trim() !== "");
  if (rest.length > 0 || !isValidElement<{ className?: unknown; children?: ReactNode }>(code) || code.type !== "code") return undefined;
  const { className, children: text } = code.props;
  if (typeof className !== "string" || !className.split(" ").includes("language-mermaid")) return undefined;
  const parts = Children.toArray(text);
  return parts.every((part) => typeof part === "string") ? parts.join("") : undefined;
}

/** An island's mark: its component, with the HTML the build gave it until its code arrives. */
function renderIsland(
  type: string,
  props: ContentProps,
  children: readonly ContentNode[],
  render: (nodes: readonly ContentNode[]) => ReactNode[],
) {
  const inner = innerContent(children);
  const fallback = createElement(type, props, ...render(children));
  return (
    <ShortcodeIsland name={String(props["data-folio-island"])} props={String(props["data-folio-props"])} fallback={fallback}>
      {inner && createElement(Fragment, null, ...render(inner))}
    </ShortcodeIsland>
  );
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

interface ShortcodeIslandProps {
  /** The island's name and its props as JSON, from its mark in the article (src/shortcodes/render.server.tsx). */
  name: string;
  props: string;
  /** What the build rendered for it: shown while its code loads, or for good if it cannot run. */
  fallback: ReactNode;
  /** Its inner content, rendered. */
  children?: ReactNode;
}

/**
 * An interactive shortcode in an article: its component, rendered with the props and content the
 * build gave it, in the prerendered page and then in the browser, which loads its code. Until the code
 * arrives the page shows the prerendered HTML (on hydration) or the build's static HTML (after a
 * navigation), which look the same.
 */
function ShortcodeIsland({ name, props, fallback, children }: ShortcodeIslandProps) {
  const Island = islandComponent(name);
  const parsed = parseProps(props);
  if (!Island || !parsed) return fallback;
  return (
    <Suspense fallback={fallback}>
      {/* eslint-disable-next-line react-hooks/static-components -- islandComponent gives the same component for a name every time */}
      <Island args={parsed.args} argumentText={parsed.argumentText}>
        {children}
      </Island>
    </Suspense>
  );
}

function parseProps(json: string): Pick<IslandProps, "args" | "argumentText"> | undefined {
  try {
    const value = JSON.parse(json) as Partial<IslandProps>;
    return typeof value.argumentText === "string" && value.args && typeof value.args === "object"
      ? { args: value.args, argumentText: value.argumentText }
      : undefined;
  } catch {
    return undefined;
  }
}
