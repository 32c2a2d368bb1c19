import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// 23 posts, one a day, all tagged `many`: three pages of ten at most, on the home list and the tag's.
const COUNT = 23;
const posts = Object.fromEntries(
  Array.from({ length: COUNT }, (_, index) => {
    const day = String(index + 1).padStart(2, "0");
    return [
      `post-${index + 1}.md`,
      `---\ntitle: "Post ${index + 1}"\ndate: 2024-01-${day}\ntags: [many]\n---\n\nPost ${index + 1}'s text.\n`,
    ];
  }),
);
/** The titles of posts `from` down to `to`, newest first, as a list shows them. */
const titles = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => `Post ${from - index}`);

describe("list pages: page 1 redirects, tag pagination", () => {
  const site = servedSite(posts);
  const errors: string[] = [];

  async function newPage(): Promise<Page> {
    const page = await site.browser.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    return page;
  }

  const listed = (page: Page) => page.locator(".post-card h2").allInnerTexts();

  it("sends /page/1/ to the home page", async () => {
    const page = await newPage();
    const response = await page.goto(`${site.origin}/page/1/`);
    expect(response?.status()).toBe(200);
    await page.waitForURL(`${site.origin}/`, { timeout: 10_000 });
    await page.getByRole("heading", { level: 1, name: "Latest posts" }).waitFor();
    expect(await listed(page)).toEqual(titles(23, 14));
    expect(errors).toEqual([]);
  });

  it("sends /tags/<tag>/page/1/ to the tag's page", async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/tags/many/page/1/`);
    await page.waitForURL(`${site.origin}/tags/many/`, { timeout: 10_000 });
    await page.getByRole("heading", { level: 1, name: /^Tag: many/ }).waitFor();
    expect(await listed(page)).toEqual(titles(23, 14));
    expect(errors).toEqual([]);
  });

  it("pages a tag ten posts at a time at /tags/<tag>/page/<n>/, in the app and by address", async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/tags/many/`, { waitUntil: "networkidle" });
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const pages = page.getByRole("navigation", { name: "Pages" });

    await pages.getByRole("link", { name: "Older posts →" }).click();
    await page.waitForURL(`${site.origin}/tags/many/page/2/`, { timeout: 10_000 });
    await expect.poll(() => listed(page)).toEqual(titles(13, 4));
    expect(await page.title()).toBe("Tag: many, page 2 – Folio");
    expect(await pages.getByText("2", { exact: true }).getAttribute("aria-current")).toBe("page");

    await pages.getByRole("link", { name: "Older posts →" }).click();
    await page.waitForURL(`${site.origin}/tags/many/page/3/`, { timeout: 10_000 });
    await expect.poll(() => listed(page)).toEqual(titles(3, 1));
    expect(await pages.getByRole("link", { name: "Older posts →" }).count()).toBe(0);

    // Back to the first page by its own address, not page/1/.
    await pages.getByRole("link", { name: "Page 1" }).click();
    await page.waitForURL(`${site.origin}/tags/many/`, { timeout: 10_000 });
    await expect.poll(() => listed(page)).toEqual(titles(23, 14));
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);

    const direct = await page.goto(`${site.origin}/tags/many/page/2/`);
    expect(direct?.status()).toBe(200);
    expect(await listed(page)).toEqual(titles(13, 4));
    expect((await page.goto(`${site.origin}/tags/many/page/4/`))?.status()).toBe(404);
    expect(errors).toEqual([]);
  });
});
