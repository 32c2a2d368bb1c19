// @vitest-environment node
import { describe, expect, it } from "vitest";
import { archivePosts, buildSite, relatedOf } from "../../src/content/site-index.server";
import { wordsOf } from "../../src/content/related-posts.server";

const file = (name: string, frontMatter: string, body = "Text.") => ({
  file: `posts/${name}.md`,
  source: `---\n${frontMatter}\n---\n${body}\n`,
});

/** Twelve posts on a common tag and category, a month apart, in words nothing else uses. */
const fillers = Array.from({ length: 12 }, (_, index) =>
  file(
    `filler-${index + 1}`,
    `title: Filler ${index + 1}\ndate: 2023-${String(index + 1).padStart(2, "0")}-15\ntags: [ai]\ncategories: [Science]`,
    `Quarterly notebook entry number ${index + 1}.`,
  ),
);

const titlesRelatedTo = (files: ReturnType<typeof file>[], name: string) => {
  const site = buildSite(files);
  return relatedOf(site, site.bySlug.get(name)!).map((post) => post.title);
};

describe("related posts", () => {
  it("ranks a post sharing a rare tag above posts sharing only common ones, and lists five at most", () => {
    const files = [
      ...fillers,
      file("folding", "title: Protein folding\ndate: 2023-06-01\ntags: [ai, proteins]\ncategories: [Science]"),
      file("design", "title: Enzyme design\ndate: 2020-01-01\ntags: [proteins]\ncategories: [Engineering]"),
    ];
    const related = titlesRelatedTo(files, "folding");
    // `proteins` is on two posts, `ai` and `Science` on thirteen: the old post on proteins comes first.
    expect(related[0]).toBe("Enzyme design");
    expect(related).toHaveLength(5);
    // Then, among posts that share as much, the nearest in date (no words in common).
    expect(related.slice(1)).toEqual(["Filler 6", "Filler 5", "Filler 7", "Filler 4"]);
  });

  it("orders posts that share as many terms by how alike their title and summary are", () => {
    const files = [
      ...fillers,
      file("kinase", "title: Kinase structures by AlphaFold\ndate: 2023-06-01\ntags: [ai]\ncategories: [Science]"),
      file("alphafold", "title: AlphaFold predicts structures\ndate: 2021-01-01\ntags: [ai]\ncategories: [Science]"),
    ];
    expect(titlesRelatedTo(files, "kinase")[0]).toBe("AlphaFold predicts structures");
  });

  it("finds posts by their words when a post has no tags, and none for a post that shares nothing", () => {
    const files = [
      ...fillers,
      file("starter", "title: A sourdough starter\ndate: 2022-01-01", "Feeding the starter with rye flour."),
      file("bread", "title: Baking sourdough bread\ndate: 2020-01-01", "Rye flour and patience."),
      file("scarf", "title: Knitting a scarf\ndate: 2022-02-01", "Wool and needles."),
    ];
    expect(titlesRelatedTo(files, "starter")).toEqual(["Baking sourdough bread"]);
    expect(titlesRelatedTo(files, "scarf")).toEqual([]);
  });

  it("relates a translation to posts in its own language, at their URLs", () => {
    const site = buildSite([
      file("trip/index", "title: A trip\ndate: 2024-01-01\ntags: [travel]"),
      file("trip/index.fr", "title: Un voyage\ndate: 2024-01-01\ntags: [travel]"),
      file("walk/index", "title: A walk\ndate: 2024-02-01\ntags: [travel]"),
      file("walk/index.fr", "title: Une promenade\ndate: 2024-02-01\ntags: [travel]"),
    ]);
    const french = site.languages.get("fr")!;
    expect(relatedOf(site, french.bySlug.get("trip")!)).toMatchObject([{ title: "Une promenade", url: "/fr/posts/walk/" }]);
    expect(relatedOf(site, site.bySlug.get("trip")!)).toMatchObject([{ title: "A walk", url: "/posts/walk/" }]);
  });

  it("compares words with accents folded, plurals as singulars, and Chinese by pairs of characters", () => {
    expect(wordsOf("Café proteins in Zürich")).toEqual(["cafe", "protein", "zurich"]);
    expect(wordsOf("机器学习")).toEqual(["机器", "器学", "学习"]);
  });
});

describe("the archive", () => {
  it("lists every post newest first by date, weighted and hidden ones too", () => {
    const site = buildSite([
      file("old", "title: Old\ndate: 2021-01-01\nweight: 1"),
      file("hidden", "title: Hidden\ndate: 2022-01-01\nhiddenFromHomePage: true"),
      file("new", "title: New\ndate: 2023-01-01"),
    ]);
    expect(site.homePosts.map((post) => post.title)).toEqual(["Old", "New"]);
    expect(archivePosts(site).map((post) => post.title)).toEqual(["New", "Hidden", "Old"]);
  });
});
