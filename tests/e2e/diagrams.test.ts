import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// Mermaid diagrams as a reader sees them in Chromium: the source as a code block in the page, drawn
// as SVG by Mermaid's code, which only a page with a diagram loads, when the diagram comes near.
const DIAGRAM_POST = `---
title: Diagrams
date: 2024-05-02
---

A fence:

\`\`\`mermaid
flowchart LR
  accTitle: How a post is built
  accDescr: Markdown goes through the pipeline and becomes a page.
  md[Markdown] --> pipe[Pipeline] --> page[Page]
\`\`\`

And LoveIt's shortcode:

{{< mermaid >}}
sequenceDiagram
  Reader->>Site: opens a post
  Site-->>Reader: the page
{{< /mermaid >}}
`;

const PLAIN_POST = `---
title: Plain
date: 2024-05-01
---

No diagrams here.
`;

// A diagram that tries to leave its box: script in a label and a link, style for the page's body, a
// theme and a looser security level of its own.
const HOSTILE_POST = `---
title: Hostile diagram
date: 2024-05-03
---

\`\`\`mermaid
%%{init: {"securityLevel": "loose", "theme": "forest", "themeCSS": "body { display: none; } .label { color: red; }"}}%%
flowchart LR
  a["<img src=x onerror=window.hacked=1> <script>window.hacked=2</script>label"] --> b[Target]
  click b href "javascript:window.hacked=3"
  classDef evil fill:#f00,color:#f00
  class a evil
  style b fill:#f00
  b --> c[Plain]
\`\`\`

Text after the diagram.
`;

// A diagram three screens down: the page does not load Mermaid until the reader scrolls near it.
const LONG_POST = `---
title: Long
date: 2024-04-29
---

${Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} of the text before the diagram.`).join("\n\n")}

\`\`\`mermaid
flowchart TD
  start[Start] --> finish[Finish]
\`\`\`
`;

// A diagram that asks for the ELK layout, which the site draws with dagre (build/mermaid-static.server.ts serves no ELK).
const ELK_POST = `---
title: ELK
date: 2024-04-28
---

\`\`\`mermaid
%%{init: {"layout": "elk"}}%%
flowchart TD
  start[Start] --> finish[Finish]
\`\`\`
`;

// A block diagram, which Mermaid 12.3 draws only if the page's <html> can be turned into JSON.
const BLOCK_POST = `---
title: Block
date: 2024-04-27
---

\`\`\`mermaid
block-beta
columns 2
  client["Reader"] site["Site"]
\`\`\`
`;

const BROKEN_POST = `---
title: Broken diagram
date: 2024-04-30
---

\`\`\`mermaid
flowchart LR
  a --> (
\`\`\`
`;

const site = servedSite({
  "posts/diagrams/index.md": DIAGRAM_POST,
  "posts/plain/index.md": PLAIN_POST,
  "posts/hostile/index.md": HOSTILE_POST,
  "posts/broken/index.md": BROKEN_POST,
  "posts/long/index.md": LONG_POST,
  "posts/elk/index.md": ELK_POST,
  "posts/block/index.md": BLOCK_POST,
});

/** A page, and the scripts it loaded: their file names, and which of them are Mermaid's own code. */
async function open(
  path: string,
  { colorScheme = "light" as "light" | "dark", javaScriptEnabled = true } = {},
): Promise<{ page: Page; scripts: string[]; mermaidScripts: string[]; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  const scripts: string[] = [];
  const mermaidScripts: string[] = [];
  // Script errors, a hydration mismatch React reports, and what the page's Content-Security-Policy refused.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const name = response.url().replace(/^.*\//, "");
    scripts.push(name);
    // Mermaid's core, which every diagram needs and through which its other chunks load, says this when it finds no diagram.
    if ((await response.text()).includes("No diagram type detected")) mermaidScripts.push(name);
  });
  await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
  return { page, scripts, mermaidScripts, errors };
}

/** Waits until `count` diagrams are drawn (Mermaid's code loads after the page's: up to a few seconds on a busy machine). */
async function drawn(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator(".diagram-image").count(), { timeout: 15_000 }).toBe(count);
}

/** The drawn diagrams' SVG elements' text, in their shadow roots. */
function diagramTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".diagram-image")].map((host) => host.shadowRoot?.querySelector("svg")?.textContent ?? ""),
  );
}

describe("diagrams", () => {
  it("draws a ```mermaid block and the mermaid shortcode as SVG, each an image named for screen readers, with its source", async () => {
    const { page, errors } = await open("/posts/diagrams/");
    const images = page.getByRole("img");
    await drawn(page, 2);
    expect(await images.first().getAttribute("aria-label")).toBe("How a post is built");
    const described = await page.locator(".diagram-image").first().getAttribute("aria-describedby");
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe("Markdown goes through the pipeline and becomes a page.");
    expect(await page.locator(".diagram-image").nth(1).getAttribute("aria-label")).toBe("Sequence diagram");
    const [flowchart, sequence] = await diagramTexts(page);
    expect(flowchart).toContain("Pipeline");
    expect(sequence).toContain("opens a post");
    // Drawn at a size one can read: as wide as its content, not a sliver.
    const box = await page.locator(".diagram-image").first().boundingBox();
    expect(box!.height).toBeGreaterThan(40);
    // The source is a key press away.
    const source = page.locator(".diagram-source").first();
    expect(await source.locator("code").isVisible()).toBe(false);
    await source.getByText("Source of the diagram").focus();
    await page.keyboard.press("Enter");
    expect(await source.locator("code").isVisible()).toBe(true);
    expect(await source.locator("code").innerText()).toContain("md[Markdown] --> pipe[Pipeline] --> page[Page]");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the source as a code block before its script runs", async () => {
    const { page } = await open("/posts/diagrams/", { javaScriptEnabled: false });
    const blocks = page.locator("article pre code.language-mermaid");
    expect(await blocks.count()).toBe(2);
    expect(await blocks.first().isVisible()).toBe(true);
    expect(await blocks.first().innerText()).toContain("md[Markdown] --> pipe[Pipeline] --> page[Page]");
    expect(await blocks.nth(1).innerText()).toContain("Reader->>Site: opens a post");
    await page.context().close();
  });

  it("loads nothing of Mermaid on a page without a diagram, and draws one when the reader goes on to a page with one", async () => {
    const { page, scripts, mermaidScripts, errors } = await open("/posts/plain/");
    expect(await page.content()).not.toMatch(/mermaid|diagram-/i);
    // Neither Mermaid nor the diagrams' own component.
    expect(scripts.filter((name) => /mermaid|diagram|shortcode-island/i.test(name))).toEqual([]);
    expect(mermaidScripts).toEqual([]);
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.locator("#post-title").innerText()).toBe("Diagrams");
    await drawn(page, 2);
    expect(mermaidScripts.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("loads Mermaid only when the reader scrolls near a diagram", async () => {
    const { page, mermaidScripts } = await open("/posts/long/");
    expect(await page.locator("article pre code.language-mermaid").isVisible()).toBe(true);
    await page.waitForTimeout(1000);
    expect(mermaidScripts).toEqual([]);
    expect(await page.locator(".diagram-image").count()).toBe(0);
    await page.locator("article pre code.language-mermaid").scrollIntoViewIfNeeded();
    await drawn(page, 1);
    expect(mermaidScripts.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it("draws the diagram again in the other scheme when the reader switches it", async () => {
    const { page } = await open("/posts/diagrams/");
    await drawn(page, 2);
    /** The fill of the flowchart's first node, as drawn. */
    const nodeFill = () =>
      page.evaluate(() => {
        const node = document.querySelector(".diagram-image")?.shadowRoot?.querySelector(".node rect, .node path, .node polygon");
        return node ? getComputedStyle(node).fill : undefined;
      });
    const light = await nodeFill();
    expect(light).toBeDefined();
    await page.getByRole("combobox", { name: "Colour scheme" }).selectOption("dark");
    await expect.poll(nodeFill, { timeout: 15_000 }).not.toBe(light);
    const dark = await nodeFill();
    await page.getByRole("combobox", { name: "Colour scheme" }).selectOption("light");
    await expect.poll(nodeFill, { timeout: 15_000 }).toBe(light);
    expect(dark).not.toBe(light);
    await page.context().close();
  });

  it("draws a hostile diagram without running its script, restyling the page, or taking a theme of its own", async () => {
    const { page } = await open("/posts/hostile/");
    await drawn(page, 1);
    expect(await page.getByText("Text after the diagram.").isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    const shadow = await page.evaluate(() => document.querySelector(".diagram-image")?.shadowRoot?.innerHTML ?? "");
    expect(shadow).not.toMatch(/onerror|<script|javascript:/i);
    // The diagram's style is in its shadow root only: the page's body is as it was.
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe("flex");
    // A plain node is in the site's colours (the accent's soft tint, app.css), not the forest theme's green.
    const plainFill = await page.evaluate(() => {
      const node = [...(document.querySelector(".diagram-image")?.shadowRoot?.querySelectorAll(".node") ?? [])].find(
        (element) => element.textContent === "Plain",
      );
      return node && getComputedStyle(node.querySelector("rect, path, polygon")!).fill;
    });
    expect(plainFill).toBe("rgb(227, 238, 250)");
    await page.context().close();
  });

  it("draws a diagram that asks for ELK with dagre, without loading ELK's code", async () => {
    const { page, scripts } = await open("/posts/elk/");
    await drawn(page, 1);
    expect((await diagramTexts(page))[0]).toContain("Finish");
    expect(scripts.filter((name) => /elk/i.test(name))).toEqual([]);
    await page.context().close();
  });

  it("draws a block diagram", async () => {
    const { page } = await open("/posts/block/");
    await drawn(page, 1);
    expect((await diagramTexts(page))[0]).toContain("Reader");
    await page.context().close();
  });

  it("keeps a broken diagram's source in the page and says why it is not drawn", async () => {
    const { page } = await open("/posts/broken/");
    await expect.poll(() => page.locator(".diagram-error").count(), { timeout: 15_000 }).toBe(1);
    const message = await page.locator(".diagram-error").innerText();
    expect(message).toMatch(/^This diagram could not be drawn: Parse error on line \d+: Expecting /);
    // Not Mermaid's quote of the diagram, which is right above.
    expect(message.length).toBeLessThan(240);
    expect(await page.locator("article pre code.language-mermaid").isVisible()).toBe(true);
    await page.context().close();
  });
});
