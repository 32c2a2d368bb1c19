import { toHtml } from "hast-util-to-html";
import { markdownToHast, markdownToUnsanitisedHtml } from "../content/markdown/pipeline";
import type { SyntaxOptions } from "../content/markdown/shortcode-syntax";
import { expandShortcodes } from "../content/markdown/shortcodes";
import { shortcodeRenderer } from "./render.server";

/**
 * For a shortcode's test: the article HTML a post with this Markdown (and front matter `params`)
 * shows, through the whole article pipeline and its sanitiser, with the warnings a build would
 * print (`3: unknown shortcode …`). A shortcode's problem throws as the build's would. With
 * `{ liquid: true }`, Liquid tags are read too, as in a Jekyll post. Code blocks are left as the
 * shortcodes wrote them unless `{ highlight: true }` (their highlighting is rehype-highlight's, tested there).
 */
export function shortcodeHtml(
  markdown: string,
  params: Record<string, unknown> = {},
  syntax: SyntaxOptions = {},
  { highlight = false }: { highlight?: boolean } = {},
): { html: string; warnings: string[] } {
  const warnings: string[] = [];
  // As a post's `math: false` says (parse-post.server.ts reads the other forms too).
  const math = params.math !== false;
  const renderer = shortcodeRenderer(params, (call, message) => warnings.push(`${call.line}: ${message}`));
  const expanded = expandShortcodes(
    markdown,
    renderer,
    (text, outputs) => markdownToUnsanitisedHtml(text, outputs, { math }),
    (call) => warnings.push(`${call.line}: unknown shortcode \`${call.name}\``),
    syntax,
  );
  const tree = markdownToHast(expanded.markdown, { shortcodes: expanded.outputs, math: math && {}, highlight: highlight && {} });
  return { html: toHtml(tree).replaceAll("\n", ""), warnings };
}
