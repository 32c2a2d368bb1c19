import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrast, luminance } from "./colour";
import { servedSite } from "./served-site";

// How an article reads: the header's colour scheme switch (components/scheme-switch.tsx), the system's
// scheme by default or the reader's choice, remembered and applied before the first paint on every
// page; and the article printed (app.css, @media print).
const POST = `---
title: Schemes
date: 2024-03-01
---

## A section

Read [the other post](../printed/) or [the spec](https://example.org/spec).[^spec]

[^spec]: The spec's second edition.

\`\`\`text
a_code_line_much_wider_than_a_phone_screen_that_must_scroll_inside_its_block_and_never_the_page_itself_0123456789
\`\`\`

| column one | column two | column three | column four | column five | column six | column seven |
|---|---|---|---|---|---|---|
| a wide table's cell | another wide cell | and another one | and one more | still more | wider still | the last |

https://example.org/a/very/long/address/with/no/spaces/in/it/that/a/phone/has/to/break/somewhere/0123456789

> [!NOTE]
> A callout, coloured for the scheme.

{{< auto-dark >}}
A diagram drawn for light backgrounds.
{{< /auto-dark >}}

<style>
@keyframes pulse { from { opacity: 0.2; } to { opacity: 1; } }
.pulse { animation: pulse 2s infinite alternate; transition: color 3s; }
</style>
<p class="pulse">A pulsing line.</p>
`;

async function open(page: Page, path = "/posts/schemes/") {
  await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
}

const DARK_NOTE = "rgb(68, 147, 248)"; // --alert of a note in the dark scheme (app.css)
const LIGHT_NOTE = "rgb(9, 105, 218)";

const site = servedSite({ "schemes.md": POST, "printed.md": "---\ntitle: Printed\ndate: 2024-02-01\n---\n\nThe other post.\n" });

describe("the colour scheme switch", () => {
  const isDark = async (page: Page) =>
    luminance(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)) < 0.1;
  const noteColour = (page: Page) => page.locator(".markdown-alert-note").evaluate((note) => getComputedStyle(note).borderLeftColor);
  const schemeSwitch = (page: Page) => page.getByRole("combobox", { name: "Colour scheme" });

  it("follows the system's scheme until the reader chooses one by keyboard, and remembers it", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await open(page);
    expect(await isDark(page)).toBe(true);
    expect(await schemeSwitch(page).inputValue()).toBe("system");

    // Tab from the skip link and the header's links to the switch, then choose "Light" with the arrow key.
    await expect
      .poll(async () => {
        await page.keyboard.press("Tab");
        return page.evaluate(() => document.activeElement?.tagName);
      })
      .toBe("SELECT");
    await page.keyboard.press("ArrowDown");
    expect(await schemeSwitch(page).inputValue()).toBe("light");
    expect(await isDark(page)).toBe(false);
    expect(await noteColour(page)).toBe(LIGHT_NOTE);
    const text = await page
      .locator(".post-content p")
      .first()
      .evaluate((node) => getComputedStyle(node).color);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);

    // Another visit, and another page, keep it.
    await page.reload({ waitUntil: "networkidle" });
    expect(await isDark(page)).toBe(false);
    expect(await schemeSwitch(page).inputValue()).toBe("light");
    await page.getByRole("link", { name: "Tags" }).click();
    await page.getByRole("heading", { level: 1, name: /Tags/ }).waitFor();
    expect(await isDark(page)).toBe(false);

    // "System" forgets the choice.
    await schemeSwitch(page).selectOption("system");
    expect(await isDark(page)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("folio-scheme"))).toBeNull();
    await context.close();
  });

  it("applies a remembered choice before the page's scripts run, so the page never flashes the other scheme", async () => {
    const context = await site.browser.newContext({ colorScheme: "light" });
    await context.addInitScript(() => localStorage.setItem("folio-scheme", "dark"));
    const page = await context.newPage();
    // No script of the site's bundle runs: only the page's inline scheme script, allowed by its CSP hash.
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    await open(page);
    expect(await isDark(page)).toBe(true);
    expect(await noteColour(page)).toBe(DARK_NOTE);
    expect(await page.locator(".auto-dark").evaluate((node) => getComputedStyle(node).filter)).toContain("invert(1)");
    expect(refused).toEqual([]);
    await context.close();
  });

  it("shows the chosen scheme on the 404 page too, which has no switch (it runs no React)", async () => {
    const context = await site.browser.newContext({ colorScheme: "light" });
    await context.addInitScript(() => localStorage.setItem("folio-scheme", "dark"));
    const page = await context.newPage();
    await open(page, "/no-such-page/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await isDark(page)).toBe(true);
    expect(await schemeSwitch(page).count()).toBe(0);
    await context.close();
  });

  it("follows a choice made in another tab of the site", async () => {
    const context = await site.browser.newContext({ colorScheme: "light" });
    const [first, second] = [await context.newPage(), await context.newPage()];
    await open(first);
    await open(second);
    await schemeSwitch(second).selectOption("dark");
    await expect.poll(() => isDark(first)).toBe(true);
    expect(await schemeSwitch(first).inputValue()).toBe("dark");
    await context.close();
  });
});

describe("the site's header", () => {
  it("keeps the title, the links and the article in place while its search field and scheme switch are still arriving", async () => {
    // A browser may paint a page before it has read all of the header (seen as a layout shift in a
    // busy CI run): the page as painted then is this one, with the last two controls not there yet.
    for (const width of [320, 390, 700, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await open(page);
      const places = () =>
        page.evaluate(() =>
          [".site-title", ".site-header nav", "main"].map((selector) => {
            const { x, y, width } = document.querySelector(selector)!.getBoundingClientRect();
            return `${selector}: ${Math.round(x)},${Math.round(y)} ${Math.round(width)} wide`;
          }),
        );
      const whole = await places();
      await page.evaluate(() => document.querySelectorAll(".site-search, .scheme-switch").forEach((control) => control.remove()));
      expect(await places(), `${width} px wide`).toEqual(whole);
      await context.close();
    }
  });
});

describe("a printed article", () => {
  it("prints the article alone, each link's address after its text, in light colours whatever the scheme on screen", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => page.locator(".toc").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-header", ".site-footer", ".toc", ".post-footer", ".post-nav", ".copy-code"])
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    expect(await page.getByRole("heading", { level: 1, name: "Schemes" }).isVisible()).toBe(true);
    const after = (name: string) => page.getByRole("link", { name }).evaluate((link) => getComputedStyle(link, "::after").content);
    expect(await after("the spec")).toBe('" (https://example.org/spec)"');
    expect(await after("the other post")).toBe('" (/posts/printed/)"');
    expect(luminance(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))).toBeGreaterThan(0.9);
    // Chromium prints it.
    expect((await page.pdf()).length).toBeGreaterThan(1000);
    await context.close();
  });
});

describe("motion", () => {
  it("runs a post's own animation, unless the reader asked for less motion: then nothing moves", async () => {
    const motion = async (reducedMotion: "reduce" | "no-preference") => {
      const context = await site.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await open(page);
      const style = await page.locator(".pulse").evaluate((node) => {
        const computed = getComputedStyle(node);
        return [computed.animationName, computed.animationDuration, computed.animationIterationCount, computed.transitionDuration];
      });
      await context.close();
      return style;
    };
    expect(await motion("no-preference")).toEqual(["pulse", "2s", "infinite", "3s"]);
    expect(await motion("reduce")).toEqual(["pulse", "0s", "1", "0s"]);
  });
});

describe("an article on a phone", () => {
  it("never scrolls sideways at 320 px: a long code line and a wide table scroll inside their blocks", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const block of ["pre", "table"]) {
      const { scrollWidth, clientWidth } = await page.locator(`.post-content ${block}`).evaluate((node) => ({
        scrollWidth: node.scrollWidth,
        clientWidth: node.clientWidth,
      }));
      expect(scrollWidth, block).toBeGreaterThan(clientWidth);
    }
    await context.close();
  });

  it("links a footnote both ways", async () => {
    const page = await site.browser.newPage();
    await open(page);
    await page.locator("sup a[data-footnote-ref]").click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/fn-spec$/);
    const note = page.locator("li", { hasText: "second edition" });
    expect(await note.isVisible()).toBe(true);
    await note.locator("a[data-footnote-backref]").click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/fnref-spec$/);
    await page.close();
  });
});

describe("a code block's copy button", () => {
  it("copies the code by keyboard and says so", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    const page = await context.newPage();
    await open(page);
    const button = page.getByRole("button", { name: "Copy code" });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".code-block").getByRole("status").innerText()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "a_code_line_much_wider_than_a_phone_screen_that_must_scroll_inside_its_block_and_never_the_page_itself_0123456789\n",
    );
    await context.close();
  });

  it("is not shown where it could not work, without JavaScript", async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false });
    await open(page);
    expect(await page.locator(".post-content pre").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Copy code" }).count()).toBe(0);
    await page.close();
  });
});
