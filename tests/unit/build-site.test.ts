// @vitest-environment node
import { describe, expect, it } from "vitest";
import { articleOf, buildSite, neighbours, summaryOf } from "../../src/content/site-index.server";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { ContentErrors } from "../../src/content/content-error";

const file = (name: string, frontMatter: string, body = "Text.") => ({
  file: `posts/${name}`,
  source: `---\n${frontMatter}\n---\n${body}\n`,
});

const files = [
  file("old.md", "title: Old\ndate: 2022-05-01\ntags: [AI, genomics]\ncategories: Science"),
  file("new.md", "title: New\ndate: 2024-05-01\ntags: [ai]\ncategories: [Healthcare]"),
  file("middle.md", "title: Middle\ndate: 2023-05-01T08:00:00Z\ntags: [ai]\nhiddenFromHomePage: true"),
  file("same-day.md", "title: Same day, later\ndate: 2023-05-01T18:00:00Z"),
  file("draft.md", "title: Draft\ndate: 2025-01-01\ndraft: true\ntags: [secret]"),
];

describe("buildSite", () => {
  it("lists posts newest first, times included, and leaves drafts out of builds", () => {
    expect(buildSite(files).posts.map((post) => post.title)).toEqual(["New", "Same day, later", "Middle", "Old"]);
  });

  it("includes drafts when asked (the dev server)", () => {
    const site = buildSite(files, { includeDrafts: true });
    expect(site.posts[0]).toMatchObject({ title: "Draft", draft: true });
  });

  it("keeps hidden posts off the home list only", () => {
    const site = buildSite(files);
    expect(site.homePosts.map((post) => post.title)).not.toContain("Middle");
    expect(site.taxonomies.tags.get("ai")!.posts.map((post) => post.title)).toContain("Middle");
  });

  it("merges tags that differ only in case across posts, under the most used spelling", () => {
    const ai = buildSite(files).taxonomies.tags.get("ai")!;
    expect(ai.term).toEqual({ name: "ai", slug: "ai" });
    expect(ai.posts.map((post) => post.title)).toEqual(["New", "Middle", "Old"]);
  });

  it("indexes categories and leaves draft-only terms out", () => {
    const site = buildSite(files);
    expect([...site.taxonomies.categories.keys()]).toEqual(["healthcare", "science"]);
    expect(site.taxonomies.tags.has("secret")).toBe(false);
  });

  it("links each post to its older and newer neighbour", () => {
    const site = buildSite(files);
    const middle = site.bySlug.get("middle")!;
    expect(neighbours(site, middle)).toEqual({
      older: { slug: "old", title: "Old", url: "/posts/old/" },
      newer: { slug: "same-day", title: "Same day, later", url: "/posts/same-day/" },
    });
  });

  it("fails on two posts with the same slug, naming both files", () => {
    const clash = [file("a.md", "title: A\ndate: 2024-01-01\nslug: same"), file("b.md", "title: B\ndate: 2024-01-02\nslug: same")];
    expect(() => buildSite(clash)).toThrow("posts/b.md:1: the URL /posts/same/ is taken by posts/a.md");
  });

  it("reports every broken post at once", () => {
    const broken = [file("one.md", "title: One"), file("two.md", "title: Two\ndate: 2024-13-01")];
    try {
      buildSite(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentErrors);
      expect((error as ContentErrors).errors.map((each) => each.file)).toEqual(["posts/one.md", "posts/two.md"]);
    }
  });

  it("puts posts with a weight first, lightest first, as Hugo orders pages", () => {
    const weighted = [
      file("plain.md", "title: Plain\ndate: 2024-06-01"),
      file("heavy.md", "title: Heavy\ndate: 2020-01-01\nweight: 5"),
      file("light.md", "title: Light\ndate: 2019-01-01\nweight: 1"),
    ];
    expect(buildSite(weighted).posts.map((post) => post.title)).toEqual(["Light", "Heavy", "Plain"]);
  });

  it("leaves posts out of builds until their publish date and from their expiry date, and marks them on the dev server", () => {
    const now = Date.UTC(2025, 0, 15);
    const dated = [
      file("live.md", "title: Live\ndate: 2025-01-01"),
      file("future.md", "title: Future\ndate: 2025-02-01"),
      file("scheduled.md", "title: Scheduled\ndate: 2025-01-01\npublishDate: 2025-01-20"),
      file("expired.md", "title: Expired\ndate: 2024-01-01\nexpiryDate: 2025-01-10"),
    ];
    expect(buildSite(dated, { now }).posts.map((post) => post.title)).toEqual(["Live"]);
    const dev = buildSite(dated, { now, includeDrafts: true });
    expect(dev.posts.map((post) => [post.title, summaryOf(post, dev).unpublished])).toEqual([
      ["Future", "scheduled"],
      ["Live", undefined],
      ["Scheduled", "scheduled"],
      ["Expired", "expired"],
    ]);
  });

  describe("translations", () => {
    const translated = [
      file("trip/index.md", "title: Trip\ndate: 2024-01-01"),
      file("trip/index.fr.md", "title: Voyage\ndate: 2024-01-01"),
      file("trip/index.zh-cn.md", "title: 旅行\ndate: 2024-01-01"),
      file("notes.md", "title: Notes\ndate: 2024-02-01"),
      file("notes.fr.md", "title: Notes en français\ndate: 2024-02-01"),
      file("greek/index.gr.md", "title: Alone in Greek\ndate: 2024-03-01"),
    ];

    it("keeps the site's language at /posts/<slug>/ and gives each other language its own list", () => {
      const site = buildSite(translated);
      expect(site.posts.map((post) => post.title)).toEqual(["Alone in Greek", "Notes", "Trip"]);
      expect([...site.languages.keys()]).toEqual(["fr", "zh-cn"]);
      expect(site.languages.get("fr")!.posts.map((post) => post.title)).toEqual(["Notes en français", "Voyage"]);
      expect(summaryOf(site.languages.get("fr")!.bySlug.get("trip")!, site).url).toBe("/fr/posts/trip/");
    });

    it("links every version of a translated post, the site's language first", () => {
      const site = buildSite(translated);
      expect(site.translations.get(site.bySlug.get("trip")!)).toEqual([
        { language: "en", url: "/posts/trip/" },
        { language: "fr", url: "/fr/posts/trip/" },
        { language: "zh-cn", url: "/zh-cn/posts/trip/" },
      ]);
      expect(site.translations.has(site.bySlug.get("greek")!)).toBe(false);
    });

    it("finds the previous and next post within the translation's language", () => {
      const site = buildSite(translated);
      const voyage = site.languages.get("fr")!.bySlug.get("trip")!;
      expect(neighbours(site, voyage)).toEqual({ newer: { slug: "notes", title: "Notes en français", url: "/fr/posts/notes/" } });
    });
  });

  describe("posts at a URL of their own (Hugo's url)", () => {
    const own = [
      file("hello.md", "title: Hello\ndate: 2019-05-01\nurl: /2019/05/hello/"),
      file("about.md", "title: About\ndate: 2019-04-01\nurl: /about/"),
      file("plain.md", "title: Plain\ndate: 2019-03-01"),
    ];

    it("lists, links and indexes them by that URL", () => {
      const site = buildSite(own);
      expect(site.posts.map((post) => summaryOf(post, site).url)).toEqual(["/2019/05/hello/", "/about/", "/posts/plain/"]);
      expect(neighbours(site, site.bySlug.get("plain")!).newer).toEqual({ slug: "about", title: "About", url: "/about/" });
      expect([...site.customUrls.keys()]).toEqual(["/about/", "/2019/05/hello/"]);
    });

    it("refuses a URL two posts take, or one under a translation language's prefix", () => {
      const twice = [...own, file("again.md", "title: Again\ndate: 2020-01-01\nurl: /2019/05/hello/")];
      expect(() => buildSite(twice)).toThrow(/posts\/hello\.md:1: `url: \/2019\/05\/hello\/` is also posts\/again\.md's/);
      const french = [
        file("trip/index.md", "title: Trip\ndate: 2024-01-01"),
        file("trip/index.fr.md", "title: Voyage\ndate: 2024-01-01"),
        file("x.md", "title: X\ndate: 2024-01-01\nurl: /fr/x/"),
      ];
      expect(() => buildSite(french)).toThrow(/`url: \/fr\/x\/` is under \/fr\/, the fr translations' home/);
    });
  });
});

describe("a post's images in the site", () => {
  const bundle = (name: string, frontMatter: string, body: string, bundleFiles: string[]) => ({
    file: `posts/${name}/index.md`,
    source: `---\ntitle: ${name}\ndate: 2024-01-02\n${frontMatter}\n---\n${body}\n`,
    bundleFiles,
  });
  const sizes: Record<string, { width: number; height: number }> = {
    "posts/trip/cover.png": { width: 1200, height: 630 },
    "posts/trip/cover-small.png": { width: 600, height: 315 },
    "posts/trip/map.png": { width: 800, height: 600 },
  };
  const site = buildSite(
    [
      bundle("trip", "featuredImage: cover.png\nfeaturedImagePreview: cover-small.png", "![Map](map.png)", [
        "cover.png",
        "cover-small.png",
        "map.png",
      ]),
      bundle("walk", "featuredImage: https://example.com/walk.jpg", "Text.", []),
      bundle("plain", "", "Text.", []),
    ],
    { imageSize: (source) => sizes[source] },
  );
  const post = (slug: string) => site.bySlug.get(slug)!;

  it("lists a post with its featured image preview first, sized from its file", () => {
    expect(summaryOf(post("trip"), site).thumbnail).toEqual({ src: "/posts/trip/cover-small.png", width: 600, height: 315 });
  });

  it("lists a post with its featured image when it has no preview, unsized when it is on another site, and without an image when it has none", () => {
    expect(summaryOf(post("walk"), site).thumbnail).toEqual({ src: "https://example.com/walk.jpg" });
    expect(summaryOf(post("plain"), site)).not.toHaveProperty("thumbnail");
  });

  it("gives the post's page the sizes of its featured image and its article's images", () => {
    const trip = post("trip");
    const page = articleOf(trip, { content: markdownContent("![Map](map.png)", "/posts/trip/"), headings: [] }, site);
    expect(page.images).toEqual({
      "/posts/trip/cover.png": { width: 1200, height: 630 },
      "/posts/trip/map.png": { width: 800, height: 600 },
    });
    expect(page).not.toHaveProperty("thumbnail");
  });
});
