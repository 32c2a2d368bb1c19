import { describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// Hugo's `url:` front matter: a post published at an address of its own, as a blog that moved from
// WordPress (`/hello/`) or Jekyll (`/2019/05/hello.html`) keeps its old addresses.
const DOT = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="#c00"/></svg>`;

describe("posts at a URL of their own, in Chromium", () => {
  const site = servedSite({
    "hello/index.md": "---\ntitle: Hello from 2019\ndate: 2019-05-01\nurl: /2019/05/hello.html\n---\n\nA dot: ![Red dot](dot.svg)\n",
    "hello/dot.svg": DOT,
    "about.md": "---\ntitle: About this blog\ndate: 2019-04-01\nurl: /about/\n---\n\nWho writes here.\n",
    "plain.md": "---\ntitle: A plain post\ndate: 2019-03-01\n---\n\nAt /posts/plain/.\n",
  });

  it("links the post at its own URL from the home page, and opens it there without reloading, its image loaded", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await page.getByRole("link", { name: "Hello from 2019", exact: true }).click();
    await page.waitForURL(`${site.origin}/2019/05/hello/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Hello from 2019");
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    const image = page.getByRole("img", { name: "Red dot" });
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBe(40);
    await page.close();
  });

  it("serves the page at that URL, with it as the canonical address, and goes on to other posts in the page", async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.origin}/2019/05/hello/`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Hello from 2019");
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/\/2019\/05\/hello\/$/);
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await page.getByRole("link", { name: /About this blog/ }).click();
    await page.waitForURL(`${site.origin}/about/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("About this blog");
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    await page.close();
  });

  it("shows a one-folder URL (/about/) as the post, on its own", async () => {
    const page = await site.browser.newPage();
    expect((await page.goto(`${site.origin}/about/`))?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("About this blog");
    expect(await page.locator("article").innerText()).toContain("Who writes here.");
    await page.close();
  });

  it("redirects the post's /posts/<slug>/ address and the Jekyll-style .html file to the URL", async () => {
    const page = await site.browser.newPage();
    for (const old of ["/posts/hello/", "/2019/05/hello.html", "/posts/about/"]) {
      await page.goto(`${site.origin}${old}`);
      await page.waitForURL(/\/(2019\/05\/hello|about)\/$/);
    }
    await page.close();
  });

  it("lists the URL in the sitemap and the feed, and answers an address nothing is at with the not-found page", async () => {
    const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
    expect(sitemap).toMatch(/<loc>[^<]*\/2019\/05\/hello\/<\/loc>/);
    expect(sitemap).not.toMatch(/<loc>[^<]*\/posts\/hello\/<\/loc>/);
    const feed = await (await fetch(`${site.origin}/index.xml`)).text();
    expect(feed).toMatch(/<link>[^<]*\/about\/<\/link>/);
    const page = await site.browser.newPage();
    expect((await page.goto(`${site.origin}/2019/05/nothing-here/`))?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    expect(await page.locator("script[src], script[type=module]").count()).toBe(0);
    await page.close();
  });
});
