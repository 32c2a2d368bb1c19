import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { buildAndServe, runBuild, scratchProject } from "./scratch-project";

const TRICKY = `"Quotes" & <angles> in 🧬 genomics`;

describe("a site deployed under a sub-path (https://example.org/blog/)", () => {
  const project = scratchProject(
    { "tricky-title.md": `---\ntitle: '${TRICKY}'\ndate: 2021-01-05\ntags: [genomics]\n---\n\nA post whose title needs escaping.\n` },
    { bundledPosts: true, baseUrl: "https://example.org/blog/" },
  );
  let server: Server;
  let browser: Browser;
  let origin: string;
  const errors: string[] = [];

  beforeAll(async () => {
    // Built twice: the pages served are those of a rebuild, which keeps unchanged pages in place and
    // moves the ones it rendered from build/client/blog/ in among them.
    expect(runBuild(project.dir).status).toBe(0);
    ({ server, origin } = await buildAndServe(project.dir, "/blog/"));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    project.remove();
  });

  async function newPage() {
    const page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    return page;
  }

  it("opens and reloads a post, with its images, from /blog/", async () => {
    const page = await newPage();
    await page.goto(`${origin}/blog/posts/ai-personalized-cancer-treatment/`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: /^Challenges and opportunities/ }).waitFor();
    await expect.poll(() => page.locator(".featured-image").evaluate((image: HTMLImageElement) => image.naturalWidth > 0)).toBe(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /^Challenges and opportunities/ }).waitFor();
    expect(await page.getByRole("link", { name: "Read the Markdown source" }).getAttribute("href")).toBe(
      "/blog/posts/ai-personalized-cancer-treatment/index.md",
    );
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
      "https://example.org/blog/posts/ai-personalized-cancer-treatment/",
    );
    expect(errors).toEqual([]);
  });

  it("filters by tag client-side and keeps the sub-path in every link", async () => {
    const page = await newPage();
    await page.goto(`${origin}/blog/posts/ai-personalized-cancer-treatment/`, { waitUntil: "networkidle" });
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await page.locator(".post > header").getByRole("link", { name: "#ai", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^Tag: ai/ }).waitFor();
    expect(page.url()).toBe(`${origin}/blog/tags/ai/`);
    // Client-side: the app changed the page, no document was loaded.
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    const cards = await page.getByRole("article").all();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(await card.getByRole("link", { name: "#ai", exact: true }).count()).toBe(1);
    const hrefs = await page
      .locator("a[href^='/'], link[href^='/']")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    expect(hrefs.filter((href) => !href.startsWith("/blog/"))).toEqual([]);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /^Tag: ai/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it("answers unknown URLs under the sub-path with the not-found page", async () => {
    const page = await newPage();
    const response = await page.goto(`${origin}/blog/posts/nope/`);
    expect(response?.status()).toBe(404);
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await page.getByRole("heading", { level: 1, name: "Latest posts" }).waitFor();
    expect(page.url()).toBe(`${origin}/blog/`);
  });

  it("serves feeds and the sitemap with sub-path URLs", async () => {
    const rss = await (await fetch(`${origin}/blog/index.xml`)).text();
    expect(rss).toContain("<link>https://example.org/blog/posts/");
    const sitemap = await (await fetch(`${origin}/blog/sitemap.xml`)).text();
    expect(sitemap).toContain("<loc>https://example.org/blog/tags/ai/</loc>");
  });

  it("keeps a title with quotes, angle brackets, an ampersand and an emoji intact", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${origin}/blog/posts/tricky-title/`);
    expect(await page.title()).toBe(`${TRICKY} – Folio`);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(TRICKY);
    expect(await page.getByRole("heading", { level: 1 }).first().innerText()).toBe(TRICKY);
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!).headline).toBe(TRICKY);
    const rss = await (await fetch(`${origin}/blog/tags/genomics/index.xml`)).text();
    expect(rss).toContain(`<title><![CDATA[${TRICKY}]]></title>`);
  });
});
