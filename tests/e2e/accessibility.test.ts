import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// axe-core's checks (WCAG 2 A and AA, and its best practices) on every kind of page, in both colour
// schemes, on a phone and a desktop: no violation anywhere.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const POST = `---
title: Every kind of content
date: 2024-03-01
tags: [accessibility]
categories: [Testing]
---

A paragraph with [a link](https://example.org/), \`inline code\`, **bold** and a footnote.[^1]

[^1]: The footnote.

## Code

\`\`\`js
const answer = 42; // a comment
console.log(\`The answer is \${answer}\`);
\`\`\`

## Callouts

> [!NOTE]
> A GitHub note.

> [!WARNING]
> A warning.

{{< admonition tip "A tip" >}}
LoveIt's admonition.
{{< /admonition >}}

## Math

Inline, $E = mc^2$, one wider than a phone, $\\sqrt{\\frac{a_1^2}{b_1} + \\frac{a_2^2}{b_2} + \\frac{a_3^2}{b_3} + \\frac{a_4^2}{b_4} + \\frac{a_5^2}{b_5} + \\frac{a_6^2}{b_6} + \\frac{a_7^2}{b_7} + \\frac{a_8^2}{b_8} + \\frac{a_9^2}{b_9} + \\frac{a_{10}^2}{b_{10}} + \\frac{a_{11}^2}{b_{11}} + \\frac{a_{12}^2}{b_{12}}}$, and displayed:

$$
\\int_0^1 x^2 \\, dx = \\frac{1}{3}
$$

## A diagram

\`\`\`mermaid
flowchart LR
  accTitle: From draft to page
  draft[Draft] -->|review| post[Post] --> page[Page]
\`\`\`

{{< mermaid >}}
sequenceDiagram
  Author->>Site: a post
  Note right of Site: built
  Site-->>Reader: its page
{{< /mermaid >}}

## A table

| Language | Typing |
|---|---|
| TypeScript | static |
| Python | dynamic |

## A list of tasks

- [x] done
- [ ] to do
`;

const PAGES = {
  home: "/",
  "a post with code, math, callouts, a diagram, a table and footnotes": "/posts/every-kind/",
  "the sample post, with its images": "/posts/ai-personalized-cancer-treatment/",
  "the archive": "/posts/",
  "the tag list": "/tags/",
  "a tag page": "/tags/accessibility/",
  "the 404 page": "/no-such-page/",
};

describe("accessibility (axe-core)", () => {
  const site = servedSite({ "every-kind.md": POST }, { bundledPosts: true });

  /** axe's violations on the page: each rule's id and the elements that break it. */
  async function violations(page: Page): Promise<string[]> {
    // Run as the test's own script, which the page's Content-Security-Policy does not govern.
    await page.evaluate(AXE);
    const results = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
    return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`);
  }

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [390, 1280]) {
      it(`finds no violation on any page, ${colorScheme} scheme, ${width} px wide`, async () => {
        const context = await site.browser.newContext({ colorScheme, viewport: { width, height: 900 } });
        const found: Record<string, string[]> = {};
        for (const [name, path] of Object.entries(PAGES)) {
          const page = await context.newPage();
          await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
          if (path === "/posts/every-kind/") {
            // The post's formulas are there to be checked: two inline (one scrolls on a phone), one displayed.
            expect(await page.locator(".katex").count()).toBe(3);
            // And its diagrams, drawn by the build.
            expect(await page.locator(".diagram-image svg").count()).toBe(2);
          }
          const problems = await violations(page);
          if (problems.length) found[name] = problems;
          await page.close();
        }
        await context.close();
        expect(found).toEqual({});
      });
    }
  }
});

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
