import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markdownToHast } from "./pipeline";

/** A post's article HTML, callout icons left out. */
const html = (markdown: string) => toHtml(markdownToHast(markdown)).replace(/<svg[\s\S]*?<\/svg>/g, "<svg/>");

describe("Docusaurus's admonitions (remark-directives.ts)", () => {
  it("are callouts, as a GitHub alert of the same kind is", () => {
    const tags = (markdown: string) => html(markdown).replace(/>\s+</g, "><");
    expect(tags(":::tip\nTry it.\n:::\n")).toBe(tags("> [!TIP]\n> Try it.\n"));
    expect(html(":::danger\nCareful.\n:::\n")).toContain(
      '<div class="markdown-alert markdown-alert-caution"><p class="markdown-alert-title"><svg/>Danger</p>',
    );
    expect(html(":::info\nX\n:::\n")).toContain("<svg/>Info</p>");
  });

  it("take their title from the label or the title attribute, and keep their Markdown", () => {
    expect(html(":::tip[Try **this**]\nBody *text*.\n\nMore.\n:::\n")).toBe(
      '<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title"><svg/>Try <strong>this</strong></p>\n<p>Body <em>text</em>.</p>\n<p>More.</p>\n</div>',
    );
    expect(html(':::note{title="Heads up"}\nX\n:::\n')).toContain("<svg/>Heads up</p>");
  });

  it("nest, with more colons outside", () => {
    const nested = html("::::note\nouter\n:::tip\ninner\n:::\n::::\n");
    expect(nested).toMatch(/markdown-alert-note[\s\S]*<p>outer<\/p>[\s\S]*markdown-alert-tip[\s\S]*<p>inner<\/p>/);
  });

  it("leave text with colons as written: words, times, emoji shortcodes", () => {
    expect(html("Time:now and a:b{c}, ratio 3:1, at 10:30.\n")).toBe("<p>Time:now and a:b{c}, ratio 3:1, at 10:30.</p>");
    expect(html("Hi :smile: and :+1:\n")).toBe("<p>Hi 😄 and 👍</p>");
    expect(html("::leaf[label]{a=b}\n")).toBe("<p>::leaf[label]{a=b}</p>");
  });

  it("keep an unknown block's fences as text around its content", () => {
    expect(html(":::details\nHidden *text*\n:::\n")).toBe("<p>:::details</p>\n<p>Hidden <em>text</em></p>\n<p>:::</p>");
  });
});
