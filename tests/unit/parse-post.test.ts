// @vitest-environment node
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/content-error";
import { parsePost } from "../../src/content/parse-post.server";

const SAMPLE = "posts/ai-personalized-cancer-treatment/index.md";
const sample = () => parsePost({ file: SAMPLE, source: readFileSync(SAMPLE, "utf8"), bundleFiles: ["featured-image.png"] });

function post(frontMatter: string, body = "Some text.") {
  return parsePost({ file: "posts/test.md", source: `---\n${frontMatter}\n---\n\n${body}\n` }).post;
}

describe("the sample post, as Hugo reads it", () => {
  it("reads front matter despite the blank line before the opening ---", () => {
    const { post } = sample();
    expect(post.title).toBe("Challenges and opportunities for AI in personalized cancer treatment.");
    expect(post.authors).toEqual(["gpt-3.5-turbo"]);
  });

  it("keeps the date as the calendar day written", () => {
    expect(sample().post.date).toBe("2023-03-20");
  });

  it("reads categories and tags, slugged for their URLs", () => {
    const { post } = sample();
    expect(post.categories).toEqual([{ name: "Healthcare", slug: "healthcare" }]);
    expect(post.tags.map((tag) => tag.slug)).toEqual(["ai", "personalized-cancer-treatment", "challenges", "opportunities"]);
  });

  it("summarises the text before <!--more--> as plain text, without the style block", () => {
    const { post } = sample();
    expect(post.summary).toBe(
      // Curly quotes: Hugo's Markdown (goldmark's typographer) gives the same.
      "“AI in cancer treatment, because apparently even machines want to join the fight against cancer and show off their intelligence!”",
    );
    expect(post.summary).not.toMatch(/box-shadow|<style/);
  });

  it("takes the featured image from resources named featured-image", () => {
    expect(sample().post.featuredImage).toBe("featured-image.png");
  });

  it("lists h1 section headings for the table of contents, with the ids the renderer gives them", () => {
    const { post, article } = sample();
    const { headings } = article;
    expect(post.toc).toBe(true);
    expect(headings[0]).toEqual({
      depth: 1,
      id: "challenges-and-opportunities-for-ai-in-personalized-cancer-treatment",
      text: "Challenges and Opportunities for AI in Personalized Cancer Treatment",
    });
    expect(headings.map((heading) => heading.text)).toContain("Conclusion");
  });

  it("honours lightgallery, linkToMarkdown and rssFullText", () => {
    const { post } = sample();
    expect(post).toMatchObject({ lightgallery: true, linkToMarkdown: true, rssFullText: false, draft: false });
  });

  it("warns once about the misplaced top-level auto: and enable: keys, with their lines, and keeps them", () => {
    const { post, warnings } = sample();
    expect(warnings.map((warning) => [warning.line, warning.message.split(" ")[0]])).toEqual([
      [22, "`auto`"],
      [24, "`enable`"],
    ]);
    expect(warnings[0].message).toContain("toc:");
    expect(post.params).toMatchObject({ auto: false, enable: true });
  });

  it("estimates reading time at Hugo's 213 words a minute", () => {
    expect(sample().post.readingMinutes).toBe(3);
  });
});

describe("front matter fields", () => {
  it("accepts tags as a single string", () => {
    expect(post("title: T\ndate: 2024-01-02\ntags: genomics").tags).toEqual([{ name: "genomics", slug: "genomics" }]);
  });

  it("merges tags of one post that differ only in case", () => {
    expect(post("title: T\ndate: 2024-01-02\ntags: [AI, ai]").tags).toEqual([{ name: "AI", slug: "ai" }]);
  });

  it("gives tags with spaces, +, / and other scripts readable slugs", () => {
    const tags = post('title: T\ndate: 2024-01-02\ntags: ["machine learning", "c++", "café", "数据", "ci/cd"]').tags;
    expect(tags.map((tag) => tag.slug)).toEqual(["machine-learning", "c++", "café", "数据", "ci-cd"]);
  });

  it("turns the table of contents off with toc: false or toc: {enable: false}", () => {
    expect(post("title: T\ndate: 2024-01-02\ntoc: false").toc).toBe(false);
    expect(post("title: T\ndate: 2024-01-02\ntoc:\n  enable: false").toc).toBe(false);
    expect(post("title: T\ndate: 2024-01-02\ntoc:\n  enable: true\n  auto: false").toc).toBe(true);
  });

  it("shows lastmod only when it differs from the date", () => {
    expect(post("title: T\ndate: 2024-01-02\nlastmod: 2024-02-03").lastmod).toBe("2024-02-03");
    expect(post("title: T\ndate: 2024-01-02\nlastmod: 2024-01-02").lastmod).toBeUndefined();
  });

  it("keeps the day written for a date with a time zone", () => {
    expect(post("title: T\ndate: 2024-01-02T23:30:00-08:00").date).toBe("2024-01-02");
  });

  it("uses slug, else the file name, for the URL", () => {
    expect(post("title: T\ndate: 2024-01-02\nslug: My Custom Slug").slug).toBe("my-custom-slug");
    expect(post("title: T\ndate: 2024-01-02").slug).toBe("test");
  });

  it("reads a title that YAML takes for a number as written", () => {
    expect(post("title: 1984\ndate: 2024-01-02").title).toBe("1984");
  });

  it("accepts ... as the closing marker, as YAML allows", () => {
    const parsed = parsePost({ file: "posts/dots.md", source: "---\ntitle: Dots\ndate: 2024-01-02\n...\n\nBody.\n" });
    expect(parsed.post.title).toBe("Dots");
    expect(parsed.article.content).toEqual([["p", 0, "Body."]]);
  });

  it("reads a sexagesimal-looking title (12:30) as written, not as YAML 1.1's number 750", () => {
    expect(post("title: 12:30\ndate: 2024-01-02").title).toBe("12:30");
  });

  it("keeps an unknown key that YAML reads as a number, and warns about it", () => {
    const parsed = parsePost({ file: "posts/time.md", source: "---\ntitle: T\ndate: 2024-01-02\ntime: 12:30\n---\n" });
    expect(parsed.post.params.time).toBe(750);
    expect(parsed.warnings[0]).toMatchObject({ line: 4, message: expect.stringContaining("unknown front matter key `time`") });
  });

  it("warns once, at its fence's line, about a code block in a language it cannot highlight, and shows it as text", () => {
    const source = "---\ntitle: T\ndate: 2024-01-02\n---\n\nIntro.\n\n~~~ klingon\nqapla'\n~~~\n\n```klingon\nbatlh\n```\n";
    const parsed = parsePost({ file: "posts/code.md", source });
    expect(parsed.warnings).toEqual([
      { file: "posts/code.md", line: 8, message: expect.stringContaining("code block in `klingon`: Folio does not know this language") },
    ]);
    expect(JSON.stringify(parsed.article.content)).toContain("qapla'");
  });

  it("rejects YAML aliases that expand a tag list into nested lists, without expanding them", () => {
    const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let level = 1; level < 9; level++)
      laughs.push(
        `${"abcdefghij"[level]}: &${"abcdefghij"[level]} [${Array(9)
          .fill(`*${"abcdefghij"[level - 1]}`)
          .join(", ")}]`,
      );
    const source = `---\ntitle: Laughs\ndate: 2024-01-02\n${laughs.join("\n")}\ntags: *i\n---\n`;
    expect(() => parsePost({ file: "posts/laughs.md", source })).toThrow("posts/laughs.md:13: tags[0] must be a string, got a list");
  }, 20_000);

  it("accepts CRLF line endings and a byte order mark", () => {
    const parsed = parsePost({
      file: "posts/windows.md",
      source: "\uFEFF---\r\ntitle: Windows\r\ndate: 2024-01-02\r\n---\r\n\r\nBody.\r\n",
    });
    expect(parsed.post.title).toBe("Windows");
    expect(parsed.article.content).toEqual([["p", 0, "Body."]]);
  });
});

describe("a post FixIt protects with a password", () => {
  it("is a draft, left out of the built site, and the author is told why", () => {
    const parsed = parsePost({
      file: "posts/secret.md",
      source: "---\ntitle: Secret\ndate: 2024-01-02\npassword: hunter2\n---\n\nThe plan.\n",
    });
    expect(parsed.post.draft).toBe(true);
    expect(parsed.warnings).toEqual([
      {
        file: "posts/secret.md",
        line: 4,
        message:
          "`password`: Folio cannot protect a post with a password, so it leaves it out of the built site, as a draft (remove `password` to publish it)",
      },
    ]);
    expect(post("title: Open\ndate: 2024-01-02\npassword: ''").draft).toBe(false);
  });
});

describe("summaries", () => {
  it("accepts <!-- more --> and <!--truncate--> as dividers", () => {
    expect(post("title: T\ndate: 2024-01-02", "First part.\n\n<!-- more -->\n\nSecond.").summary).toBe("First part.");
    expect(post("title: T\ndate: 2024-01-02", "Intro.\n\n<!--truncate-->\n\nMore.").summary).toBe("Intro.");
  });

  it("falls back to summary, then description, then the first 70 words", () => {
    expect(post('title: T\ndate: 2024-01-02\nsummary: "Short."\ndescription: "Longer."').summary).toBe("Short.");
    expect(post('title: T\ndate: 2024-01-02\ndescription: "Longer."').summary).toBe("Longer.");
    const words = Array.from({ length: 100 }, (_, index) => `word${index}`).join(" ");
    const summary = post("title: T\ndate: 2024-01-02", words).summary;
    expect(summary.split(" ")).toHaveLength(70);
    expect(summary.endsWith("word69…")).toBe(true);
  });

  it("counts words in scripts without spaces for the reading time", () => {
    expect(post("title: T\ndate: 2024-01-02", "数据科学".repeat(300)).readingMinutes).toBeGreaterThan(1);
  });

  it("never contains headings, styles or scripts", () => {
    const summary = post(
      "title: T\ndate: 2024-01-02",
      "<style>p{color:red}</style>\n\n## A heading\n\n<script>alert(1)</script>Text.\n\n<!--more-->\n\nRest.",
    ).summary;
    expect(summary).toBe("A heading Text.");
  });

  it("leaves code blocks out (an escaped shortcode among them), and keeps the words of a shortcode's blocks apart", () => {
    const body =
      '## Tabs\n\n{{< admonition tip "Try it" >}}\nType this:\n\n```markdown\n{{</* tabs */>}}\n```\n{{< /admonition >}}\n\nDone.';
    expect(post("title: T\ndate: 2024-01-02", body).summary).toBe("Tabs Try it Type this: Done.");
    expect(post("title: T\ndate: 2024-01-02", `${body}\n\n<!--more-->\n\nRest.`).summary).toBe("Tabs Try it Type this: Done.");
    // A post that is all code still has a summary: its code.
    expect(post("title: T\ndate: 2024-01-02", "```sh\nnpm start\n```").summary).toBe("npm start");
  });
});

const brokenDir = "tests/fixtures/broken";
const expectedErrors: Record<string, string> = {
  "invalid-yaml.md": "posts/invalid-yaml.md:2: invalid YAML in front matter",
  "impossible-date.md": "posts/impossible-date.md:3: `date`: 2023-02-30 does not exist in the calendar",
  "tag-not-string.md": 'posts/tag-not-string.md:4: tags[1] must be a string, got number 42: put it in quotes, e.g. "42"',
  "no-front-matter.md": "posts/no-front-matter.md:1: the post has no date: add `date: YYYY-MM-DD` to its front matter, or start its file",
  "unclosed.md": "posts/unclosed.md:1: the front matter opened here never closes: add a `---` line",
  "duplicate-key.md": "posts/duplicate-key.md:4: invalid YAML in front matter (duplicated mapping key)",
  "bad-toc.md": "posts/bad-toc.md:4: `toc` must be `true`, `false` or a block",
  "missing-date.md": "posts/missing-date.md:1: the post has no date: add `date: YYYY-MM-DD` to its front matter",
  "draft-not-boolean.md": 'posts/draft-not-boolean.md:4: `draft` must be true or false, got string "no"',
  "tab-indented.md": "posts/tab-indented.md:5: a tab indents this line: indent front matter with spaces",
  "latin1.md": "posts/latin1.md:2: the file is not valid UTF-8",
  "empty.md": "posts/empty.md:1: the post has no date",
  "deep-nesting.md":
    "posts/deep-nesting.md:6: this line nests lists or block quotes 10000 levels deep; Folio renders up to 100: flatten them",
  "deep-html.md":
    "posts/deep-html.md:6: HTML elements nest 10000 levels deep here; Folio renders up to 500: close them or flatten the markup",
};

describe("broken posts fail with the file, the line and the fix", () => {
  it("has an expected message for every broken fixture", () => {
    expect(readdirSync(brokenDir).sort()).toEqual(Object.keys(expectedErrors).sort());
  });

  for (const [name, message] of Object.entries(expectedErrors)) {
    it(name, () => {
      const source = readFileSync(`${brokenDir}/${name}`, "utf8");
      const parse = () => parsePost({ file: `posts/${name}`, source });
      expect(parse).toThrow(ContentError);
      expect(parse).toThrow(message);
    });
  }

  it("warns, with its line, about a featured image missing from the page bundle, and shows none (as Hugo does)", () => {
    const source = "---\ntitle: T\ndate: 2024-01-02\nresources:\n  - name: featured-image\n    src: cover.png\n---\n";
    const { post, warnings } = parsePost({ file: "posts/trip/index.md", source, bundleFiles: [] });
    expect(post.featuredImage).toBeUndefined();
    expect(warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`)).toEqual([
      "posts/trip/index.md:4: resource `cover.png` is not in the post's folder; the post is shown without a featured image: add the file or fix `src`",
    ]);
  });
});

describe("LoveIt's featured image preview, for lists", () => {
  const parse = (frontMatter: string, bundleFiles: string[] = ["cover.png", "cover-small.png"]) =>
    parsePost({ file: "posts/trip/index.md", source: `---\ntitle: T\ndate: 2024-01-02\n${frontMatter}\n---\n`, bundleFiles });

  it("reads the featured-image-preview resource before the featuredImagePreview key, and keeps it out of params", () => {
    const resources =
      "resources:\n  - name: featured-image\n    src: cover.png\n  - name: featured-image-preview\n    src: cover-small.png";
    const { post, warnings } = parse(`${resources}\nfeaturedImagePreview: other.png`);
    expect(post).toMatchObject({ featuredImage: "cover.png", featuredImagePreview: "cover-small.png" });
    expect(post.params).not.toHaveProperty("featuredImagePreview");
    expect(warnings).toEqual([]);
  });

  it("reads the featuredImagePreview key, as LoveIt's front matter writes it", () => {
    expect(parse("featuredImage: cover.png\nfeaturedImagePreview: cover-small.png").post).toMatchObject({
      featuredImage: "cover.png",
      featuredImagePreview: "cover-small.png",
    });
  });

  it("warns about a preview missing from the page bundle, and lists the post with its featured image", () => {
    const { post, warnings } = parse("resources:\n  - name: featured-image-preview\n    src: gone.png", ["cover.png"]);
    expect(post.featuredImagePreview).toBeUndefined();
    expect(warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual([
      "4: resource `gone.png` is not in the post's folder; the post is shown without this preview image in lists: add the file or fix `src`",
    ]);
  });
});

describe("image captions", () => {
  it("shows an image's title as its caption when the image is alone in its paragraph, and leaves it out of the summary", () => {
    const { post, article } = parsePost({
      file: "posts/trip/index.md",
      source: '---\ntitle: T\ndate: 2024-01-02\n---\n\nWords.\n\n![A chart](chart.png "Results by month")\n',
      bundleFiles: ["chart.png"],
    });
    expect(JSON.stringify(article.content)).toContain('["figure",{"className":"image-caption"}');
    expect(JSON.stringify(article.content)).toContain('["figcaption",0,"Results by month"]');
    expect(post.summary).toBe("Words.");
    expect(post.imageSrcs).toEqual(["/posts/trip/chart.png"]);
  });
});

describe("a post's <style> block", () => {
  const styled = (css: string) =>
    parsePost({
      file: "posts/styled.md",
      source: `---\ntitle: T\ndate: 2024-01-02\n---\n\nIntro.\n\n<style>\n${css}\n</style>\n\nText.\n`,
    });

  it("may style its own elements, with media queries and its own images", () => {
    expect(() =>
      styled("img { border-radius: 10px; }\n@media (max-width: 40rem) { h2 { color: red; } }\n.hero { background: url(hero.png); }"),
    ).not.toThrow();
  });

  it("is rejected when it does not parse, since a stray } could close its scope", () => {
    expect(() => styled("p { color: red; }\n} body { display: none }")).toThrow(
      "posts/styled.md:10: the <style> block is not valid CSS (Unexpected })",
    );
  });

  it("may not load other style sheets or fonts", () => {
    expect(() => styled("p { color: red; }\n@import url(https://evil.example/x.css);")).toThrow(
      "posts/styled.md:10: the <style> block uses @import",
    );
    expect(() => styled("@font-face { font-family: X; src: url(/x.woff2); }")).toThrow(
      "posts/styled.md:9: the <style> block uses @font-face",
    );
  });

  it("may not load anything from another site", () => {
    expect(() => styled("p {\n  background: url('https://tracker.example/pixel.gif');\n}")).toThrow(
      "posts/styled.md:10: the <style> block loads https://tracker.example/pixel.gif",
    );
  });
});

describe("diagrams", () => {
  const diagrams = (body: string) =>
    parsePost({ file: "posts/test.md", source: `---\ntitle: T\ndate: 2024-01-01\n---\n\n${body}\n` }).post.diagrams;

  it("marks a post with a ```mermaid block or LoveIt's mermaid shortcode, so that its page draws them; no other post", () => {
    expect(diagrams("```mermaid\nflowchart LR\n  a --> b\n```")).toBe(true);
    expect(diagrams("{{< mermaid >}}\nflowchart LR\n  a --> b\n{{< /mermaid >}}")).toBe(true);
    expect(diagrams("```js\nconst mermaid = 1;\n```\n\nA word about `mermaid`.")).toBeUndefined();
  });
});

describe("math", () => {
  const parsed = (frontMatter: string, body: string) =>
    parsePost({ file: "posts/test.md", source: `---\n${frontMatter}\n---\n\n${body}\n` });
  const rendersMath = (frontMatter: string) => parsed(frontMatter, "Euler: $e^{i\\pi} + 1 = 0$").post.math === true;

  it("is on unless the post turns it off, as FixIt reads `math`: its page loads the math style sheet only when it has a formula", () => {
    expect(rendersMath("title: T\ndate: 2024-01-01")).toBe(true);
    expect(rendersMath("title: T\ndate: 2024-01-01\nmath: true")).toBe(true);
    expect(rendersMath("title: T\ndate: 2024-01-01\nmath:\n  enable: true")).toBe(true);
    expect(rendersMath("title: T\ndate: 2024-01-01\nmath: false")).toBe(false);
    expect(rendersMath("title: T\ndate: 2024-01-01\nmath:\n  enable: false")).toBe(false);
    expect(parsed("title: T\ndate: 2024-01-01", "It costs $5, or $10 with tax.").post.math).toBeUndefined();
  });

  it("keeps the TeX as written when the post turns math off", () => {
    expect(parsed("title: T\ndate: 2024-01-01\nmath: false", "Euler: $e^{i\\pi}$").post.summary).toBe("Euler: $e^{i\\pi}$");
  });

  it("rejects a `math` that is neither on nor off, naming the line", () => {
    expect(() => parsed("title: T\ndate: 2024-01-01\nmath: yes please", "x")).toThrow(
      "posts/test.md:4: `math` must be `true`, `false` or a block like `math: {enable: false}`",
    );
  });

  it("uses FixIt's macros, KaTeX's and MathJax's forms", () => {
    const { article, warnings } = parsed(
      'title: T\ndate: 2024-01-01\nmath:\n  katex:\n    macros:\n      "\\\\RR": "\\\\mathbb{R}"\n  mathjax:\n    macros:\n      bold: ["{\\\\bf #1}", 1]',
      "$\\RR$ and $\\bold{x}$",
    );
    expect(warnings).toEqual([]);
    expect(JSON.stringify(article.content)).toContain("double-struck");
  });

  it("warns with the file and line of a formula KaTeX cannot read, each time it is written, and still builds the post", () => {
    const { post, warnings } = parsed("title: T\ndate: 2024-01-01", "Fine $x$.\n\nBroken $\\frac{1}$ here.\n\nAgain $\\frac{1}$.");
    expect(post.math).toBe(true);
    expect(warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`)).toEqual([
      "posts/test.md:8: math `\\frac{1}`: Unexpected end of input in a macro argument, expected '}'",
      "posts/test.md:10: math `\\frac{1}`: Unexpected end of input in a macro argument, expected '}'",
    ]);
  });

  it("gives full-text feeds a formula's MathML, without KaTeX's HTML, which needs the page's style sheet", () => {
    const { feedHtml } = parsed("title: T\ndate: 2024-01-01\nrssFullText: true", "Euler: $e^{i\\pi} + 1 = 0$");
    expect(feedHtml).toContain('<annotation encoding="application/x-tex">e^{i\\pi} + 1 = 0</annotation>');
    expect(feedHtml).not.toContain("katex-html");
  });

  it("reads a formula as its TeX in summaries and the table of contents", () => {
    const { post, article } = parsed("title: T\ndate: 2024-01-01", "Testing $\\KaTeX$ here.\n\n## $E = mc^2$ in headings\n\nText.");
    expect(post.summary).toBe("Testing \\KaTeX here. E = mc^2 in headings Text.");
    expect(article.headings).toEqual([{ depth: 2, id: "e--mc2-in-headings", text: "E = mc^2 in headings" }]);
  });
});
