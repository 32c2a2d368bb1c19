import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import rehypeScopeStyles, { scopeCss, unscopeCss } from "./rehype-scope-styles";

describe("rehypeScopeStyles", () => {
  it("wraps each <style> of a post in @scope, rooted where the style sits", () => {
    const style: Element = {
      type: "element",
      tagName: "style",
      properties: { media: "print" },
      children: [{ type: "text", value: "\n  img { border-radius: 25px; }\n" }],
    };
    const tree: Root = { type: "root", children: [style] };
    rehypeScopeStyles()(tree);
    expect(style.children).toEqual([{ type: "text", value: "@scope {\nimg { border-radius: 25px; }\n}" }]);
    // Attributes go: a `media` or `scoped` attribute would change where or whether the scope applies.
    expect(style.properties).toEqual({});
  });

  it("escapes `<` so that no `</style>` inside the CSS can end the block early", () => {
    expect(scopeCss('p::after { content: "</style><script>" }')).toBe('@scope {\np::after { content: "\\3C /style>\\3C script>" }\n}');
  });

  it("gives back the post's own CSS from a scoped sheet, and leaves other text as it is", () => {
    expect(unscopeCss(scopeCss("h1 { color: teal }"))).toBe("h1 { color: teal }");
    expect(unscopeCss("h1 { color: teal }")).toBe("h1 { color: teal }");
  });
});
