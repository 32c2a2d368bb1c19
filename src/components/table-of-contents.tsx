import { useEffect, useState } from "react";
import type { Heading } from "../content/post";

interface HeadingNode extends Heading {
  children: HeadingNode[];
}

/** Headings nested by depth; a TOC shows three levels from the post's top level (h1 when the post uses h1). */
export function nestHeadings(headings: readonly Heading[]): HeadingNode[] {
  if (headings.length === 0) return [];
  const top = Math.min(...headings.map((heading) => heading.depth));
  const roots: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  for (const heading of headings) {
    if (heading.depth > top + 2) continue;
    const node: HeadingNode = { ...heading, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) stack.pop();
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** The article's table of contents; the link of the section being read carries `aria-current`. */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  const active = useActiveHeading(headings);
  const tree = nestHeadings(headings);
  if (tree.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <HeadingList nodes={tree} active={active} />
    </nav>
  );
}

function HeadingList({ nodes, active }: { nodes: HeadingNode[]; active: string | undefined }) {
  return (
    <ol>
      {nodes.map((node) => (
        <li key={node.id}>
          <a href={`#${encodeURIComponent(node.id)}`} aria-current={node.id === active ? "true" : undefined}>
            {node.text}
          </a>
          {node.children.length > 0 && <HeadingList nodes={node.children} active={active} />}
        </li>
      ))}
    </ol>
  );
}

/** Distance from the top of the viewport at which a heading counts as the one being read. */
const READING_LINE = 120;

/**
 * The id of the last heading above the reading line, updated while the reader scrolls. At the
 * bottom of the page, where the last sections can never reach that line, the last visible heading.
 */
function useActiveHeading(headings: readonly Heading[]): string | undefined {
  const [active, setActive] = useState<string>();
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const line = atBottom ? window.innerHeight : READING_LINE;
      let current: string | undefined;
      for (const { id } of headings) {
        const element = document.getElementById(id);
        if (element && element.getBoundingClientRect().top <= line) current = id;
      }
      setActive(current ?? headings[0]?.id);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // The first reading too waits for a frame: read while the page hydrates, the headings'
    // positions and the page's height forced the browser to lay the article out then and there.
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [headings]);
  return active;
}
