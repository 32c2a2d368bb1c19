import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { toString } from "mdast-util-to-string";
import remarkTypographer from "./remark-typographer";

const typeset = (markdown: string) => {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  remarkTypographer()(tree);
  return tree;
};
const text = (markdown: string) => toString(typeset(markdown));

describe("remarkTypographer", () => {
  it("curls double and single quotes, and the apostrophe in a contraction", () => {
    expect(text(`"Quoted" and 'single', it's 'ours'.`)).toBe("“Quoted” and ‘single’, it’s ‘ours’.");
  });

  it("sets dashes, ellipses and angle quotes as goldmark does", () => {
    expect(text("en -- em --- and so... << guillemets >>")).toBe("en – em — and so… « guillemets »");
  });

  it("pairs quotes across emphasis and links", () => {
    expect(text(`"**bold** words" and "[a link](https://example.org)"`)).toBe("“bold words” and “a link”");
  });

  it("leaves code, raw HTML and autolinked addresses as written", () => {
    const tree = typeset('`"code" --` and <span title="a--b">x</span> and https://example.org/a--b');
    expect(JSON.stringify(tree)).toContain('"value":"\\"code\\" --"');
    expect(JSON.stringify(tree)).toContain('<span title=\\"a--b\\">');
    expect(toString(tree)).toContain("https://example.org/a--b");
  });
});
