// @vitest-environment node
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/content-error";
import { parsePost, type PostFile } from "../../src/content/parse-post.server";

// Front matter as the generators people bring write it, read as Hugo (or the post's own generator) reads it.
const parse = (source: string, file = "posts/post.md", bundleFiles: string[] = []) =>
  parsePost({ file, source, bundleFiles } satisfies PostFile);
const failure = (source: string, file = "posts/post.md") => {
  try {
    parse(source, file);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected the post to fail");
};

describe("front matter formats", () => {
  it("reads TOML between +++ lines, tables and dates included", () => {
    const { post } = parse(
      '+++\ntitle = "Zola and Hugo"\ndate = 2021-09-27T14:45:46+05:30\ntags = ["rust", "web"]\naliases = ["/old/zola/"]\n\n[extra]\ntoc = true\n+++\n\n## First\n\nBody.\n',
    );
    expect(post).toMatchObject({ title: "Zola and Hugo", date: "2021-09-27", aliases: ["/old/zola/"], params: { extra: { toc: true } } });
    expect(post.tags.map((tag) => tag.name)).toEqual(["rust", "web"]);
  });

  it("names the line of a TOML mistake", () => {
    expect(failure('+++\ntitle = "T"\ndate = 2021-09-27\ntags = ["a",\n+++\n')).toMatch(/^posts\/post\.md:4: invalid TOML in front matter/);
  });

  it("reads a JSON object at the top of the file, as Hugo does", () => {
    const { post } = parse(
      '{\n  "title": "JSON post",\n  "date": "2020-02-02",\n  "categories": ["Notes"],\n  "draft": false\n}\n\nThe body.\n',
    );
    expect(post).toMatchObject({ title: "JSON post", date: "2020-02-02" });
    expect(post.categories).toEqual([{ name: "Notes", slug: "notes" }]);
    expect(post.summary).toBe("The body.");
  });

  it("names the line of a JSON mistake", () => {
    expect(failure('{\n  "title": "T",\n  "date": "2020-02-02",\n}\n\nBody.\n')).toMatch(
      /^posts\/post\.md:4: invalid JSON in front matter/,
    );
  });

  it("reads Hexo's front matter without an opening ---", () => {
    const { post, article } = parse(
      "title: Hexo style\ndate: 2019-07-04 10:20:30\ntags:\n- hexo\n---\n\nBody text.\n\n---\n\nAfter a rule.\n",
    );
    expect(post).toMatchObject({ title: "Hexo style", date: "2019-07-04" });
    expect(post.tags.map((tag) => tag.name)).toEqual(["hexo"]);
    expect(JSON.stringify(article.content)).toContain("After a rule.");
  });

  it("keeps a post that merely starts with `Note:` and has a rule later as text", () => {
    const { post, article } = parse("Note: this is prose.\n\n---\n\nMore prose.\n", "posts/2020-01-01-note.md");
    expect(post.title).toBe("Note");
    expect(JSON.stringify(article.content)).toContain("Note: this is prose.");
  });

  it("accepts CRLF line endings, a byte order mark and blank lines before TOML and JSON", () => {
    expect(parse('\uFEFF\r\n+++\r\ntitle = "CRLF"\r\ndate = 2024-01-02\r\n+++\r\n\r\nBody.\r\n').post.title).toBe("CRLF");
    expect(parse('\n\n{"title": "Late JSON", "date": "2024-01-02"}\n\nBody.\n').post.title).toBe("Late JSON");
  });
});

describe("keys as Hugo reads them", () => {
  const yaml = (frontMatter: string, file = "posts/post.md") => parse(`---\n${frontMatter}\n---\n\nBody.\n`, file);

  it("reads keys in any case", () => {
    const { post } = yaml("Title: Capitals\nDate: 2022-03-04\nTags: [x]\nDraft: false\nHiddenFromHomePage: true");
    expect(post).toMatchObject({ title: "Capitals", date: "2022-03-04", hiddenFromHomePage: true });
    expect(post.tags).toHaveLength(1);
  });

  it("refuses the same key twice in different case, naming the line", () => {
    expect(failure("---\ntitle: One\nTitle: Two\ndate: 2022-03-04\n---\n")).toBe(
      "posts/post.md:3: `Title` and `title` are the same key (Hugo reads keys in any case): keep one",
    );
  });

  it("shows every author, from author as text or a list, or authors", () => {
    expect(yaml("title: T\ndate: 2022-03-04\nauthor: Ada").post.authors).toEqual(["Ada"]);
    expect(yaml("title: T\ndate: 2022-03-04\nauthor: [Ada, Grace]").post.authors).toEqual(["Ada", "Grace"]);
    expect(yaml("title: T\ndate: 2022-03-04\nauthors:\n  - Ada\n  - name: Grace").post.authors).toEqual(["Ada", "Grace"]);
  });

  it("reads Jekyll's category and space-separated tags in a Jekyll post, and one term per string elsewhere", () => {
    const jekyll = yaml("title: T\ndate: 2022-03-04\ncategory: Notes\ntags: ruby jekyll", "posts/2022-03-04-t.md").post;
    expect(jekyll.categories.map((term) => term.name)).toEqual(["Notes"]);
    expect(jekyll.tags.map((term) => term.name)).toEqual(["ruby", "jekyll"]);
    expect(yaml("title: T\ndate: 2022-03-04\ntags: machine learning").post.tags.map((term) => term.name)).toEqual(["machine learning"]);
  });

  it("takes the last part of a slug written as a path", () => {
    expect(yaml("title: T\ndate: 2022-03-04\nslug: /posts/my-path/").post.slug).toBe("my-path");
  });

  it("publishes a post at Hugo's url, as a folder, and takes its slug from it", () => {
    const { post } = yaml("title: T\ndate: 2022-03-04\nurl: /2019/03/old-address");
    expect(post).toMatchObject({ slug: "old-address", customUrl: "/2019/03/old-address/", aliases: [] });
    // Jekyll's permalinks end in .html: the page is the folder, and the file redirects to it.
    const jekyll = yaml("title: T\ndate: 2022-03-04\nurl: /2019/03/04/hello.html").post;
    expect(jekyll).toMatchObject({ slug: "hello", customUrl: "/2019/03/04/hello/", aliases: ["/2019/03/04/hello.html"] });
    // A url that is /posts/<name>/ names the post's usual address: url wins over slug, as in Hugo.
    const underPosts = yaml("title: T\ndate: 2022-03-04\nslug: other\nurl: /posts/chosen/").post;
    expect(underPosts.slug).toBe("chosen");
    expect(underPosts.customUrl).toBeUndefined();
  });

  it("refuses a url that Folio's own pages use, or that is not a path, naming the line", () => {
    for (const url of ["/", "/tags/ai/", "/categories/x/", "/page/2/", "/posts/2019/hello/", "/2019/page/2/", "/404/"]) {
      expect(() => yaml(`title: T\ndate: 2022-03-04\nurl: ${url}`)).toThrow(
        /posts\/post\.md:4: `url: .*` is a path Folio's own pages use.*leave `url` out/,
      );
    }
    for (const url of ["https://example.com/x/", "/a/../b/", "//evil/x/", "/with space/"]) {
      expect(() => yaml(`title: T\ndate: 2022-03-04\nurl: "${url}"`)).toThrow(/`url` must be a path on this site/);
    }
  });

  it("reads an alias without a leading / from the post's section, as Hugo does", () => {
    expect(yaml("title: T\ndate: 2022-03-04\naliases: [old-name, /kept/as/is/]").post.aliases).toEqual([
      "/posts/old-name/",
      "/kept/as/is/",
    ]);
    expect(yaml("title: T\ndate: 2022-03-04\naliases: [old-name]", "posts/2021/post.md").post.aliases).toContain("/posts/2021/old-name/");
  });

  it("reads Zola's [taxonomies] table and PaperMod's ShowToc", () => {
    const zola = parse('+++\ntitle = "T"\ndate = 2017-09-25\n[taxonomies]\ntags = ["rust", "ssg"]\ncategories = ["Web"]\n+++\n').post;
    expect(zola.tags.map((tag) => tag.name)).toEqual(["rust", "ssg"]);
    expect(zola.categories.map((term) => term.name)).toEqual(["Web"]);
    expect(yaml("title: T\ndate: 2022-03-04\nShowToc: false").post.toc).toBe(false);
  });

  it("reads weight, publishDate and expiryDate", () => {
    const { post } = yaml("title: T\ndate: 2022-03-04\nweight: 3\npublishDate: 2022-04-01\nexpiryDate: 2030-01-01");
    expect(post.weight).toBe(3);
    expect(post.publishAt).toBe(Date.UTC(2022, 3, 1));
    expect(post.expireAt).toBe(Date.UTC(2030, 0, 1));
    expect(() => yaml("title: T\ndate: 2022-03-04\nweight: heavy")).toThrow("posts/post.md:4: `weight` must be a whole number");
  });
});

describe("dates from where the generator takes them", () => {
  const body = (frontMatter: string) => `---\n${frontMatter}\n---\n\nBody.\n`;

  it("takes publishDate, then lastmod, when there is no date", () => {
    expect(parse(body("title: T\npublishDate: 2021-05-06")).post.date).toBe("2021-05-06");
    expect(parse(body("title: T\nlastmod: 2021-05-07")).post.date).toBe("2021-05-07");
  });

  it("takes the date from a Jekyll, Hexo or Docusaurus file or folder name, and leaves it out of the URL", () => {
    const flat = parse(body("title: T"), "posts/2021-09-27-dated-name.md").post;
    expect(flat).toMatchObject({ date: "2021-09-27", slug: "dated-name" });
    expect(parse(body("title: T"), "posts/2020-01-02-bundle/index.md").post).toMatchObject({ date: "2020-01-02", slug: "bundle" });
    expect(parse(body("title: T"), "posts/2020-01-03_zola-style.md").post).toMatchObject({ date: "2020-01-03", slug: "zola-style" });
  });

  it("takes it from Zola's path", () => {
    expect(parse('+++\ntitle = "T"\npath = "2018/07/08/zola-path"\n+++\n').post.date).toBe("2018-07-08");
  });

  it("reads a date with a space before the offset", () => {
    expect(parse(body("title: T\ndate: 2021-09-27 14:45:46 +0530")).post.date).toBe("2021-09-27");
  });

  it("names the three ways to give a date when there is none", () => {
    expect(failure(body("title: T"))).toBe(
      "posts/post.md:1: the post has no date: add `date: YYYY-MM-DD` to its front matter, or start its file or folder name with the date (`2024-05-01-my-post.md`, as Jekyll, Hexo and Docusaurus do), or start Zola's `path` with it",
    );
  });
});

describe("a title from the file name", () => {
  it("titles a post without one after its file, as Jekyll does, with a warning", () => {
    const { post, warnings } = parse("---\ndate: 2022-01-01\n---\n\nBody.\n", "posts/2022-01-01-my-first-post.md");
    expect(post.title).toBe("My First Post");
    expect(warnings).toEqual([
      {
        file: "posts/2022-01-01-my-first-post.md",
        line: 1,
        message: 'no `title`: the post is titled "My First Post" after its file name, as Jekyll does; add `title: …` to choose',
      },
    ]);
  });

  it("reads a dated file with no front matter at all", () => {
    const { post } = parse("Just text, written in a hurry.\n", "posts/2023-04-05-quick-note.markdown");
    expect(post).toMatchObject({ title: "Quick Note", date: "2023-04-05", slug: "quick-note" });
  });
});

describe("where a post's file is", () => {
  const body = "---\ntitle: T\ndate: 2022-01-01\n---\n\nBody.\n";

  it("keeps Hugo's URL of a post in a folder working, as a redirect to /posts/<slug>/", () => {
    expect(parse(body, "posts/2021/Intro.md").post).toMatchObject({ slug: "intro", aliases: ["/posts/2021/intro/"] });
    expect(parse(body, "posts/Notes/trip/index.md").post).toMatchObject({ slug: "trip", aliases: ["/posts/notes/trip/"] });
  });

  it("takes the name of a translated page bundle from its folder, and its language from the file", () => {
    expect(parse(body, "posts/greece/index.gr.md").post.slug).toBe("greece");
    expect(parse(body, "posts/notes.fr.md").post.slug).toBe("notes");
  });
});
