import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/content-error";
import { parsePost } from "../../src/content/parse-post.server";
import { launchChromium } from "./browser";
import { findDanger } from "../danger";
import { buildAndServe, scratchProject } from "./scratch-project";

const allVectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

// Some vectors carry a <style> the build refuses (it does not parse, or it @imports): those are
// rejected with a clear error, tested below; the rest are built and must come out harmless.
const verdicts = allVectors.map((vector) => {
  try {
    parsePost({ file: "posts/vector.md", source: `---\ntitle: V\ndate: 2021-01-01\n---\n\n${vector.payload}\n` });
    return { vector, rejection: undefined };
  } catch (error) {
    return { vector, rejection: error };
  }
});
const vectors = verdicts.filter((verdict) => !verdict.rejection).map((verdict) => verdict.vector);
const CHUNK = 25;
const chunks = Array.from({ length: Math.ceil(vectors.length / CHUNK) }, (_, index) => vectors.slice(index * CHUNK, (index + 1) * CHUNK));
const post = (title: string, date: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n---\n\n${body}\n`;

const posts: Record<string, string> = {
  "plain.md": post("A plain post", "2020-01-01", "## Plain\n\nNothing special here."),
  "hostile-style.md": post(
    "A post with hostile style",
    "2020-01-02",
    `<style>
body { display: none; }
* { color: transparent !important; }
:scope { position: fixed; inset: 0; z-index: 2147483647; background: red; }
.overlay { position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647; background: black; }
header, nav, footer, a { visibility: hidden; }
</style>

<div class="overlay">Covered!</div>

## Hostile

Text.`,
  ),
  "malformed.md": post(
    "Malformed HTML",
    "2020-01-03",
    "<img\u00a0src=x onerror=alert(1)>\n\n<div><p><b>bold <i>both\n\nstill here\n\n</div></div></span>\n\n## After the mess\n\nThe page goes on.",
  ),
  "long-line.md": post("One long line", "2020-01-04", "word ".repeat(200_000) + "end-of-line"),
  "big.md": post(
    "A five-megabyte post",
    "2020-01-05",
    ("A sentence with **bold** and a [link](https://example.org/). ".repeat(25) + "\n\n").repeat(3300) + "## The very end",
  ),
  ...Object.fromEntries(
    chunks.map((chunk, index) => [
      `xss-${String(index + 1).padStart(2, "0")}.md`,
      post(
        `XSS vectors, part ${index + 1}`,
        `2021-01-${String(index + 1).padStart(2, "0")}`,
        chunk.map((vector) => vector.payload).join("\n\n<hr>\n\n"),
      ),
    ]),
  ),
};

/** The article (`.post-content`) of a page or of an element's outerHTML. */
function article(html: string): Element {
  let found: Element | undefined;
  visit(fromHtml(html) as Root, "element", (node: Element) => {
    if (
      !found &&
      String(node.properties.className ?? "")
        .split(/[ ,]/)
        .includes("post-content")
    )
      found = node;
  });
  if (!found) throw new Error("no .post-content in the page");
  return found;
}

describe("hostile and broken posts", () => {
  const project = scratchProject(posts, { reuseApp: true });
  let server: Server;
  let browser: Browser;
  let origin: string;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await buildAndServe(project.dir));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    project.remove();
  });

  async function open(slug: string): Promise<Page> {
    const page = await browser.newPage();
    page.on("dialog", async (dialog) => {
      dialogs.push(`${slug}: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on("pageerror", (error) => errors.push(`${slug}: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        ((window as unknown as { violations: string[] }).violations ??= []).push(event.violatedDirective),
      );
    });
    await page.goto(`${origin}/posts/${slug}/`, { waitUntil: "networkidle" });
    return page;
  }

  it("rejects, with a clear message, only vectors whose <style> the build refuses", () => {
    const rejected = verdicts.filter((verdict) => verdict.rejection);
    console.info(`${vectors.length} of ${allVectors.length} XSS vectors build; ${rejected.length} are rejected for their <style>`);
    for (const { rejection } of rejected) {
      expect(rejection).toBeInstanceOf(ContentError);
      expect(String((rejection as Error).message)).toMatch(/^posts\/vector\.md:\d+: the <style> block /);
    }
    expect(vectors.length).toBeGreaterThan(allVectors.length * 0.9);
  });

  it("writes no script, handler, javascript: URL, srcdoc, <base>, <meta>, <form> or <object> for any XSS vector it builds", () => {
    for (const [index] of chunks.entries()) {
      const slug = `xss-${String(index + 1).padStart(2, "0")}`;
      const html = readFileSync(path.join(project.dir, "build/client/posts", slug, "index.html"), "utf8");
      expect(findDanger(article(html)), slug).toEqual([]);
      expect(html).not.toMatch(/<base[\s>]/i);
    }
  });

  it("runs nothing from the vectors in Chromium, on load and after client-side navigation", async () => {
    let navigated = 0;
    for (const [index] of chunks.entries()) {
      const slug = `xss-${String(index + 1).padStart(2, "0")}`;
      const page = await open(slug);
      await page.getByRole("heading", { level: 1, name: `XSS vectors, part ${index + 1}` }).waitFor();
      const live = await page.locator(".post-content").evaluate((root) => root.outerHTML);
      expect(findDanger(article(live)), slug).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])).toEqual([]);
      // Client-side, to the next part (each is a day newer): the vectors arrive as data and render in the live page.
      const next = page.getByRole("link", { name: /Next post/ });
      if (index === chunks.length - 1) {
        expect(await next.count(), slug).toBe(0);
      } else {
        await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
        await next.click();
        await page.getByRole("heading", { level: 1, name: `XSS vectors, part ${index + 2}` }).waitFor();
        expect(await page.evaluate(() => "stillTheSamePage" in window), `${slug}: navigated without loading a page`).toBe(true);
        const after = await page.locator(".post-content").evaluate((root) => root.outerHTML);
        expect(findDanger(article(after)), `${slug} → next`).toEqual([]);
        navigated++;
      }
      await page.close();
    }
    expect(navigated).toBe(chunks.length - 1);
    expect(navigated).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it("keeps the site's header, navigation and footer looking the same whatever a post's style says", async () => {
    const look = async (slug: string) => {
      const page = await open(slug);
      const styles = await page.evaluate(() =>
        ["body", ".site-header", ".site-title", ".site-header nav a", ".site-footer"].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return [selector, style.display, style.visibility, style.color, style.backgroundColor, style.position].join(" ");
        }),
      );
      const box = (await page.locator(".site-header").boundingBox())!;
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest(".site-header") !== null,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      await page.close();
      return { styles, onTop };
    };
    const plain = await look("plain");
    const hostile = await look("hostile-style");
    expect(hostile.styles).toEqual(plain.styles);
    expect(hostile.onTop).toBe(true);
  }, 60_000);

  it("renders malformed HTML, a one-megabyte line and a five-megabyte post", async () => {
    const malformed = await open("malformed");
    await malformed.getByRole("heading", { name: "After the mess" }).waitFor();
    const longLine = await open("long-line");
    expect(await longLine.locator(".post-content").innerText()).toContain("end-of-line");
    const big = await open("big");
    await big.getByRole("heading", { name: "The very end" }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 120_000);
});
