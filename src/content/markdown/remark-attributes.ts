import type { Heading, Paragraph, Parent, Root, RootContent, Text } from "mdast";
import { toString } from "mdast-util-to-string";

/** Attributes as Hugo's Markdown (goldmark) writes them: `{#id .class key=value key="two words"}`. */
const ATTRIBUTES = /\{((?:\s*(?:#[^\s{}#.]+|\.[^\s{}#.=]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+)))+)\s*\}$/u;
const ATTRIBUTE = /#([^\s{}#.]+)|\.([^\s{}#.=]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s{}"']+))/gu;

/** The properties a `{…}` attribute list gives an element; a heading's `#id` travels as `dataHeadingId` (rehype-custom-heading-ids.ts). */
export function parseAttributes(list: string, { heading = false } = {}): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const classes: string[] = [];
  for (const [, id, className, key, double, single, bare] of list.matchAll(ATTRIBUTE)) {
    if (id !== undefined) properties[heading ? "dataHeadingId" : "id"] = id;
    else if (className !== undefined) classes.push(className);
    else if (key === "class") classes.push(...(double ?? single ?? bare ?? "").split(/\s+/).filter(Boolean));
    else properties[key] = double ?? single ?? bare;
  }
  if (classes.length > 0) properties.className = classes;
  return properties;
}

/**
 * Hugo's attribute lists (goldmark's `attribute` extension): `## Title {#custom-id .class}` gives a
 * heading its id and classes, and a `{.class}` or `{style="…"}` line right after a paragraph, or
 * alone after any block, gives them to that block. What the sanitiser allows of them stays (class
 * always, style when it passes a post's CSS checks); the text of the list never shows.
 */
export default function remarkAttributes() {
  return (tree: Root) => {
    visit(tree);
  };
}

function visit(parent: Parent): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === "heading") headingAttributes(child);
    if (child.type === "paragraph") {
      const standalone = standaloneAttributes(child);
      const previous = kept.at(-1);
      if (standalone && previous) {
        applyTo(previous, parseAttributes(standalone));
        continue;
      }
      trailingAttributes(child);
    }
    if ("children" in child) visit(child);
    kept.push(child);
  }
  parent.children = kept as Parent["children"];
}

/** `## Title {#id .class}`: the list at the end of the heading's text. */
function headingAttributes(heading: Heading): void {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return;
  const match = ATTRIBUTES.exec(last.value);
  if (!match || !/(^|\s)$/.test(last.value.slice(0, match.index))) return;
  last.value = last.value.slice(0, match.index).trimEnd();
  if (last.value === "") heading.children.pop();
  applyTo(heading, parseAttributes(match[1], { heading: true }));
}

/**
 * A paragraph whose last line is a `{…}` list: the list is the paragraph's. The line may have been
 * read as more than text (GFM links a URL in `{style="background: url(https://…)"}`): it is read
 * back as the text it was written as.
 */
function trailingAttributes(paragraph: Paragraph): void {
  const lineStart = paragraph.children.findLastIndex((child) => child.type === "text" && child.value.includes("\n"));
  if (lineStart === -1) return;
  const first = paragraph.children[lineStart] as Text;
  const newline = first.value.lastIndexOf("\n");
  const line =
    first.value.slice(newline + 1) +
    paragraph.children
      .slice(lineStart + 1)
      .map((child) => toString(child))
      .join("");
  const match = ATTRIBUTES.exec(line.trim());
  if (!match || match.index !== 0) return;
  first.value = first.value.slice(0, newline);
  paragraph.children.splice(lineStart + 1);
  applyTo(paragraph, parseAttributes(match[1]));
}

/** A paragraph that is nothing but a `{…}` list: the list belongs to the block before it. */
function standaloneAttributes(paragraph: Paragraph): string | undefined {
  if (paragraph.children.length !== 1 || paragraph.children[0].type !== "text") return undefined;
  const text = paragraph.children[0].value.trim();
  const match = ATTRIBUTES.exec(text);
  return match && match.index === 0 ? match[1] : undefined;
}

function applyTo(node: RootContent, properties: Record<string, unknown>): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  const existing = data.hProperties ?? {};
  const className = [...((existing.className as string[] | undefined) ?? []), ...((properties.className as string[] | undefined) ?? [])];
  data.hProperties = { ...existing, ...properties, ...(className.length > 0 && { className }) };
}
