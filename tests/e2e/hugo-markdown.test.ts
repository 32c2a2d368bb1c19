import { describe, expect, it } from "vitest";
import { contrast } from "./colour";
import { servedSite } from "./served-site";

// Hugo's Markdown, as a reader sees it in Chromium: callouts, definition lists, chosen heading ids,
// emoji and typography, in the light and the dark colour scheme.
const POST = `---
title: Hugo's Markdown
date: 2024-04-01
---

Intro with "quotes" -- and an emoji :rocket:.

## Setting up {#setup .step}

Apple
:   A pomaceous fruit.

> [!WARNING]
> Mind the gap.

> [!TIP]
> Try it out.

> [!NOTE]- Spoiler ahead
> The butler did it.
`;

describe("Hugo's Markdown in the browser", () => {
  const site = servedSite({ "hugo-markdown.md": POST });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows GitHub alerts as labelled callouts in the ${colorScheme} scheme, each kind in its own colour`, async () => {
      const page = await site.browser.newPage({ colorScheme });
      await page.goto(`${site.origin}/posts/hugo-markdown/`);
      const warning = page.locator(".markdown-alert-warning");
      const tip = page.locator(".markdown-alert-tip");
      await expect.poll(() => warning.locator(".markdown-alert-title").innerText()).toBe("Warning");
      expect(await warning.innerText()).toContain("Mind the gap.");
      expect(await warning.locator("svg").isVisible()).toBe(true);
      const colour = (element: typeof warning) => element.evaluate((node) => getComputedStyle(node).borderLeftColor);
      const titleColour = (element: typeof warning) =>
        element
          .locator(".markdown-alert-title")
          .evaluate((node) => [getComputedStyle(node).color, getComputedStyle(node.closest(".markdown-alert")!).backgroundColor]);
      expect(await colour(warning)).not.toBe(await colour(tip));
      const [text, background] = await titleColour(warning);
      expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
      await page.close();
    });
  }

  it("opens and closes a foldable callout from the keyboard", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/posts/hugo-markdown/`);
    const summary = page.getByText("Spoiler ahead");
    const secret = page.getByText("The butler did it.");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await secret.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => secret.isVisible()).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => secret.isVisible()).toBe(false);
    await page.close();
  });

  it("gives the heading the id its author chose, which the table of contents links to, and reads definition lists, emoji and typography", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/posts/hugo-markdown/`);
    const heading = page.getByRole("heading", { name: "Setting up" });
    expect(await heading.getAttribute("id")).toBe("setup");
    expect(await heading.getAttribute("class")).toBe("step");
    await page
      .getByRole("navigation", { name: /contents/i })
      .getByRole("link", { name: "Setting up" })
      .click();
    await page.waitForURL(/#setup$/);
    expect(await page.locator("dl dt").innerText()).toBe("Apple");
    expect(await page.locator("dl dd").innerText()).toBe("A pomaceous fruit.");
    expect(await page.locator(".post-content p").first().innerText()).toBe("Intro with “quotes” – and an emoji 🚀.");
    await page.close();
  });
});
