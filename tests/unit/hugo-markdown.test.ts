// @vitest-environment node
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markdownToHast } from "../../src/content/markdown/pipeline";
import { parsePost } from "../../src/content/parse-post.server";

// What Hugo's Markdown (goldmark, with its default extensions) adds to CommonMark and GFM, as a post's article shows it.
const html = (markdown: string) => toHtml(markdownToHast(markdown)).replace(/\n/g, "");

describe("Hugo's Markdown", () => {
  it("gives a heading the id and classes of its attribute list, which links and the table of contents use", () => {
    const { article } = parsePost({
      file: "posts/a.md",
      source: "---\ntitle: T\ndate: 2024-01-01\n---\n\n## Setting up {#setup .step}\n\n[Jump](#setup)\n",
    });
    expect(article.headings).toEqual([{ depth: 2, id: "setup", text: "Setting up" }]);
    expect(html("## Setting up {#setup .step}\n\n[Jump](#setup)")).toBe(
      '<h2 class="step" id="setup">Setting up</h2><p><a href="#setup">Jump</a></p>',
    );
  });

  it("gives a paragraph the class and style of the list after it", () => {
    expect(html('Lead text.\n{.lead style="font-size: 1.2em"}')).toBe('<p style="font-size: 1.2em" class="lead">Lead text.</p>');
  });

  it("keeps a raw HTML style attribute", () => {
    expect(html('<p style="text-align: center">Centred</p>')).toBe('<p style="text-align: center">Centred</p>');
  });

  it("leaves out, with a warning naming the line, a style attribute a post's <style> could not have", () => {
    const parse = (body: string) => parsePost({ file: "posts/a.md", source: `---\ntitle: T\ndate: 2024-01-01\n---\n\n${body}\n` });
    const tracking = parse('Text.\n{style="background: url(https://t.example/p.gif)"}');
    expect(JSON.stringify(tracking.article.content)).not.toContain("t.example");
    expect(tracking.warnings).toEqual([
      {
        file: "posts/a.md",
        line: 7,
        message:
          "a style attribute loads https://t.example/p.gif: a post's style may only use its own files (url(chart.png)) or data:image URLs (left out; the element is shown without it)",
      },
    ]);
    const broken = parse('<p style="color: red; }">Still shown</p>');
    expect(broken.warnings.map((warning) => [warning.line, warning.message.split(" (")[0]])).toEqual([
      [6, "a style attribute is not valid CSS"],
    ]);
    expect(JSON.stringify(broken.article.content)).toContain("Still shown");
  });

  it("reads definition lists", () => {
    expect(html("Apple\n:   A pomaceous fruit.\n\nOrange\n:   A citrus fruit.")).toBe(
      "<dl><dt>Apple</dt><dd>A pomaceous fruit.</dd><dt>Orange</dt><dd>A citrus fruit.</dd></dl>",
    );
  });

  it("sets quotes, dashes and ellipses as goldmark's typographer does, but never in code", () => {
    expect(html('"Quoted" and \'single\' -- en --- em... `"code" -- ...`')).toBe(
      '<p>“Quoted” and ‘single’ – en — em… <code>"code" -- ...</code></p>',
    );
    expect(html('```\n"fenced" --\n```')).toBe('<pre><code>"fenced" --</code></pre>');
  });

  it("turns emoji shortcodes into emoji (Hugo's enableEmoji), but not in code or unknown names", () => {
    expect(html(":smile: :tada: `:smile:` :not-an-emoji:")).toBe("<p>😄 🎉 <code>:smile:</code> :not-an-emoji:</p>");
  });

  it("renders GitHub alerts as callouts with their icon, which the sanitiser (before it) would have removed", () => {
    // Each kind, titles and folding: rehype-alerts.test.ts.
    const out = html("> [!WARNING]\n> Read this.");
    expect(out).toContain('<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title"><svg');
    expect(out).toContain("</svg>Warning</p><p>Read this.</p></div>");
    expect(html("> Just a quote.")).toBe("<blockquote><p>Just a quote.</p></blockquote>");
  });
});
