import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { forEachElement } from "./markdown/hast-elements";
import type { Heading } from "./post";

/** Every heading of the rendered article, with the id the renderer gives it. */
export function headingsOf(tree: Root): Heading[] {
  const headings: Heading[] = [];
  forEachElement(tree, (node) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (!match || typeof node.properties.id !== "string") return;
    headings.push({
      depth: Number(match[1]) as Heading["depth"],
      id: node.properties.id,
      text: textOf({ type: "root", children: [node] }),
    });
  });
  return headings;
}

/** Elements after which text reads as a new line: their words never run into the next ones'. */
const BLOCKS = new Set(
  "address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ol p pre section summary table td th tr ul".split(
    " ",
  ),
);

/**
 * The text a reader reads: no markup, no style sheets, whitespace collapsed, a space between blocks
 * (a shortcode's HTML has no line breaks between them). Without `code`, code blocks are left out:
 * a summary is prose, and an escaped shortcode in a code block is no summary's text.
 */
export function textOf(tree: Root, { code = true }: { code?: boolean } = {}): string {
  const parts: string[] = [];
  const collect = (parent: Root | Element) => {
    for (const node of parent.children) {
      if (node.type === "text") parts.push(node.value);
      else if (node.type !== "element" || node.tagName === "style" || node.tagName === "script") continue;
      else if ((node.tagName === "pre" || isCodeCaption(node)) && !code) parts.push(" ");
      // A formula reads as its TeX (KaTeX's MathML keeps it in its annotation); KaTeX's HTML is the same formula for the eye.
      else if (node.tagName === "math") parts.push(texOf(node));
      else if (Array.isArray(node.properties.className) && node.properties.className.includes("katex-html")) continue;
      else {
        collect(node);
        if (BLOCKS.has(node.tagName)) parts.push(" ");
      }
    }
  };
  collect(tree);
  return collapse(parts.join(""));
}

/** A highlighted code block's title (rehype-highlight.server.ts): part of the code, not of the prose. */
function isCodeCaption(node: Element): boolean {
  return node.tagName === "figcaption" && Array.isArray(node.properties.className) && node.properties.className.includes("code-caption");
}

/** A KaTeX formula's TeX, from its MathML. */
function texOf(math: Element): string {
  let tex: string | undefined;
  forEachElement(math, (node) => {
    if (node.tagName === "annotation") tex ??= toString(node);
  });
  return tex ?? toString(math);
}

const MORE = /<!--\s*(?:more|truncate)\s*-->/i;

/** The Markdown before a `<!--more-->` (or `<!-- more -->`, `<!--truncate-->`) divider, if the post has one. */
export function textBeforeMore(markdown: string): string | undefined {
  const match = MORE.exec(markdown);
  return match ? markdown.slice(0, match.index) : undefined;
}

const words = new Intl.Segmenter("en", { granularity: "word" });
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Counts words the way readers do, including in scripts without spaces (Chinese, Japanese).
 * Segmenting a whole post at once takes time that grows with the square of its length, so only the
 * space-separated runs that need a dictionary are segmented.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const run of text.split(/\s+/)) {
    if (NO_SPACES.test(run)) {
      for (const segment of words.segment(run)) if (segment.isWordLike) count++;
    } else if (/[\p{L}\p{N}]/u.test(run)) {
      count++;
    }
  }
  return count;
}

/** Minutes to read at Hugo's 213 words a minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / 213));
}

/** The first `limit` words of a text (Hugo's summaryLength, 70), with an ellipsis when cut. */
export function firstWords(text: string, limit = 70): string {
  // 70 words fit well within the first few thousand characters; segmenting more is wasted (and slow).
  const head = text.slice(0, limit * 60);
  let count = 0;
  for (const segment of words.segment(head)) {
    if (segment.isWordLike && ++count > limit)
      return `${head
        .slice(0, segment.index)
        .trimEnd()
        .replace(/[,;:.]$/, "")}…`;
  }
  return head.length < text.length ? `${head.trimEnd()}…` : text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
