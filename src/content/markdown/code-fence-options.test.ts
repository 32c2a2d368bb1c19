import { describe, expect, it } from "vitest";
import { fenceOptions } from "./code-fence-options";

const lines = (meta: string) => [...fenceOptions(meta).highlightedLines].sort((a, b) => a - b);

describe("a code fence's options, as each generator writes them", () => {
  it("Hugo's: line numbers, their first number, and highlighted lines counted from the block's first line", () => {
    expect(fenceOptions('{linenos=table,hl_lines=[8,"15-17"],linenostart=199}')).toEqual({
      firstLineNumber: 199,
      highlightedLines: new Set([8, 15, 16, 17]),
    });
    expect(fenceOptions("{linenos=inline}").firstLineNumber).toBe(1);
    expect(fenceOptions("{linenos=false,hl_lines=2}")).toEqual({ highlightedLines: new Set([2]) });
    // The highlight shortcode's "linenos=table,hl_lines=8 15-17" (rehype-highlight gets it in braces).
    expect(lines("{linenos=table,hl_lines=8 15-17}")).toEqual([8, 15, 16, 17]);
    expect(lines('hl_lines="3-4 6"')).toEqual([3, 4, 6]);
  });

  it("Docusaurus's and Astro's: line ranges in braces, a quoted title, showLineNumbers with or without its first number", () => {
    expect(fenceOptions('{1,3-5} title="src/app.js" showLineNumbers')).toEqual({
      title: "src/app.js",
      firstLineNumber: 1,
      highlightedLines: new Set([1, 3, 4, 5]),
    });
    expect(fenceOptions("showLineNumbers=5").firstLineNumber).toBe(5);
    expect(fenceOptions("title='with spaces.txt'").title).toBe("with spaces.txt");
  });

  it("Hexo's and Jekyll's: a bare word is the title, a link after it is not; `linenos` alone numbers the lines", () => {
    expect(fenceOptions("package.json")).toEqual({ title: "package.json", highlightedLines: new Set() });
    expect(fenceOptions("Array.map https://example.com/map").title).toBe("Array.map");
    expect(fenceOptions("{linenos}").firstLineNumber).toBe(1);
  });

  it("no options, unknown ones and nonsense give a plain block, and a huge range stays bounded", () => {
    expect(fenceOptions(undefined)).toEqual({ highlightedLines: new Set() });
    expect(fenceOptions("{style=monokai,anchorlinenos=true}")).toEqual({ highlightedLines: new Set() });
    expect(fenceOptions("{hl_lines=[x]} linenostart=abc")).toEqual({ highlightedLines: new Set() });
    expect(fenceOptions("{1-999999999}").highlightedLines.size).toBe(10_001);
  });
});
