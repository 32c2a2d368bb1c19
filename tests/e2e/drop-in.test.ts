import { cpSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePost } from "../../src/content/parse-post.server";
import { launchChromium } from "./browser";
import { buildAndServe, runBuild, scratchProject } from "./scratch-project";

// Real posts from Hugo (five themes), Jekyll, Hexo, Zola and Docusaurus, copied unchanged from
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
  /** false for a post its front matter keeps off the built site (FixIt's `password:`, published as a draft is: not at all). */
  published?: boolean;
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
  const project = scratchProject({}, { reuseApp: true });
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

  for (const post of expected.filter((each) => each.file !== UNDATED && each.published === false)) {
    it(`leaves ${post.file} (${post.system}) off the site, as its front matter asks`, async () => {
      const page = await browser.newPage();
      expect((await page.goto(`${origin}${urlOf(post)}`))?.status()).toBe(404);
      await page.close();
    });
  }

  for (const post of expected.filter((each) => each.file !== UNDATED && each.published !== false)) {
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

  it("renders FixIt's KaTeX test page's formulas, every delimiter of it, as FixIt does", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/posts/katex-test/`);
    const article = page.locator("article .post-content");
    expect(await article.locator(".katex").count()).toBe(15);
    expect(await article.locator(".katex-display").count()).toBe(11);
    expect(await article.locator(".katex-error").count()).toBe(0);
    // The heading's $\KaTeX$ is rendered; the same line in a code block is code.
    expect(await article.locator("h2#katex-in-headings .katex").count()).toBe(1);
    expect((await article.locator("pre code").innerText()).trim()).toBe("## $\\KaTeX$ in headings");
    await page.close();
  });

  it("shows FixIt's and DoIt's shortcode documentation as a reader would see it: folding file trees, timelines, the browser's audio player, a map link, nothing from another site", async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });

    // FixIt's file-tree page: the tree written between the tags (YAML) is nested lists, each folder a <details> the reader folds.
    await page.goto(`${origin}/posts/file-tree/`);
    const tree = page.locator("article .file-tree").first();
    expect(await tree.locator(":scope > ul > li").allInnerTexts()).toEqual(["src\nindex.ts\napp.ts", "package.json"]);
    const src = tree.locator("li.file-tree-folder > details", { has: page.locator("summary", { hasText: "src" }) });
    expect(await src.locator("ul > li.file-tree-file").allInnerTexts()).toEqual(["index.ts", "app.ts"]);
    expect(await src.getAttribute("open")).not.toBeNull();
    await src.locator("summary").click();
    await expect.poll(() => src.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    await expect.poll(() => src.locator("li.file-tree-file").first().isVisible()).toBe(false);
    // The self-closing example, escaped as {{</* file-tree file="data/tree.yml" /*/>}}, reads as the shortcode.
    expect(await page.locator("article pre code", { hasText: '{{< file-tree file="data/tree.yml" />}}' }).count()).toBe(1);
    await page.waitForLoadState("networkidle");

    // FixIt's own test of it: folder_slash=true names folders with a slash; below the first level (level=1) they are closed.
    await page.goto(`${origin}/posts/file-tree-test/`);
    const slashed = page.locator("article .file-tree", { hasText: "project-root/" });
    expect(await slashed.locator("summary").allInnerTexts()).toEqual(["project-root/", "src/", "tests/"]);
    expect(await slashed.locator("details").evaluateAll((all: HTMLDetailsElement[]) => all.map((details) => details.open))).toEqual([
      true,
      false,
      false,
    ]);
    await page.waitForLoadState("networkidle");

    // FixIt's timeline page: each timeline an ordered list of its events, each with its day; reverse=true the other way round;
    // and its FixIt alerts (> [!TIP] Title) callouts, not text.
    await page.goto(`${origin}/posts/timeline/`);
    const timelines = page.locator("article ol.timeline");
    expect(await timelines.first().locator("> li").allInnerTexts()).toEqual([
      "2024-07-11\n\nSuccess",
      "2024-07-13\n\nApproved",
      "2024-07-15\n\nEvent start",
    ]);
    expect(await timelines.nth(1).locator("> li").first().innerText()).toBe("2024-07-15\n\nEvent start");
    expect(await page.locator("article .markdown-alert-tip").count()).toBeGreaterThan(0);
    expect(await page.locator("article").innerText()).not.toContain("[!TIP]");
    await page.waitForLoadState("networkidle");

    // DoIt's extended shortcodes: mapbox is a link card to the place on OpenStreetMap; music and aplayer tracks play in the browser's player.
    await page.goto(`${origin}/posts/doit-theme-documentation-extended-shortcodes/`);
    const article = page.locator("article");
    const maps = article.locator('a[href^="https://www.openstreetmap.org/"]');
    expect(await maps.count()).toBe(2);
    expect(await maps.first().getAttribute("href")).toBe("https://www.openstreetmap.org/?mlat=31.233&mlon=121.485#map=12/31.233/121.485");
    expect(await maps.first().innerText()).toContain("Map: 31.233, 121.485");
    const tracks = article.locator("figure.audio-track");
    expect(await tracks.count()).toBe(3);
    expect(await tracks.locator("audio[controls]").count()).toBe(3);
    expect(await tracks.locator("figcaption").first().innerText()).toBe("Wavelength — oldmanyoung");
    // The track with its lyrics between the audio tags: folded under it, their timestamps left out.
    expect(await tracks.locator("details pre").textContent()).toBe("APlayer audio1\nis\namazing");
    // A NetEase playlist is a link card to it.
    expect(await article.locator('a[href="https://music.163.com/#/playlist?id=60198"]').innerText()).toContain("Listen to the music");
    await page.waitForLoadState("networkidle");

    // Not a map tile, player script or track: the audio waits for the reader to press play.
    expect(elsewhere).toEqual([]);
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
