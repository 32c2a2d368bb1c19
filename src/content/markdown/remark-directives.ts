import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import type { VFile } from "vfile";
import { knownCalloutKind } from "./callout-kinds";

type Directive = ContainerDirective | LeafDirective | TextDirective;

/**
 * Docusaurus's admonitions (`:::note`, `:::tip`, `:::info`, `:::warning`, `:::danger`, `:::caution`,
 * with a title as `:::tip[Try this]` or `:::tip{title="Try this"}`), read by remark-directive, become
 * the quote a GitHub alert is (`> [!TIP] Try this`), so that rehype-alerts makes every callout the same
 * way. Any other directive is put back as the text it was written as: remark-directive also reads
 * `:name` in running text (`Time:now`, `a:b`) and `::name` lines, which in a Hugo post are text, and a
 * `:::name` block Folio does not know keeps its fences as text around its content.
 */
export default function remarkDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const rewrite = (children: RootContent[]): RootContent[] =>
      mergeTexts(
        children.flatMap((node): RootContent[] => {
          if ("children" in node) node.children = rewrite(node.children as RootContent[]) as typeof node.children;
          if (!isDirective(node)) return [node];
          if (node.type === "containerDirective") return containerDirective(node, source);
          const text: PhrasingContent = { type: "text", value: writtenAs(node, source) };
          return [node.type === "leafDirective" ? paragraph([text]) : text];
        }),
      );
    tree.children = rewrite(tree.children);
  };
}

function isDirective(node: RootContent): node is Directive {
  return node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective";
}

function containerDirective(node: ContainerDirective, source: string): RootContent[] {
  const labelled = node.children[0]?.type === "paragraph" && node.children[0].data?.directiveLabel;
  const label = labelled ? (node.children[0] as Paragraph).children : undefined;
  const body = labelled ? node.children.slice(1) : node.children;
  const callout = knownCalloutKind(node.name);
  if (!callout) {
    // Its fences as written, its content as Markdown between them.
    const [open, close] = fences(node, source);
    return [paragraph([{ type: "text", value: open }]), ...body, ...(close ? [paragraph([{ type: "text", value: close }])] : [])];
  }
  const title: PhrasingContent[] = label ?? (node.attributes?.title ? [{ type: "text", value: node.attributes.title }] : []);
  const marker: PhrasingContent = { type: "text", value: `[!${node.name.toUpperCase()}]${title.length ? " " : ""}` };
  return [{ type: "blockquote", children: [paragraph([marker, ...title]), ...(body as BlockContent[])] }];
}

/** Adjacent text joined, as the parser gives it: `:smile:` was read as a directive and a colon, and emoji shortcodes are found in one text. */
function mergeTexts(nodes: RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === "text" && last?.type === "text") merged[merged.length - 1] = { ...last, value: last.value + node.value };
    else merged.push(node);
  }
  return merged;
}

const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });

/** A directive's source text. */
function writtenAs(node: Directive, source: string): string {
  const { start, end } = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : `:${node.name}`;
}

/** A container directive's opening line and its closing fence (if it has one), as written. */
function fences(node: ContainerDirective, source: string): [string, string | undefined] {
  const text = writtenAs(node, source);
  const lines = text.split(/\r?\n/);
  const last = lines.at(-1)?.trim();
  return [lines[0].trim(), lines.length > 1 && last && /^:{3,}$/.test(last) ? last : undefined];
}
