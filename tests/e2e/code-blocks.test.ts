import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrast } from "./colour";
import { servedSite } from "./served-site";

// Code blocks highlighted at build time (src/content/markdown/rehype-highlight.server.ts): the
// colours are in the page, the scheme picks them, and the fence's options show as a reader expects.
const POST = `---
title: Code
date: 2024-03-01
---

Some code:

\`\`\`python title="stats.py" {linenos=table,hl_lines=[2],linenostart=10}
def mean(xs):
    return sum(xs) / len(xs)  # average
\`\`\`

\`\`\`diff package.json
-  "version": "1.0.0"
+  "version": "1.1.0"
\`\`\`
`;

const site = servedSite({ "code.md": POST });

async function open(page: Page) {
  await page.goto(`${site.origin}/posts/code/`, { waitUntil: "networkidle" });
}

const colourOf = (page: Page, text: string) =>
  page
    .locator(".shiki span[style]", { hasText: text })
    .first()
    .evaluate((node) => getComputedStyle(node).color);
const backgroundOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => getComputedStyle(node).backgroundColor);

describe("a highlighted code block", () => {
  it("is coloured by the page itself, in the reader's scheme, switching with no re-render and no highlighting script", async () => {
    const context = await site.browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("response", async (response) => {
      if (response.url().endsWith(".js")) scripts.push(await response.text());
    });
    await open(page);
    const light = await colourOf(page, "def");
    const pre = page.locator("pre.shiki").first();
    const block = await pre.evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(contrast(light, block)).toBeGreaterThanOrEqual(4.5);
    expect(light).not.toBe(await colourOf(page, "mean"));

    // Mark the token's element: the same element after the switch means nothing was rendered again.
    await page
      .locator(".shiki span[style]", { hasText: "def" })
      .first()
      .evaluate((node) => node.setAttribute("data-seen", ""));
    await page.getByRole("combobox", { name: "Colour scheme" }).selectOption("dark");
    const dark = await colourOf(page, "def");
    expect(dark).not.toBe(light);
    expect(contrast(dark, await pre.evaluate((node) => getComputedStyle(node).backgroundColor))).toBeGreaterThanOrEqual(4.5);
    expect(await page.locator(".shiki span[data-seen]").count()).toBe(1);

    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/shiki|codeToTokens|tokenizeMaxLineLength/);
    await context.close();
  });

  it("shows its title, language, line numbers from the first number and its highlighted line; copying gives the code alone", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    const page = await context.newPage();
    await open(page);
    const figure = page.locator("figure.code-figure").first();
    expect(await figure.locator("figcaption").innerText()).toBe("stats.py");
    expect(await figure.locator("figcaption").evaluate((caption) => getComputedStyle(caption, "::after").content)).toBe('"Python"');
    // The numbers are counters in each line's ::before (never copied), starting at linenostart, in a column before the code.
    expect(await figure.locator("pre").evaluate((pre) => getComputedStyle(pre).counterReset)).toBe("line 9");
    const numbers = await figure.locator(".line").evaluateAll((lines) =>
      lines.map((line) => {
        const before = getComputedStyle(line, "::before");
        const token = line.querySelector("span")!.getBoundingClientRect().left - line.getBoundingClientRect().left;
        return [before.content, before.counterIncrement, token > 20];
      }),
    );
    expect(numbers).toEqual([
      ["counter(line)", "line 1", true],
      ["counter(line)", "line 1", true],
    ]);
    const [first, second] = await figure
      .locator(".line")
      .evaluateAll((lines) => lines.map((line) => getComputedStyle(line).backgroundColor));
    expect(first).toBe("rgba(0, 0, 0, 0)");
    expect(second).not.toBe(first);

    await figure.getByRole("button", { name: "Copy code" }).click();
    await expect.poll(() => figure.getByRole("status").innerText()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("def mean(xs):\n    return sum(xs) / len(xs)  # average\n");
    await context.close();
  });

  it("marks a diff's removed and added lines in different colours, under the file's name", async () => {
    const page = await site.browser.newPage();
    await open(page);
    const figure = page.locator("figure.code-figure").nth(1);
    expect(await figure.locator("figcaption").innerText()).toBe("package.json");
    expect(await figure.locator("figcaption").evaluate((caption) => getComputedStyle(caption, "::after").content)).toBe('"Diff"');
    const removed = await backgroundOf(page, ".shiki .deleted");
    const added = await backgroundOf(page, ".shiki .inserted");
    expect(new Set([removed, added, "rgba(0, 0, 0, 0)"]).size).toBe(3);
    await page.close();
  });

  it("scrolls a long line by keyboard: the block takes focus and the arrow keys scroll it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await open(page);
    const pre = page.locator("pre.shiki").first();
    await pre.focus();
    expect(await pre.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => pre.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
