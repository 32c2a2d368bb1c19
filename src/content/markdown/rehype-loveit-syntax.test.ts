import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import rehypeLoveItSyntax from "./rehype-loveit-syntax";

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeLoveItSyntax);
const run = (markdown: string) => toHtml(processor.runSync(processor.parse(markdown)) as Root);

describe("rehypeLoveItSyntax", () => {
  it("reads LoveIt's {?X} as X, in text and in code", () => {
    expect(run("Write {?{}{< raw >}} here.")).toBe("<p>Write {{&#x3C; raw >}} here.</p>");
    expect(run("```\n{?{}{< raw >}}\n```")).toBe("<pre><code>{{&#x3C; raw >}}\n</code></pre>");
  });

  it("shows ruby and fractions, and leaves Font Awesome icons out", () => {
    expect(run("[Hugo]^(An open-source static site generator) is fast.")).toBe(
      "<p><strong><ruby>Hugo<rt>An open-source static site generator</rt></ruby></strong> is fast.</p>",
    );
    expect(run("Scored [90]/[100] today.")).toBe("<p>Scored <sup>90</sup>/<sub>100</sub> today.</p>");
    expect(run(":(far fa-bookmark): Bookmark this page, :(fab fa-github fa-fw): here.")).toBe("<p>Bookmark this page, here.</p>");
  });

  it("leaves code, links and braces that are not its syntax alone", () => {
    expect(run("`[a]/[b]` and `:(fas fa-x):`")).toBe("<p><code>[a]/[b]</code> and <code>:(fas fa-x):</code></p>");
    expect(run("A set {?} and {x?}, a [link](https://example.com/) and :(not an icon):.")).toBe(
      '<p>A set {?} and {x?}, a <a href="https://example.com/">link</a> and :(not an icon):.</p>',
    );
  });
});
