import type { Root } from "hast";
import type { Code } from "mdast";
import { toHtml } from "hast-util-to-html";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import { defListHastHandlers, remarkDefinitionList } from "remark-definition-list";
import remarkGemoji from "remark-gemoji";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype, { defaultHandlers, type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified, type PluggableList, type Processor } from "unified";
import rehypeAlerts from "./rehype-alerts";
import rehypeClobberedAnchors from "./rehype-clobbered-anchors";
import rehypeCustomHeadingIds from "./rehype-custom-heading-ids";
import rehypeTaskLabels from "./rehype-task-labels";
import rehypeHighlight, { type HighlightData } from "./rehype-highlight.server";
import rehypeKatex, { type MathOptions } from "./rehype-katex.server";
import rehypeLoveItSyntax from "./rehype-loveit-syntax";
import rehypeReparse from "./rehype-reparse";
import rehypeScopeStyles from "./rehype-scope-styles";
import rehypeShortcodes from "./rehype-shortcodes";
import remarkAttributes from "./remark-attributes";
import remarkDirectives from "./remark-directives";
import remarkMath from "./remark-math";
import remarkTypographer from "./remark-typographer";

/**
 * What a post's HTML may contain: GitHub's allow-list (rehype-sanitize's default schema, which
 * drops `<script>`, `on*` handlers, `javascript:` URLs, forms, frames and `<meta>`), plus
 * `<style>` (scoped to the article by rehypeScopeStyles), `class` and `style` on any element so
 * that a post can style its own markup (the build checks every style as it checks `<style>`:
 * post-css.server.ts), a heading id its author chose (rehypeCustomHeadingIds), the marks of an
 * interactive shortcode (an island: src/shortcodes/render.server.tsx; a post that writes them
 * itself calls a site's island, as its shortcode would), `<audio controls>` that loads nothing until
 * played, and a few harmless inline and figure elements.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "style", "figure", "figcaption", "mark", "abbr", "small", "cite", "u", "caption", "audio"],
  attributes: {
    // GitHub limits classes on some elements to its own (`language-*` on code, `sr-only` on h2); a
    // post may use any class on any element, as it may style its article.
    ...Object.fromEntries(
      Object.entries(defaultSchema.attributes ?? {}).map(([tag, allowed]) => [
        tag,
        allowed.map((attribute) => (Array.isArray(attribute) && attribute[0] === "className" ? "className" : attribute)),
      ]),
    ),
    "*": [...(defaultSchema.attributes?.["*"] ?? []), "className", "style"],
    ...Object.fromEntries(["h1", "h2", "h3", "h4", "h5", "h6"].map((heading) => [heading, ["dataHeadingId"]])),
    div: [...(defaultSchema.attributes?.div ?? []), "dataFolioIsland", "dataFolioProps"],
    span: [...(defaultSchema.attributes?.span ?? []), "dataFolioInner"],
    // A code block's fence options (```go {hl_lines=[2]}), read by rehypeHighlight; a post's own <code data-meta> may set them too.
    code: [...(defaultSchema.attributes?.code ?? []).map((attribute) => (Array.isArray(attribute) ? attribute[0] : attribute)), "dataMeta"],
    // The browser's own player (the audio, aplayer and music shortcodes), fetching nothing before the reader presses play.
    audio: ["src", "controls", ["preload", "none"]],
  },
  // Links may also call a phone number (`tel:`), as a contact page's do.
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), "tel"] },
};

/**
 * remark-rehype options: footnote ids are left unprefixed because rehype-sanitize prefixes them;
 * definition lists become <dl>; a code block keeps what follows its fence's language (its "meta":
 * ```js title="app.js" {1,3}) as `data-meta`, which mdast-util-to-hast would keep only in the
 * node's data, lost when rehype-raw reparses the tree.
 */
export const remarkRehypeOptions: RemarkRehypeOptions = {
  allowDangerousHtml: true,
  clobberPrefix: "",
  handlers: {
    ...defListHastHandlers,
    code(state, node: Code) {
      const pre = defaultHandlers.code(state, node);
      const code = pre.children[0];
      if (node.meta && code?.type === "element") code.properties.dataMeta = node.meta;
      return pre;
    },
  },
};

/**
 * Markdown syntax: CommonMark plus GitHub's tables, task lists, footnotes, strikethrough and
 * autolinks, and what Hugo's Markdown (goldmark) adds by default: definition lists, attribute lists
 * (`## Title {#id .class}`), emoji shortcodes (`:smile:`, GitHub's names, as Hugo's `enableEmoji`),
 * and typographic quotes, dashes and ellipses (goldmark's typographer: `--` –, `---` —, `...` …;
 * never in code); and Docusaurus's admonitions (`:::note`), as callouts (remark-directives.ts).
 */
export const remarkPlugins: PluggableList = [remarkGfm, remarkDefinitionList, remarkAttributes, remarkDirective, remarkDirectives];

/** Text substitutions on top of the syntax: emoji shortcodes and the typographer. */
export const remarkTypography: PluggableList = [remarkGemoji, remarkTypographer];

/**
 * Math as LoveIt and FixIt write it (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`; math-syntax.ts), read from
 * the Markdown; rehypeKatex renders it with KaTeX once the HTML is sanitised.
 */
export const remarkMathSyntax: PluggableList = [remarkMath];

/**
 * HTML steps, in order: put shortcodes' HTML in place of their placeholders, parse raw HTML,
 * sanitise it, give headings the ids their authors chose, repair in-page links to sanitised ids,
 * turn GitHub alerts (`> [!NOTE]`) into callouts, name task lists' checkboxes, read LoveIt's extended syntax (ruby, fractions, `{?{}`),
 * scope `<style>` to the article, give the other headings ids (github-slugger, the same slugs the
 * TOC links to), render math with KaTeX (after the sanitiser: only KaTeX's own output carries its
 * styles; after the ids: a heading's id comes from its TeX), and last, reparse the result as a
 * browser would (see rehype-reparse.ts). Code blocks are highlighted
 * with Shiki (after the sanitiser: only Shiki's own output carries its colours).
 */
export const rehypePlugins: PluggableList = [
  rehypeShortcodes,
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  rehypeCustomHeadingIds,
  rehypeClobberedAnchors,
  rehypeAlerts,
  rehypeTaskLabels,
  rehypeLoveItSyntax,
  rehypeScopeStyles,
  rehypeSlug,
  rehypeKatex,
  rehypeHighlight,
  rehypeReparse,
];

/** The article pipeline with typography and math each on or off, built once each. */
const processors = new Map<string, Processor>();
function articleProcessor(typography: boolean, math: boolean, html: "article" | "unsanitised"): Processor {
  const key = `${typography} ${math} ${html}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkPlugins)
      .use(math ? remarkMathSyntax : [])
      .use(typography ? remarkTypography : [])
      .use(remarkRehype, remarkRehypeOptions)
      .use(html === "article" ? rehypePlugins : [rehypeShortcodes]) as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

/** Options for markdownToHast. */
export interface MarkdownOptions {
  /**
   * Replace emoji shortcodes, straight quotes, `--`, `---` and `...` as Hugo does (default true).
   * The CommonMark and GFM spec suites turn it off: the specs define the text as written.
   */
  typography?: boolean;
  /** The HTML of the shortcodes whose placeholders the Markdown holds (expandShortcodes in shortcodes.ts). */
  shortcodes?: readonly string[];
  /**
   * Math: read and rendered (default), with the post's macros and where to report a formula KaTeX
   * cannot read; `false` reads `$` and `\(` as CommonMark does (a post's `math: false`, and the spec suites).
   */
  math?: MathOptions | false;
  /**
   * Code blocks highlighted (default), with where to report a language Folio cannot highlight;
   * `false` leaves them as CommonMark writes them (the spec suites).
   */
  highlight?: HighlightData["highlight"];
}

/** Runs Markdown through the steps above: react-markdown's processor with the site's plugins, giving the article's HTML tree. */
export function markdownToHast(markdown: string, { typography = true, shortcodes, math = {}, highlight = {} }: MarkdownOptions = {}): Root {
  const chosen = articleProcessor(typography, math !== false, "article");
  return chosen.runSync(chosen.parse(markdown), { value: markdown, data: { shortcodes, math, highlight } }) as Root;
}

/**
 * Markdown as HTML with its raw HTML kept, for a shortcode's inner content, with the HTML of the
 * shortcodes nested in it in place of their placeholders (as in the article: rehype-shortcodes.ts):
 * the shortcode's own HTML wraps it, and the article's steps above (the sanitiser first) then run
 * over the whole.
 */
export function markdownToUnsanitisedHtml(
  markdown: string,
  shortcodes?: readonly string[],
  { math = true }: { math?: boolean } = {},
): string {
  const unsanitised = articleProcessor(true, math, "unsanitised");
  const tree = unsanitised.runSync(unsanitised.parse(markdown), { value: markdown, data: { shortcodes } }) as Root;
  return toHtml(tree, { allowDangerousHtml: true });
}
