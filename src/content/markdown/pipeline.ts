import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import type { Root } from "hast";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified, type PluggableList } from "unified";
import rehypeClobberedAnchors from "./rehype-clobbered-anchors";
import rehypeReparse from "./rehype-reparse";
import rehypeScopeStyles from "./rehype-scope-styles";

/**
 * What a post's HTML may contain: GitHub's allow-list (rehype-sanitize's default schema, which
 * drops `<script>`, `on*` handlers, `javascript:` URLs, forms, frames and `<meta>`), plus
 * `<style>` (scoped to the article by rehypeScopeStyles), `class` on any element so that style
 * can target the post's own markup, and a few harmless inline and figure elements.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "style", "figure", "figcaption", "mark", "abbr", "small", "cite", "u", "caption"],
  attributes: {
    ...defaultSchema.attributes,
    "*": [...(defaultSchema.attributes?.["*"] ?? []), "className"],
  },
};

/** remark-rehype options: footnote ids are left unprefixed because rehype-sanitize prefixes them. */
export const remarkRehypeOptions: RemarkRehypeOptions = { allowDangerousHtml: true, clobberPrefix: "" };

/** Markdown syntax: CommonMark plus GitHub's tables, task lists, footnotes, strikethrough and autolinks. */
export const remarkPlugins: PluggableList = [remarkGfm];

/**
 * HTML steps, in order: parse raw HTML, sanitise it, repair in-page links to sanitised ids, scope
 * `<style>` to the article, give headings ids (github-slugger, the same slugs the TOC links to), and
 * last, reparse the result as a browser would (see rehype-reparse.ts).
 */
export const rehypePlugins: PluggableList = [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  rehypeClobberedAnchors,
  rehypeScopeStyles,
  rehypeSlug,
  rehypeReparse,
];

const processor = unified().use(remarkParse).use(remarkPlugins).use(remarkRehype, remarkRehypeOptions).use(rehypePlugins);

/** Runs Markdown through the steps above: react-markdown's processor with the site's plugins, giving the article's HTML tree. */
export function markdownToHast(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}
