import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrast } from "./colour";
import { servedSite } from "./served-site";

// Formulas as a reader sees them in Chromium: rendered at build time, styled by KaTeX's style sheet
// and fonts, which only a page with math loads.
const MATH_POST = `---
title: Euler
date: 2024-05-02
---

Euler's identity, $e^{i\\pi} + 1 = 0$, links five constants. It costs $5, or $10 with tax.

$$
\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2} \\qquad \\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi} \\qquad \\mathcal{F}(\\xi) = \\int_{-\\infty}^{\\infty} f(x)\\, e^{-2\\pi i x \\xi}\\, dx
$$

A broken one: $\\frac{1}$. Code stays code: \`$x$\`.

The norm of a long vector, $\\sqrt{a_1^2 + a_2^2 + a_3^2 + a_4^2 + a_5^2 + a_6^2 + a_7^2 + a_8^2 + a_9^2 + a_{10}^2 + a_{11}^2 + a_{12}^2}$, has no place to break.
`;

const PLAIN_POST = `---
title: Plain
date: 2024-05-01
---

No formulas here.
`;

const site = servedSite({ "posts/euler/index.md": MATH_POST, "posts/plain/index.md": PLAIN_POST });

/** A page, and every request it makes for KaTeX's style sheet or fonts. */
async function open(
  path: string,
  { width = 1280, colorScheme = "light" as "light" | "dark" } = {},
): Promise<{ page: Page; mathRequests: string[] }> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const mathRequests: string[] = [];
  page.on("request", (request) => {
    if (/math-styles|KaTeX_/.test(request.url())) mathRequests.push(request.url().replace(/^.*\/assets\//, ""));
  });
  // Until the network is idle: the page's script has run, so a click on a link navigates in the page.
  await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
  return { page, mathRequests };
}

describe("math", () => {
  it("shows formulas rendered at build time, with MathML for screen readers and KaTeX's fonts", async () => {
    const { page, mathRequests } = await open("/posts/euler/");
    const article = page.locator("article .post-content");
    expect(await article.locator(".katex").count()).toBe(3);
    expect(await article.locator(".katex .katex-mathml math annotation").first().textContent()).toBe("e^{i\\pi} + 1 = 0");
    // KaTeX's HTML is for the eye: screen readers read the MathML.
    expect(await article.locator(".katex-html").first().getAttribute("aria-hidden")).toBe("true");
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family));
    expect(loaded).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
    const fonts = mathRequests.filter((file) => file.startsWith("KaTeX_"));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((file) => !file.endsWith(".woff2"))).toEqual([]);
    // The style sheet is in the page itself: no request for it, before or after hydration.
    expect(await page.locator("style[data-href*='math-styles']").count()).toBe(1);
    expect(mathRequests.filter((file) => file.endsWith(".css"))).toEqual([]);
    await page.context().close();
  });

  it("leaves prices and code as written, and shows a broken formula's TeX in its place", async () => {
    const { page } = await open("/posts/euler/");
    const article = page.locator("article .post-content");
    expect(await article.innerText()).toContain("It costs $5, or $10 with tax.");
    expect(await article.locator("code").innerText()).toBe("$x$");
    expect(await article.locator(".katex-error").innerText()).toBe("\\frac{1}");
    await page.context().close();
  });

  it("scrolls a long display formula inside its block at 320 pixels, never the page", async () => {
    const { page } = await open("/posts/euler/", { width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const display = page.locator(".katex-display");
    expect(await display.evaluate((node) => node.scrollWidth > node.clientWidth && getComputedStyle(node).overflowX === "auto")).toBe(true);
    await page.context().close();
  });

  it("scrolls a long inline formula inside its paragraph at 320 pixels, never the page, by keyboard too", async () => {
    const { page } = await open("/posts/euler/", { width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const paragraph = page.locator("article .post-content p", { hasText: "The norm of a long vector" });
    // Tab reaches the paragraph, whose end the arrow keys bring into view.
    for (let presses = 0; presses < 40 && !(await paragraph.evaluate((node) => node === document.activeElement)); presses++)
      await page.keyboard.press("Tab");
    expect(await paragraph.evaluate((node) => node === document.activeElement)).toBe(true);
    const formulaEnd = () => paragraph.locator(".katex-html").evaluate((node) => node.getBoundingClientRect().right);
    const paragraphEnd = await paragraph.evaluate((node) => node.getBoundingClientRect().right);
    expect(await formulaEnd()).toBeGreaterThan(paragraphEnd); // wider than the column: its end is out of view…
    for (let presses = 0; presses < 30 && (await formulaEnd()) > paragraphEnd + 1; presses++) await page.keyboard.press("ArrowRight");
    expect(await formulaEnd()).toBeLessThanOrEqual(paragraphEnd + 1); // …until the arrow keys scroll it into view
    await page.context().close();
  });

  it("draws formulas in the text's colour in both schemes, and a broken one in a readable red", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await open("/posts/euler/", { colorScheme });
      const text = await page
        .locator("article .post-content p")
        .first()
        .evaluate((node) => getComputedStyle(node).color);
      expect(
        await page
          .locator(".katex")
          .first()
          .evaluate((node) => getComputedStyle(node).color),
      ).toBe(text);
      const errorContrast = async () => {
        const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        const error = await page.locator(".katex-error").evaluate((node) => getComputedStyle(node).color);
        return contrast(error, background);
      };
      expect(await errorContrast(), colorScheme).toBeGreaterThanOrEqual(4.5);
      // The reader's choice of the other scheme (the header's switch sets it), against the system's.
      const other = colorScheme === "light" ? "dark" : "light";
      await page.evaluate((scheme) => (document.documentElement.dataset.scheme = scheme), other);
      expect(await errorContrast(), `${other} chosen on a ${colorScheme} system`).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    }
  });

  it("ships each formula's HTML once, in the article, and keeps it as the page's script takes over", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // Every formula the document loses from its first parse on: were React to render the article
    // again as it hydrates (a mismatch), the formulas would go, and come back empty.
    await page.addInitScript(() => {
      const lost: string[] = ((window as unknown as { lostFormulas: string[] }).lostFormulas = []);
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.removedNodes)
            if (node instanceof Element && (node.matches(".katex") || node.querySelector(".katex"))) lost.push(node.outerHTML.slice(0, 80));
      }).observe(document, { childList: true, subtree: true });
    });
    const response = await page.goto(`${site.origin}/posts/euler/`, { waitUntil: "networkidle" });
    // React Router's data for hydrating the page, a JSON string in a script: the post, without its formulas' HTML.
    const data = JSON.parse(/streamController\.enqueue\(("(?:[^"\\]|\\.)*")\)/.exec(await response!.text())![1]) as string;
    expect(data).toContain("links five constants");
    expect(data).not.toContain("katex");
    // The page's data for navigating to it in the app still holds them.
    expect(await (await fetch(`${site.origin}/posts/euler/_.data`)).text()).toContain("katex");
    // Hydrated (React has taken the formula's element as its own), and nothing lost on the way.
    await expect
      .poll(() =>
        page.locator(".katex-display").evaluate((node) => Object.keys(node.parentElement!).some((key) => key.startsWith("__reactFiber"))),
      )
      .toBe(true);
    expect(await page.evaluate(() => (window as unknown as { lostFormulas: string[] }).lostFormulas)).toEqual([]);
    expect(await page.locator("article .post-content .katex").count()).toBe(3);
    expect(await page.locator(".katex-display annotation").textContent()).toContain("\\sum_{i=1}^{n} i");
    await context.close();
  });

  it("loads nothing of KaTeX on a page without math, and its style sheet when the reader goes on to a page with math", async () => {
    const { page, mathRequests } = await open("/posts/plain/");
    await page.evaluate(() => document.fonts.ready);
    expect(await page.content()).not.toMatch(/katex|math-styles/i);
    expect(mathRequests).toEqual([]);
    // The post after it, in the page: a client-side navigation.
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.locator("#post-title").innerText()).toBe("Euler");
    // Styled: KaTeX's MathML copy is visually hidden by the style sheet, fetched now as a file.
    await expect
      .poll(() =>
        page
          .locator(".katex-mathml")
          .first()
          .evaluate((node) => getComputedStyle(node).position),
      )
      .toBe("absolute");
    await expect.poll(() => mathRequests.some((file) => /^math-styles-.*\.css$/.test(file))).toBe(true);
    await page.context().close();
  });
});
