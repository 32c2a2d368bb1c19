import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutput, runBuild, scratchProject } from "./scratch-project";

function build(dir: string): string {
  // Verbose: React Router's line per page written, which renderedPages counts.
  // Search in shards of at most 8 posts: an edit indexes some of them again, and leaves the others.
  const result = runBuild(dir, { FOLIO_VERBOSE: "1", FOLIO_SEARCH_SHARD_SIZE: "8" });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

const renderedPages = (stdout: string) => stdout.split("\n").filter((line) => line.includes("Prerender (html)")).length;

/** The URLs a build rendered, pages and files (feeds, sitemap), from React Router's line per file written. */
const renderedUrls = (stdout: string) =>
  [...new Set(Array.from(stdout.matchAll(/^Prerender \((?:html|resource)\): (\/\S*) -> /gm), ([, url]) => url))].sort();

/** The URLs of a list page's three feeds (`/tags/odd/` → `/tags/odd/index.xml`, …). */
const feedsOf = (list: string) => ["index.xml", "atom.xml", "feed.json"].map((file) => `${list}${file}`);

/** Each built post page's related posts (the links at the end of its article), by the page's URL. */
function relatedPosts(dir: string): Map<string, string> {
  const related = new Map<string, string>();
  // Each post's folder, not the archive's (`/posts/index.html`, `/posts/page/`).
  const folders = readdirSync(path.join(dir, "build/client/posts"), { withFileTypes: true });
  for (const slug of folders.filter((entry) => entry.isDirectory() && entry.name !== "page").map((entry) => entry.name)) {
    const html = readFileSync(path.join(dir, "build/client/posts", slug, "index.html"), "utf8");
    const section = /aria-labelledby="related-title">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    related.set(`/posts/${slug}/`, section);
  }
  return related;
}

/** The post pages whose related posts differ from `before`'s (their titles or order). */
const relatedChanged = (before: Map<string, string>, dir: string) =>
  [...relatedPosts(dir)].filter(([url, section]) => before.get(url) !== section).map(([url]) => url);

const post = (title: string, date: string, tags: string, body = "Body text.", extra = "") =>
  `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags}]\n${extra}---\n\n${body}\n`;

describe("an incremental build (the page and parse caches)", () => {
  it("renders only what an edit changed: the post, its neighbours, the lists and feeds that show it, and the posts it is related to", () => {
    // 25 posts, one a day: lists of ten, newest first. Post 7 is on the home list's page 2 (15 to 6),
    // on `all`'s page 2 and on `odd`'s first page (25, 23, …, 9, 7), in tags and categories alike.
    const posts: Record<string, string> = {};
    for (let index = 1; index <= 25; index++) {
      const parity = index % 2 ? "odd" : "even";
      posts[`post-${index}.md`] = post(
        `Post ${index}`,
        `2024-01-${String(index).padStart(2, "0")}`,
        `${parity}, all`,
        "Body text.",
        `categories: [${parity}]\n`,
      );
    }
    const project = scratchProject(posts);
    const edit = (index: number, title: string, body: string) =>
      writeFileSync(
        path.join(project.dir, "posts", `post-${index}.md`),
        post(title, `2024-01-${String(index).padStart(2, "0")}`, "odd, all", body, "categories: [odd]\n"),
      );
    try {
      build(project.dir);
      // React Router renders the first page of every route in every build (ARCHITECTURE.md, "The caches").
      const firstOfEachRoute = [
        "/",
        "/page/1/",
        "/posts/post-25/",
        "/posts/post-25/index.md",
        "/posts/",
        "/posts/page/1/",
        "/index.xml",
        "/atom.xml",
        "/feed.json",
        "/sitemap.xml",
        "/robots.txt",
        "/tags/",
        "/categories/",
        "/404/not-found/",
        "/search/",
      ];
      expect(renderedUrls(build(project.dir))).toEqual([...firstOfEachRoute].sort());
      const listsOfPost7 = ["/page/2/", "/tags/all/page/2/", "/tags/odd/", "/categories/odd/"];
      const feedsOfPost7 = ["/", "/tags/all/", "/tags/odd/", "/categories/odd/"].flatMap(feedsOf);

      // A new title: its page, its neighbours' (their previous/next links name it), its lists and
      // feeds, and the posts whose related posts name it or no longer do.
      let related = relatedPosts(project.dir);
      const relatedTo7 = [...related].filter(([, section]) => section.includes('href="/posts/post-7/"')).map(([url]) => url);
      expect(relatedTo7.length).toBeGreaterThan(0);
      edit(7, "Seventh, renamed", "Body text.");
      const neighbours = ["/posts/post-6/", "/posts/post-8/"];
      let rendered = renderedUrls(build(project.dir));
      expect(relatedChanged(related, project.dir)).toEqual(expect.arrayContaining(relatedTo7));
      expect(rendered).toEqual(
        [
          ...new Set([
            ...firstOfEachRoute,
            "/posts/post-7/",
            ...neighbours,
            ...listsOfPost7,
            ...feedsOfPost7,
            ...relatedChanged(related, project.dir),
          ]),
        ].sort(),
      );

      // A new first paragraph: its page, and the lists and feeds that show its summary; not its
      // neighbours, nor posts whose related posts are the same.
      related = relatedPosts(project.dir);
      edit(7, "Seventh, renamed", "Body text, edited.");
      rendered = renderedUrls(build(project.dir));
      expect(rendered).toEqual(
        [
          ...new Set([...firstOfEachRoute, "/posts/post-7/", ...listsOfPost7, ...feedsOfPost7, ...relatedChanged(related, project.dir)]),
        ].sort(),
      );
    } finally {
      project.remove();
    }
  }, 180_000);

  it("after edits of every kind, and pages changed in build/, writes exactly what a clean build writes", () => {
    const posts: Record<string, string> = {};
    for (let index = 1; index <= 25; index++) {
      posts[`post-${index}.md`] = post(`Post ${index}`, `2024-01-${String(index).padStart(2, "0")}`, index % 2 ? "odd, all" : "even, all");
    }
    // A post whose whole text is in the feeds: an edit of its body changes its page and the feeds.
    posts["post-9.md"] = post("Post 9", "2024-01-09", "odd, all", "Body text.", "rssFullText: true\n");
    const project = scratchProject(posts, { bundledPosts: true });
    const file = (name: string) => path.join(project.dir, "posts", name);
    try {
      const first = build(project.dir);

      // An unchanged rebuild renders only the one page per route React Router requires.
      const unchanged = build(project.dir);
      expect(renderedPages(unchanged)).toBeLessThan(renderedPages(first) / 3);

      // Edits of every kind: a title (its neighbours and lists show it), a date (the order changes),
      // a tag, a body (its page and feeds show it), a new post, a removed post, and a bundle image.
      writeFileSync(file("post-7.md"), post("Seventh, renamed", "2024-01-07", "odd, all"));
      writeFileSync(file("post-9.md"), post("Post 9", "2024-01-09", "odd, all", "Body text, *edited*.", "rssFullText: true\n"));
      writeFileSync(file("post-12.md"), post("Post 12", "2023-06-01", "even, all"));
      writeFileSync(file("post-13.md"), post("Post 13", "2024-01-13", "odd, all, new-tag"));
      writeFileSync(file("post-26.md"), post("A new post", "2024-02-01", "all"));
      rmSync(file("post-3.md"));
      const image = readdirSync(file("ai-personalized-cancer-treatment")).find((name) => name.endsWith(".png"))!;
      cpSync(path.join(project.dir, "public/og-image.png"), path.join(file("ai-personalized-cancer-treatment"), image));
      const incremental = build(project.dir);
      expect(renderedPages(incremental)).toBeLessThan(renderedPages(first));
      // The search index too: a rebuild indexes again only the shards whose posts changed
      // (build/search-index.server.ts), and they are the shards a clean build makes.
      const afterEdits = buildOutput(project.dir);
      const builtFile = (file: string) => readFileSync(path.join(project.dir, "build/client", file), "utf8");
      expect(builtFile("posts/post-9/index.html")).toContain("Body text, <em>edited</em>.");
      expect(builtFile("tags/odd/index.xml")).toContain("<![CDATA[<p>Body text, <em>edited</em>.</p>]]>");

      // A page edited in build/ by hand, and one deleted there, are rendered again.
      const built = (url: string) => path.join(project.dir, "build/client", url, "index.html");
      writeFileSync(built("posts/post-20"), "tampered");
      rmSync(built("posts/post-21"));
      const repaired = build(project.dir);
      expect(renderedUrls(repaired)).toEqual([...renderedUrls(unchanged), "/posts/post-20/", "/posts/post-21/"].sort());
      expect(readFileSync(built("posts/post-20"), "utf8")).toContain("Post 20");
      expect(readFileSync(built("posts/post-21"), "utf8")).toContain("Post 21");
      expect(buildOutput(project.dir)).toEqual(afterEdits);

      rmSync(path.join(project.dir, ".folio-cache"), { recursive: true });
      rmSync(path.join(project.dir, "build"), { recursive: true });
      build(project.dir);
      const clean = buildOutput(project.dir);
      expect([...afterEdits.keys()]).toEqual([...clean.keys()]);
      const differing = [...clean.keys()].filter((name) => afterEdits.get(name) !== clean.get(name));
      expect(differing).toEqual([]);
    } finally {
      project.remove();
    }
  }, 180_000);

  it("renders every page again when the code changes, and parses posts again only when the parser's code does", () => {
    const project = scratchProject({ "a.md": post("A", "2024-01-01", "x"), "b.md": post("B", "2024-01-02", "x") });
    const parsed = () => readdirSync(path.join(project.dir, ".folio-cache/posts")).sort();
    try {
      const first = build(project.dir);
      const firstParsed = parsed();
      const assets = () => readdirSync(path.join(project.dir, "build/client/assets")).sort();
      const firstAssets = assets();

      // The style sheet is no part of parsing: every page is rendered again, no post parsed again.
      const styles = path.join(project.dir, "src/app.css");
      writeFileSync(styles, `${readFileSync(styles, "utf8")}\nh1 { letter-spacing: 3px; }\n`);
      const restyled = build(project.dir);
      expect(renderedPages(restyled)).toBe(renderedPages(first));
      expect(readFileSync(path.join(project.dir, "build/client/posts/a/index.html"), "utf8")).toContain("letter-spacing:3px");
      expect(parsed()).toEqual(firstParsed);

      // The site configuration is (posts' URLs come from it): every post is parsed again.
      const config = path.join(project.dir, "src/site-config.ts");
      writeFileSync(config, readFileSync(config, "utf8").replace(/title: "[^"]*"/, 'title: "Renamed blog"'));
      const second = build(project.dir);
      expect(renderedPages(second)).toBe(renderedPages(first));
      expect(readFileSync(path.join(project.dir, "build/client/posts/a/index.html"), "utf8")).toContain("Renamed blog");
      expect(parsed().filter((entry) => firstParsed.includes(entry))).toEqual([]);
      // The next build keeps those pages: the scripts of the build before the change are gone from build/.
      const third = build(project.dir);
      expect(renderedPages(third)).toBeLessThan(renderedPages(first));
      const scripts = assets();
      for (const script of readFileSync(path.join(project.dir, "build/client/posts/a/index.html"), "utf8").match(/assets\/[^"]+\.js/g)!) {
        expect(scripts).toContain(script.slice("assets/".length));
      }
      expect(scripts).not.toEqual(firstAssets);
      expect(scripts).toHaveLength(firstAssets.length);
    } finally {
      project.remove();
    }
  }, 120_000);
});
