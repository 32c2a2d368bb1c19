import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkMath from "./remark-math";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const parse = (markdown: string) => processor.runSync(processor.parse(markdown)) as Root;

/** Each formula of a text, in order: its TeX, and how it shows (`inline`, `display` within a paragraph, `block` on lines of its own). */
function formulas(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "inlineMath")
      found.push(`${(node.data?.hProperties?.className as string[]).includes("math-display") ? "display" : "inline"}: ${node.value}`);
    else if (node.type === "math") found.push(`block: ${node.value}`);
    else if ("children" in node) node.children.forEach(walk);
  };
  walk(parse(markdown));
  return found;
}

/** The text a paragraph shows with its formulas left out. */
const prose = (markdown: string) => {
  const tree = parse(markdown);
  const strip = (node: Nodes): void => {
    if ("children" in node) node.children = node.children.filter((child) => child.type !== "inlineMath" && child.type !== "math") as never;
    if ("children" in node) node.children.forEach(strip);
  };
  strip(tree);
  return toString(tree);
};

describe("math syntax: the delimiters LoveIt and FixIt render", () => {
  it("reads $…$ as inline math and $$…$$ as display math", () => {
    expect(formulas("Euler: $e^{i\\pi} + 1 = 0$, and $$\\sum_{i=1}^n i$$ too.")).toEqual([
      "inline: e^{i\\pi} + 1 = 0",
      "display: \\sum_{i=1}^n i",
    ]);
  });

  it("reads \\(…\\) and \\[…\\] as written (Hugo's passthrough): no Markdown inside", () => {
    expect(formulas("\\(a_1 * b_2 * c\\) and \\[x_{*}^{*}\\]")).toEqual(["inline: a_1 * b_2 * c", "display: x_{*}^{*}"]);
  });

  it("reads LoveIt's escaped forms \\\\(…\\\\) and \\\\[…\\\\], the TeX as LoveIt's Markdown leaves it", () => {
    // LoveIt's docs: `\\` is written `\\\\`, `_` may be written `\_`.
    expect(formulas("\\\\(\\mathbf{E}\\_{i}\\\\) and \\\\[ a=b+c \\\\\\\\ d+e=f \\\\]")).toEqual([
      "inline: \\mathbf{E}_{i}",
      "display: a=b+c \\\\ d+e=f",
    ]);
  });

  it("reads LoveIt's environments on their own, delimiters included, as LoveIt's Markdown leaves them", () => {
    expect(formulas("\\begin{align}\n  a&=b+c \\\\\\\\\n  d+e&=f\n\\end{align}")).toEqual([
      "block: \\begin{align}\n  a&=b+c \\\\\n  d+e&=f\n\\end{align}",
    ]);
  });

  it("reads display math on lines of its own whole: a line in it is never a list or a heading", () => {
    expect(formulas("$$\na = b\n- c\n# d\n$$\n\nAfter.")).toEqual(["block: a = b\n- c\n# d"]);
    expect(formulas("\\[\n\\int_D F\\,dV\n\\]")).toEqual(["block: \\int_D F\\,dV"]);
    expect(formulas("$$ c = \\pm\\sqrt{a^2 + b^2} $$")).toEqual(["block: c = \\pm\\sqrt{a^2 + b^2}"]);
  });

  it("ends display math at a blank line or the end of its block quote: without a closing delimiter it is text", () => {
    expect(formulas("$$\na = b\n\n$$")).toEqual([]);
    expect(formulas("> $$\n> a = b\n\n$$")).toEqual([]);
    expect(formulas("> $$\n> a = b\n> $$")).toEqual(["block: a = b"]);
  });
});

describe("math syntax: what stays text", () => {
  it("leaves prices as text (Pandoc's rule: no space inside the dollars, no digit after the closing one)", () => {
    expect(formulas("it costs $5, or $10 with tax")).toEqual([]);
    expect(prose("it costs $5, or $10 with tax")).toBe("it costs $5, or $10 with tax");
    expect(formulas("from $5–$10, or US$20 and US$30")).toEqual([]);
    expect(formulas("5$ or 6$")).toEqual([]);
  });

  it("leaves an escaped dollar as a dollar, and reads one inside a formula as TeX", () => {
    expect(formulas("\\$x$ costs")).toEqual([]);
    expect(prose("\\$x$ costs")).toBe("$x$ costs");
    expect(formulas("$\\$5 + x$")).toEqual(["inline: \\$5 + x"]);
  });

  it("closes $ only outside braces", () => {
    expect(formulas("$\\text{for $x$ here}$")).toEqual(["inline: \\text{for $x$ here}"]);
  });

  it("leaves math in code spans and code blocks as code", () => {
    expect(formulas("`$x$` and `\\(y\\)`\n\n```\n$$\nz\n$$\n```\n\n    $w$")).toEqual([]);
  });

  it("leaves a delimiter with no closing one as Markdown reads it", () => {
    expect(prose("a \\(b and \\[c")).toBe("a (b and [c");
    expect(prose("a \\\\(b")).toBe("a \\(b");
  });
});
