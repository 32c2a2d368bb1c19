import {
  closingTag,
  parseShortcodes,
  ShortcodeError,
  type ShortcodeCall,
  type ShortcodeNode,
  type SyntaxOptions,
} from "./shortcode-syntax";

/**
 * How a shortcode reads what is between its tags: rendered as Markdown, as the text written, as HTML
 * (the text written, placed as markup; the sanitiser checks it as a post's own HTML), or not at all
 * (it has no closing tag).
 */
export type InnerContent = "markdown" | "text" | "html" | "none";

/** What expands shortcodes: the known shortcodes, each rendered to HTML. */
export interface ShortcodeRenderer {
  /** How the shortcode called reads its inner content; undefined for a shortcode nobody defined. */
  innerOf(call: ShortcodeCall): InnerContent | undefined;
  /**
   * The shortcode's HTML, given its inner content (HTML for "markdown", the text for "text" and "html") and
   * `markdownify`, which renders a line of Markdown (a caption) to HTML. Throws a ShortcodeError
   * (its line is the call's) for a bad argument.
   */
  render(call: ShortcodeCall, inner: string | undefined, markdownify: (markdown: string) => string): string;
}

/** A text with its shortcodes replaced by placeholders, and each placeholder's HTML, in order. */
export interface ExpandedShortcodes {
  markdown: string;
  outputs: string[];
}

/**
 * Shortcodes' outputs stand in the Markdown as placeholders, words that Markdown leaves alone, as
 * Hugo's `HAHAHUGOSHORTCODE-s0-HBHB` do; rehype-shortcodes.ts puts each output in its place in the
 * HTML tree, before the sanitiser sees it.
 */
export const placeholder = (index: number) => `FOLIOSHORTCODE${index}END`;
export const PLACEHOLDER = /FOLIOSHORTCODE(\d+)END/g;

/** HTML that starts with a block (a figure, a callout), which replaces the paragraph its placeholder stands alone in; other output stays in it. */
export function isBlockHtml(html: string): boolean {
  return (
    html.trim() === "" ||
    /^\s*<(?:address|article|aside|blockquote|details|div|dl|figure|h[1-6]|hr|ol|p|pre|section|style|table|ul)[\s>/]/i.test(html)
  );
}

/**
 * Expands the shortcodes in a Markdown text (Hugo's `{{< >}}` and `{{% %}}`): each becomes a
 * placeholder, and its HTML is rendered by `renderer`, its inner content first (Markdown, with the
 * shortcodes nested in it). `toHtml` renders Markdown to HTML for inner content, with the outputs of
 * its placeholders in place, unsanitised: the whole article goes through the sanitiser afterwards. An unknown shortcode is reported through
 * `unknown` and shows its inner content. Throws a ShortcodeError at the line of the problem.
 */
export function expandShortcodes(
  text: string,
  renderer: ShortcodeRenderer,
  toHtml: (markdown: string, outputs: readonly string[]) => string,
  unknown: (call: ShortcodeCall) => void,
  syntax: SyntaxOptions = {},
): ExpandedShortcodes {
  const outputs: string[] = [];
  const markdownify = (markdown: string) => unwrapParagraph(toHtml(markdown, outputs));

  const expand = (nodes: readonly ShortcodeNode[]): string =>
    nodes.map((node) => (typeof node === "string" ? node : placeholder(outputs.push(htmlOf(node)) - 1))).join("");

  /** A call's inner content, rendered as a whole with its nested shortcodes in place. */
  const innerHtml = (call: ShortcodeCall & { inner: object }): string => {
    const html = toHtml(expand(call.inner.nodes), outputs);
    // A shortcode within a line (`{{% mark %}}**this**{{% /mark %}}`) holds a phrase, not a paragraph.
    return call.inner.source.includes("\n") ? html : unwrapParagraph(html);
  };

  const htmlOf = (node: Exclude<ShortcodeNode, string>): string => {
    if (node.type === "literal") return escapeHtml(node.value);
    const reads = renderer.innerOf(node);
    if (reads === undefined) {
      unknown(node);
      return node.inner ? innerHtml({ ...node, inner: node.inner }) : "";
    }
    const closing = closingTag(node);
    if (reads === "none" && node.inner)
      throw new ShortcodeError(node.line, `\`${node.name}\` takes no inner content, yet it has a closing tag: remove ${closing}`);
    if (reads !== "none" && !node.inner && !node.selfClosed)
      throw new ShortcodeError(
        node.line,
        `\`${node.name}\` is never closed: end its content with ${closing}` +
          (node.delimiter === "liquid" ? "" : ` (or write it self-closed, \`${node.name} … /\`)`),
      );
    const inner = !node.inner
      ? undefined
      : reads === "markdown"
        ? innerHtml({ ...node, inner: node.inner })
        : reads === "html"
          ? // HTML as written, with the HTML of the shortcodes nested in it (DoIt's aplayer holds audio tracks).
            trimNewlines(expand(node.inner.nodes)).replace(PLACEHOLDER, (_, index: string) => outputs[Number(index)] ?? "")
          : trimNewlines(node.inner.source);
    return renderer.render(node, inner, markdownify);
  };

  return { markdown: expand(parseShortcodes(text, syntax)), outputs };
}

/** `<p>text</p>`, one paragraph, as its text: a caption or a phrase in a line. */
function unwrapParagraph(html: string): string {
  const trimmed = html.trim();
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(trimmed)?.[1];
  return inner !== undefined && !inner.includes("<p>") ? inner : trimmed;
}

/** A block's text without the line breaks after its opening tag and before its closing one. */
function trimNewlines(text: string): string {
  return text.replace(/^[ \t]*\r?\n/, "").replace(/\r?\n[ \t]*$/, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** HTML as its text, for an attribute or an image's alt text: tags dropped, the entities HTML writers escape read back (Hugo's `plainify`). */
export function plainify(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
