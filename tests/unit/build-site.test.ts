// @vitest-environment node
import { describe, expect, it } from "vitest";
import { buildSite, neighbours } from "../../src/content/site-index.server";
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
      older: { slug: "old", title: "Old" },
      newer: { slug: "same-day", title: "Same day, later" },
    });
  });

  it("fails on two posts with the same slug, naming both files", () => {
    const clash = [file("a.md", "title: A\ndate: 2024-01-01\nslug: same"), file("b.md", "title: B\ndate: 2024-01-02\nslug: same")];
    expect(() => buildSite(clash)).toThrow("posts/b.md:1: the URL /posts/same/ is taken by posts/a.md");
  });

  it("reports every broken post at once", () => {
    const broken = [file("one.md", "date: 2024-01-01"), file("two.md", "title: Two\ndate: 2024-13-01")];
    try {
      buildSite(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentErrors);
      expect((error as ContentErrors).errors.map((each) => each.file)).toEqual(["posts/one.md", "posts/two.md"]);
    }
  });
});
