import { cpSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePost } from "../../src/content/parse-post.server";
import { launchChromium } from "./browser";
import { buildAndServe, runBuild, scratchProject } from "./scratch-project";

// Real posts from Hugo (three themes), Jekyll, Hexo, Zola and Docusaurus, copied unchanged from
// public repositories (tests/fixtures/drop-in/README.md), dropped into a Folio project as a new
// user would drop their blog in.
const FIXTURES = path.resolve("tests/fixtures/drop-in");

interface Expected {
  file: string;
  system: string;
  title: string;
  date: string | null;
  tags: string[];
  language: string | null;
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as Expected[];
/** The one fixture no generator's front matter dates: Hexo's starter post (Hexo takes the file's time). */
const UNDATED = "hexo/hello-world.md";

/** A fixture's URL on the built site, as Folio names it (its translation's, for a language other than the site's). */
function urlOf(post: Expected): string {
  const file = `posts/${post.file}`;
  const { slug } = parsePost({ file, source: readFileSync(path.join(FIXTURES, "posts", post.file), "utf8") }).post;
  return post.language && post.language !== "en" ? `/${post.language}/posts/${slug}/` : `/posts/${slug}/`;
}

/** What a reader sees of the article, code left out: where shortcode and tag delimiters must never show. */
const visibleProse = (page: Page) =>
  page.evaluate(() => {
    const article = document.querySelector("article")!.cloneNode(true) as HTMLElement;
    for (const code of article.querySelectorAll("pre, code")) code.remove();
    return article.innerText;
  });

describe("a blog from another generator, dropped in unchanged", () => {
  const project = scratchProject({});
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(path.join(project.dir, "posts"), { recursive: true, force: true });
    cpSync(path.join(FIXTURES, "posts"), path.join(project.dir, "posts"), { recursive: true });
    ({ server, origin } = await buildWithoutUndated());
    browser = await launchChromium();
  }, 180_000);

  /** Builds once to see the undated post named, then without it. */
  async function buildWithoutUndated() {
    const failed = runBuild(project.dir);
    expect(failed.status).not.toBe(0);
    expect(failed.stdout + failed.stderr).toContain(
      `posts/${UNDATED}:1: the post has no date: add \`date: YYYY-MM-DD\` to its front matter, or start its file or folder name with the date (\`2024-05-01-my-post.md\`, as Jekyll, Hexo and Docusaurus do), or start Zola's \`path\` with it`,
    );
    rmSync(path.join(project.dir, "posts", UNDATED));
    return buildAndServe(project.dir);
  }

  afterAll(async () => {
    await browser?.close();
    server?.close();
    project.remove();
  });

  for (const post of expected.filter((each) => each.file !== UNDATED)) {
    it(`reads ${post.file} (${post.system}) as its author wrote it`, async () => {
      const page = await browser.newPage();
      const response = await page.goto(`${origin}${urlOf(post)}`);
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator("#post-title").innerText()).toBe(post.title);
      expect(await page.locator(".post-meta time").first().getAttribute("datetime")).toBe(post.date);
      for (const tag of post.tags)
        await expect.poll(() => page.getByRole("link", { name: `#${tag}`, exact: true }).count()).toBeGreaterThan(0);
      const prose = await visibleProse(page);
      expect(prose).not.toMatch(/\{\{[<%]|\{%|^\+\+\+$|^title ?[:=]/m);
      await page.close();
    });
  }

  it("shows a LoveIt post's two languages, each with its own lang, its translation linked, its emoji and featured image", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/posts/emoji-support/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator('link[rel="alternate"][hreflang="zh-cn"]').getAttribute("href")).toMatch(/\/zh-cn\/posts\/emoji-support\/$/);
    expect(await page.locator("article").innerText()).toContain("😄");
    expect(await page.locator("img.featured-image").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(
      true,
    );
    await page.getByRole("link", { name: "中文（中国）" }).click();
    await page.waitForURL(/\/zh-cn\/posts\/emoji-support\/$/);
    await expect.poll(() => page.locator("#post-title").innerText()).toBe("Emoji 支持");
    await page.goto(`${origin}/zh-cn/posts/emoji-support/`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator("img.featured-image").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(
      true,
    );
    await page.goto(`${origin}/zh-cn/`);
    await expect.poll(() => page.getByRole("link", { name: "Emoji 支持" }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("shows LoveIt's own shortcode documentation as LoveIt does: callouts, badges, styled text, escaped examples", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/posts/theme-documentation-extended-shortcodes/`);
    const article = page.locator("article");
    // Every admonition type of its list, each a callout (folded or not) with its title.
    expect(await article.locator(".markdown-alert").count()).toBeGreaterThanOrEqual(12);
    expect(await article.locator(".version-badge").first().innerText()).toBe("Changed in 0.2.0");
    // {{< style "text-align:right; strong{color:#00b1ff;}" >}}: the paragraph right-aligned, its bold text blue.
    const styled = article.locator("p", { hasText: "This is a right-aligned paragraph." });
    await expect.poll(() => styled.evaluate((node) => getComputedStyle(node).textAlign)).toBe("right");
    expect(await styled.locator("strong").evaluate((node) => getComputedStyle(node).color)).toBe("rgb(0, 177, 255)");
    // The example shown above it is written with LoveIt's escape character ({?{}{< style …): it reads as the shortcode.
    expect(await article.locator("pre code", { hasText: '{{< style "text-align:right; strong{color:#00b1ff;}" >}}' }).count()).toBe(1);
    expect(await article.locator("pre code", { hasText: "{?{}" }).count()).toBe(0);
    await page.close();
  });

  it("builds the same blog read from where it is (FOLIO_POSTS), with its static files (FOLIO_STATIC)", () => {
    const elsewhere = path.join(project.dir, "my-hugo-site");
    mkdirSync(path.join(elsewhere, "content"), { recursive: true });
    renameSync(path.join(project.dir, "posts"), path.join(elsewhere, "content", "posts"));
    mkdirSync(path.join(elsewhere, "static", "img"), { recursive: true });
    cpSync(path.join(FIXTURES, "posts/hugo-loveit/emoji-support/featured-image.jpg"), path.join(elsewhere, "static", "img", "hello.jpg"));
    try {
      const build = runBuild(project.dir, { FOLIO_POSTS: "my-hugo-site/content/posts", FOLIO_STATIC: "my-hugo-site/static" });
      expect(build.status, build.stderr.slice(-2000)).toBe(0);
      expect(build.stdout).toContain("folio: reading posts from my-hugo-site/content/posts");
      const client = path.join(project.dir, "build", "client");
      expect(readFileSync(path.join(client, "posts", "hello", "index.html"), "utf8")).toContain("Hello Friend");
      expect(readFileSync(path.join(client, "img", "hello.jpg")).length).toBeGreaterThan(0);
    } finally {
      renameSync(path.join(elsewhere, "content", "posts"), path.join(project.dir, "posts"));
    }
  }, 120_000);
});
