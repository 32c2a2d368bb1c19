import { toHtml } from "hast-util-to-html";
import { describe, expect, it, vi } from "vitest";
import { markdownToHast } from "./pipeline";

/** Whether each line of the HTML's code blocks is highlighted, in order. */
const highlightedLines = (html: string) => [...html.matchAll(/<span class="line( highlighted)?">/g)].map((match) => Boolean(match[1]));

function highlight(markdown: string) {
  const reported: string[] = [];
  const html = toHtml(markdownToHast(markdown, { highlight: { report: (language) => reported.push(language) } }));
  return { html, reported };
}

/** The WCAG contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

describe("code blocks highlighted at build time", () => {
  it("colours each token with a light and a dark colour, in the page's markup (no script)", () => {
    const { html } = highlight("```python\ndef mean(xs):\n    return sum(xs) / len(xs)  # average\n```");
    expect(html).toContain(
      '<pre class="shiki" tabindex="0"><code class="language-python"><span class="line"><span style="color:light-dark(#CF222E,#FF7B72)">def</span>',
    );
    expect(html).toContain('data-language="Python"');
    // Tokens in the block's own colour are plain text: their style would repeat the block's.
    expect(html).not.toMatch(/#1F2328,#E6EDF3/i);
  });

  it("gives tokens the themes' font styles and backgrounds: Markdown's emphasis italic and its strong text bold, a diff's hunk header bold", () => {
    const { html } = highlight("```markdown\nSome *emphasis* and **strong** text.\n```\n\n```diff\n@@ -1 +1 @@\n-old\n+new\n```");
    expect(html).toMatch(/<span style="[^"]*font-style:italic">\*emphasis\*<\/span>/);
    expect(html).toMatch(/<span style="[^"]*font-weight:bold">\*\*strong\*\*<\/span>/);
    expect(html).toContain('<span style="color:light-dark(#8250DF,#D2A8FF);font-weight:bold">@@ -1 +1 @@</span>');
  });

  it("colours a line however long the machine takes over it (a busy machine gave plain lines in one build, coloured in the next)", () => {
    const quick = highlight("```ruby\ndef total(items) = items.sum(&:price)\n```").html;
    // Each reading of the clock a second after the last, as if every step of tokenising were slow.
    let now = Date.now();
    const clock = vi.spyOn(Date, "now").mockImplementation(() => (now += 1000));
    try {
      expect(highlight("```ruby\ndef total(items) = items.sum(&:price)\n```").html).toBe(quick);
    } finally {
      clock.mockRestore();
    }
  });

  it("every colour of both themes reads at WCAG AA (4.5:1) on the site's code background in its scheme", () => {
    const { html } = highlight(
      [
        "```js",
        "// comment",
        "const s = `t${1}`; /re/g; class A extends B { #p = null }",
        "```",
        "```css",
        "a:hover { color: #fff !important }",
        "```",
        "```diff",
        "- a",
        "+ b",
        "```",
      ].join("\n"),
    );
    const pairs = [...html.matchAll(/light-dark\((#[0-9A-F]{6}),(#[0-9A-F]{6})\)/gi)];
    expect(pairs.length).toBeGreaterThan(10);
    for (const [, light, dark] of pairs) {
      expect(contrast(light, "#f6f8fa"), light).toBeGreaterThanOrEqual(4.5);
      expect(contrast(dark, "#151b23"), dark).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("reads the fence's options: title, line numbers from a number, highlighted lines", () => {
    const { html } = highlight('```go title="main.go" {linenos=table,hl_lines=[2],linenostart=10}\na()\nb()\nc()\n```');
    expect(html).toContain('<figure class="code-figure"><figcaption class="code-caption" data-language="Go">main.go</figcaption>');
    expect(html).toContain('<pre class="shiki line-numbers" tabindex="0" style="counter-reset:line 9">');
    expect(highlightedLines(html)).toEqual([false, true, false]);
  });

  it("reads Docusaurus's magic comments: the lines they mark are highlighted, the comments themselves gone", () => {
    const { html } = highlight(
      [
        "```js",
        "a();",
        "// highlight-next-line",
        "b();",
        "c();",
        "/* highlight-start */",
        "d();",
        "e();",
        "/* highlight-end */",
        "f(); // highlight-next-line is code here",
        "```",
      ].join("\n"),
    );
    expect(html).not.toMatch(/highlight-(start|end)|\/\/ highlight-next-line<\/span><\/span>/);
    expect(highlightedLines(html)).toEqual([false, true, false, true, true, false]);
    const python = highlight("```python\n# highlight-next-line\nx = 1\ny = 2\n```").html;
    expect(highlightedLines(python)).toEqual([true, false]);
  });

  it("marks a diff's added and removed lines, not its file headers", () => {
    const { html } = highlight("```diff\n--- a/x\n+++ b/x\n-old\n+new\n same\n```");
    expect([...html.matchAll(/<span class="(line[^"]*)">/g)].map((match) => match[1])).toEqual([
      "line",
      "line",
      "line deleted",
      "line inserted",
      "line",
    ]);
  });

  it("shows a language it does not know as plain text and reports it once; plain-text names are not reported", () => {
    const { html, reported } = highlight(
      "```klingon\nqapla'\n```\n\n```klingon\nbatlh\n```\n\n```text\nplain\n```\n\n```golang\nfunc a() {}\n```",
    );
    expect(reported).toEqual(["klingon"]);
    expect(html).toContain('<code class="language-klingon"><span class="line">qapla\'</span>');
    expect(html).toContain('data-language="Go"');
  });

  it("leaves diagrams, blocks without a language and raw code elements alone, and the spec suites' blocks when turned off", () => {
    expect(highlight("```mermaid\ngraph TD; A-->B\n```").html).toBe('<pre><code class="language-mermaid">graph TD; A-->B\n</code></pre>');
    expect(highlight("```\nplain\n```").html).toBe("<pre><code>plain\n</code></pre>");
    expect(toHtml(markdownToHast("```js\nx\n```", { highlight: false }))).toBe('<pre><code class="language-js">x\n</code></pre>');
  });

  it("keeps a figure's own caption: a block in the author's (or a shortcode's) figure gets no second one", () => {
    const { html } = highlight('<figure><figcaption>Setup</figcaption>\n\n```sh title="setup.sh"\nnpm ci\n```\n\n</figure>');
    expect(html.match(/<figcaption/g)).toHaveLength(1);
    expect(html).toContain('<pre class="shiki" tabindex="0"><code class="language-sh">');
  });

  it("keeps the text exactly, escapes included, so the copy button copies the code as written", () => {
    const code = 'if (a < b && c > "d") { return `<script>${x}</script>`; }\n\ttabbed\n';
    const { html } = highlight("```js\n" + code + "```");
    expect(html).not.toContain("<script>");
    const text = html
      .replace(/<[^>]+>/g, "")
      .replaceAll("&#x3C;", "<")
      .replaceAll("&#x26;", "&");
    expect(text).toBe(code);
  });
});
