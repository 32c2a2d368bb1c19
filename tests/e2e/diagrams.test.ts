import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite, type ServedSite } from "./served-site";

// Mermaid diagrams as a reader sees them in Chromium: drawn to SVG by the build, in the page's HTML,
// with no Mermaid code loaded; and, when the build has no browser, drawn by Mermaid in the reader's.
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

The first one again:

\`\`\`mermaid
flowchart LR
  accTitle: How a post is built
  accDescr: Markdown goes through the pipeline and becomes a page.
  md[Markdown] --> pipe[Pipeline] --> page[Page]
\`\`\`
`;

const PLAIN_POST = `---
title: Plain
date: 2024-05-01
---

No diagrams here.
`;

// A diagram that tries to leave its box: script in a label and a link, style for the page's body and
// paragraphs, a theme and a looser security level of its own.
const HOSTILE_POST = `---
title: Hostile diagram
date: 2024-05-03
---

\`\`\`mermaid
%%{init: {"securityLevel": "loose", "theme": "forest", "themeCSS": "body { display: none; } p { color: red; }"}}%%
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

// A diagram that asks for the ELK layout, which the site draws with dagre (a diagram may not choose its layout).
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

// A block diagram, which Mermaid 12.3 draws in the reader's browser only if the page's <html> can be turned into JSON.
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

Before the diagram.

\`\`\`mermaid
flowchart LR
  a --> (
\`\`\`

After the diagram.
`;

// A diagram three screens down: in the reader's browser, Mermaid loads only when the reader scrolls near it.
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

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A page of `site`, and the scripts it loaded: their file names, and which of them are Mermaid's own code. */
async function open(
  site: ServedSite,
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

/** Waits until `count` diagrams are drawn. */
async function drawn(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator(".diagram-image").count(), { timeout: 15_000 }).toBe(count);
}

/** The drawn diagrams' SVG elements' text: in the page, or in a shadow root when the reader's browser drew them. */
function diagramTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".diagram-image")].map((host) => (host.shadowRoot ?? host).querySelector("svg")?.textContent ?? ""),
  );
}

/** The page's HTML as a static host serves it: what a reader without script, or a crawler, gets. */
async function servedHtml(site: ServedSite, path: string): Promise<string> {
  const response = await fetch(`${site.origin}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The fill of the first diagram's first node, as the page shows it. */
function nodeFill(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const node = document.querySelector(".diagram-image svg .node rect, .diagram-image svg .node path, .diagram-image svg .node polygon");
    return node ? getComputedStyle(node).fill : undefined;
  });
}

describe("diagrams drawn by the build", () => {
  const site = servedSite({
    "posts/diagrams/index.md": DIAGRAM_POST,
    "posts/plain/index.md": PLAIN_POST,
    "posts/hostile/index.md": HOSTILE_POST,
    "posts/broken/index.md": BROKEN_POST,
    "posts/elk/index.md": ELK_POST,
    "posts/block/index.md": BLOCK_POST,
  });

  it("puts each diagram's SVG in the page's HTML, an image named for screen readers, with its source", async () => {
    const html = await servedHtml(site, "/posts/diagrams/");
    const figures = html.match(/<figure class="diagram">[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(3);
    expect(figures[0]).toMatch(/<div class="diagram-image" role="img" aria-label="How a post is built"[^>]*><svg /);
    expect(figures[0]).toContain(">Pipeline<");
    expect(figures[1]).toMatch(/aria-label="Sequence diagram"[^>]*><svg /);
    expect(figures[1]).toContain("opens a post");
    // The source is in the page too, folded under the diagram.
    expect(figures[0]).toMatch(/<details class="diagram-source"><summary>Source of the diagram<\/summary>/);

    // And a reader without script sees them drawn, at a size one can read.
    const { page } = await open(site, "/posts/diagrams/", { javaScriptEnabled: false });
    const image = page.getByRole("img", { name: "How a post is built" }).first();
    expect(await image.locator("svg").isVisible()).toBe(true);
    expect((await image.boundingBox())!.height).toBeGreaterThan(40);
    await page.context().close();
  });

  it("says once how many diagrams it drew, and what planning said once", () => {
    // Drawn between two planning threads, each of which reads the posts (build-plan.server.ts).
    expect(site.output.match(/^folio: \d+ diagrams drawn in /gm)).toHaveLength(1);
    expect(site.output.match(/^folio: \d+ posts read in /gm)).toHaveLength(1);
  });

  it("loads none of Mermaid's code, nor the diagrams' component, on a page with diagrams", async () => {
    const { page, scripts, mermaidScripts, errors } = await open(site, "/posts/diagrams/");
    expect(await page.getByRole("img", { name: "How a post is built" }).count()).toBe(2);
    expect(await page.getByRole("img", { name: "Sequence diagram" }).count()).toBe(1);
    const described = await page.locator(".diagram-image").first().getAttribute("aria-describedby");
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe("Markdown goes through the pipeline and becomes a page.");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((name) => /mermaid|diagram|shortcode-island|elk|dagre/i.test(name))).toEqual([]);
    expect(mermaidScripts).toEqual([]);
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

  it("gives every id on the page once, the same diagram twice included", async () => {
    const { page } = await open(site, "/posts/diagrams/");
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((element) => element.id));
    expect(ids.filter((id) => id.startsWith("diagram-")).length).toBeGreaterThan(10);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    // Each copy's arrows point at its own markers.
    const markers = await page.evaluate(() =>
      [...document.querySelectorAll(".diagram-image svg")].map((svg) => {
        const end = svg.querySelector("[marker-end]")?.getAttribute("marker-end") ?? "";
        return end.includes(svg.id);
      }),
    );
    expect(markers).toEqual([true, true, true]);
    await page.context().close();
  });

  it("shows a diagram in the site's colours for the scheme, and follows the switch without drawing again", async () => {
    const { page, mermaidScripts } = await open(site, "/posts/diagrams/");
    // The accent's soft tint (app.css), light then dark.
    expect(await nodeFill(page)).toBe("rgb(227, 238, 250)");
    const svgBefore = await page
      .locator(".diagram-image svg")
      .first()
      .evaluate((svg) => svg.outerHTML);
    await page.getByRole("combobox", { name: "Colour scheme" }).selectOption("dark");
    await expect.poll(() => nodeFill(page)).toBe("rgb(18, 38, 61)");
    await page.getByRole("combobox", { name: "Colour scheme" }).selectOption("light");
    await expect.poll(() => nodeFill(page)).toBe("rgb(227, 238, 250)");
    expect(
      await page
        .locator(".diagram-image svg")
        .first()
        .evaluate((svg) => svg.outerHTML),
    ).toBe(svgBefore);
    expect(mermaidScripts).toEqual([]);
    await page.context().close();

    // A reader whose system is dark, with and without script.
    for (const javaScriptEnabled of [true, false]) {
      const dark = await open(site, "/posts/diagrams/", { colorScheme: "dark", javaScriptEnabled });
      expect(await nodeFill(dark.page)).toBe("rgb(18, 38, 61)");
      await dark.page.context().close();
    }
  });

  it("draws a hostile diagram without its script, its theme, or any style outside the diagram", async () => {
    const { page, errors } = await open(site, "/posts/hostile/");
    const after = page.getByText("Text after the diagram.");
    expect(await after.isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    const svg = await page.locator(".diagram-image").innerHTML();
    expect(svg).toContain("<svg");
    expect(svg).not.toMatch(/onerror|<script|javascript:/i);
    // Its style reaches neither the page's body nor a paragraph outside the diagram.
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe("flex");
    expect(await after.evaluate((element) => getComputedStyle(element).color)).toBe("rgb(31, 35, 40)");
    // A plain node is in the site's colours, not the forest theme's green.
    const plainFill = await page.evaluate(() => {
      const node = [...document.querySelectorAll(".diagram-image svg .node")].find((element) => element.textContent === "Plain");
      return node && getComputedStyle(node.querySelector("rect, path, polygon")!).fill;
    });
    expect(plainFill).toBe("rgb(227, 238, 250)");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws a diagram that asks for ELK, and a block diagram", async () => {
    const elk = await open(site, "/posts/elk/");
    expect((await diagramTexts(elk.page))[0]).toContain("Finish");
    expect(elk.scripts.filter((name) => /elk|mermaid/i.test(name))).toEqual([]);
    await elk.page.context().close();
    const block = await open(site, "/posts/block/");
    expect((await diagramTexts(block.page))[0]).toContain("Reader");
    await block.page.context().close();
  });

  it("shows a diagram Mermaid cannot read as its source with the error, the rest of the page working; the build says where", async () => {
    expect(site.output).toMatch(/posts\/broken\/index\.md:9: warning: mermaid diagram: Parse error on line 2: Expecting /);
    const { page, errors, mermaidScripts } = await open(site, "/posts/broken/");
    const message = await page.locator(".diagram-error").innerText();
    expect(message).toMatch(/^This diagram could not be drawn: Parse error on line \d+: Expecting /);
    // Not Mermaid's quote of the diagram, which is right above.
    expect(message.length).toBeLessThan(240);
    expect(await page.locator("article pre code.language-mermaid").isVisible()).toBe(true);
    expect(await page.getByText("After the diagram.").isVisible()).toBe(true);
    expect(mermaidScripts).toEqual([]);
    // The page works: the reader goes on to the next post.
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.locator("#post-title").innerText()).toBe("Plain");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("loads nothing for diagrams on a page without one, and shows them drawn when the reader goes on to a page with some", async () => {
    const { page, scripts, mermaidScripts, errors } = await open(site, "/posts/plain/");
    expect(await page.content()).not.toMatch(/mermaid|diagram-/i);
    expect(scripts.filter((name) => /mermaid|diagram|shortcode-island/i.test(name))).toEqual([]);
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.locator("#post-title").innerText()).toBe("Diagrams");
    await drawn(page, 3);
    expect((await diagramTexts(page))[1]).toContain("opens a post");
    expect(await nodeFill(page)).toBe("rgb(227, 238, 250)");
    expect(mermaidScripts).toEqual([]);
    expect(scripts.filter((name) => /mermaid|diagram|shortcode-island/i.test(name))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no accessibility violation (axe-core), ${colorScheme} scheme`, async () => {
      const { page } = await open(site, "/posts/diagrams/", { colorScheme });
      await page.evaluate(AXE);
      const results = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
      expect(results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
      await page.context().close();
    });
  }
});

describe("diagrams when the build has no browser", () => {
  const site = servedSite(
    { "posts/diagrams/index.md": DIAGRAM_POST, "posts/long/index.md": LONG_POST, "posts/broken/index.md": BROKEN_POST },
    { buildEnv: { CHROMIUM_PATH: "/nonexistent/chromium" } },
  );

  it("says once how to draw them at build time, where the diagrams are", () => {
    const warnings = site.output.match(/warning: mermaid diagrams are drawn in the reader's browser[^\n]*/g) ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("set CHROMIUM_PATH");
    expect(site.output).toMatch(/posts\/broken\/index\.md:9: warning: mermaid diagrams are drawn in the reader's browser/);
  });

  it("shows the source before its script runs, then draws each diagram in the reader's browser", async () => {
    const html = await servedHtml(site, "/posts/diagrams/");
    expect(html).not.toContain("<svg");
    expect(html.match(/<pre><code class="language-mermaid">/g)).toHaveLength(3);
    const { page, mermaidScripts, errors } = await open(site, "/posts/diagrams/");
    await drawn(page, 3);
    expect(await page.locator(".diagram-image").first().getAttribute("aria-label")).toBe("How a post is built");
    expect((await diagramTexts(page))[1]).toContain("opens a post");
    expect(mermaidScripts.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("loads Mermaid only when the reader scrolls near a diagram", async () => {
    const { page, mermaidScripts } = await open(site, "/posts/long/");
    expect(await page.locator("article pre code.language-mermaid").isVisible()).toBe(true);
    await page.waitForTimeout(1000);
    expect(mermaidScripts).toEqual([]);
    expect(await page.locator(".diagram-image").count()).toBe(0);
    await page.locator("article pre code.language-mermaid").scrollIntoViewIfNeeded();
    await drawn(page, 1);
    expect(mermaidScripts.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it("keeps a broken diagram's source in the page and says why it is not drawn", async () => {
    const { page } = await open(site, "/posts/broken/");
    await expect.poll(() => page.locator(".diagram-error").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator(".diagram-error").innerText()).toMatch(
      /^This diagram could not be drawn: Parse error on line \d+: Expecting /,
    );
    expect(await page.locator("article pre code.language-mermaid").isVisible()).toBe(true);
    await page.context().close();
  });
});

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
