import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { forEachElement } from "./hast-elements";
import { markdownToHast } from "./pipeline";
import type { MathProblem } from "./rehype-katex.server";

/** The article HTML of a Markdown text, and the formulas KaTeX reported. */
function article(markdown: string) {
  const problems: MathProblem[] = [];
  const html = toHtml(markdownToHast(markdown, { math: { report: (problem) => problems.push(problem) } }));
  return { html, problems };
}

/** Every element's tag name and every attribute an article's elements carry, for what must never be there. */
function markupOf(markdown: string) {
  const tree: Root = markdownToHast(markdown);
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const values: string[] = [];
  forEachElement(tree, (node) => {
    tags.add(node.tagName);
    for (const [name, value] of Object.entries(node.properties)) {
      attributes.add(name);
      values.push(String(value));
    }
  });
  return { tags, attributes, values };
}

/** The TeX of each formula an article shows, as its MathML keeps it, with how it shows. */
function formulasIn(html: string): string[] {
  return Array.from(
    html.matchAll(/<math [^>]*?(display="block")?>.*?<annotation encoding="application\/x-tex">(.*?)<\/annotation>/g),
    ([, block, tex]) => `${block ? "display" : "inline"}: ${tex.replace(/&#x26;/g, "&").replace(/&#x3C;/g, "<")}`,
  );
}

describe("rehype-katex: formulas rendered at build time", () => {
  it("renders each formula as MathML for screen readers and KaTeX's HTML, hidden from them, for the eye", () => {
    const { html, problems } = article("Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\int_0^1 x\\,dx\n$$");
    expect(formulasIn(html)).toEqual(["inline: e^{i\\pi} + 1 = 0", "display: \\int_0^1 x\\,dx"]);
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(problems).toEqual([]);
  });

  it("lets the keyboard reach a paragraph whose formula may be wider than a phone, and no other", () => {
    const long = `\\sqrt{${Array.from({ length: 12 }, (_, index) => `a_{${index + 1}}^2`).join(" + ")}}`;
    const { html } = article(`Short: $E = mc^2$.\n\nLong: $${long}$.\n\n- In a list: $${long}$`);
    expect(html.match(/<(p|li)( [^>]*)?>/g)).toEqual(["<p>", '<p tabindex="0">', "<li>"]);
  });

  it("renders chemical equations (mhchem), as LoveIt and FixIt do", () => {
    const { html, problems } = article("$$\\ce{CO2 + C -> 2 CO}$$");
    expect(problems).toEqual([]);
    expect(html).toContain('<mi mathvariant="normal">O</mi>');
  });

  it("shows a formula KaTeX cannot read in red, as written, in its place, and reports it", () => {
    const { html, problems } = article("Before $x^$ after, and $\\undefinedmacro x$.");
    expect(html).toMatch(
      /^<p>Before <span class="math math-inline"><span class="katex-error" title="[^"]*" style="color:var\(--math-error, #cc0000\)">x\^<\/span><\/span> after/,
    );
    expect(problems).toEqual([
      { tex: "x^", message: "Expected group after '^'" },
      { tex: "\\undefinedmacro x", message: "Undefined control sequence: \\undefinedmacro" },
    ]);
  });

  it("trusts no command that links, loads, names or styles: they show in red, and are reported", () => {
    const markdown =
      "$\\href{javascript:alert(1)}{x}$ $\\url{https://example.com}$ $\\htmlStyle{position:fixed;inset:0}{x}$ " +
      "$\\htmlClass{site-header}{x}$ $\\htmlId{post-title}{x}$ $\\htmlData{x=1}{x}$ $\\includegraphics{https://example.com/a.png}$";
    const { tags, attributes, values } = markupOf(markdown);
    expect([...tags].filter((tag) => ["a", "img"].includes(tag))).toEqual([]);
    expect([...attributes].filter((name) => ["href", "src", "id"].includes(name) || name.startsWith("data"))).toEqual([]);
    expect(values.filter((value) => /position:fixed|site-header/.test(value))).toEqual([]);
    expect(article(markdown).problems.map((problem) => problem.message)).toEqual(
      ["href", "url", "htmlStyle", "htmlClass", "htmlId", "htmlData", "includegraphics"].map(
        (command) => `\`\\${command}\`: a post's math may not link, load or style (shown in red)`,
      ),
    );
  });

  it("reads markup in TeX as text: it never becomes an element", () => {
    const { tags, attributes } = markupOf("$<img src=x onerror=alert(1)>$ and $$</span><script>alert(1)</script>$$");
    expect([...tags].filter((tag) => ["img", "script"].includes(tag))).toEqual([]);
    expect([...attributes].filter((name) => name.toLowerCase().startsWith("on"))).toEqual([]);
  });

  it("leaves MathML to KaTeX: a post's own <math> goes through the sanitiser, which removes it", () => {
    const { tags } = markupOf('<math><mi href="javascript:alert(1)">x</mi></math>');
    expect([...tags].filter((tag) => ["math", "mi"].includes(tag))).toEqual([]);
  });

  it("renders nothing for a post without math", () => {
    const html = toHtml(markdownToHast("$x$ and \\(y\\)", { math: false }));
    expect(html).toBe("<p>$x$ and (y)</p>");
  });

  it("uses the post's macros, and a \\gdef of one formula in the next", () => {
    const html = toHtml(
      markdownToHast("$\\RR$ and $\\gdef\\half{\\frac12}$ then $\\half$", { math: { macros: { "\\RR": "\\mathbb{R}" } } }),
    );
    expect(html).toContain('<mi mathvariant="double-struck">R</mi>');
    expect(html).toContain("<mfrac><mn>1</mn><mn>2</mn></mfrac>");
  });
});
