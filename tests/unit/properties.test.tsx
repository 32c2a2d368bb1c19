// @vitest-environment node
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderContent } from "../../src/components/content";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { ContentError } from "../../src/content/content-error";
import { parsePost } from "../../src/content/parse-post.server";
import { findDanger, findDangerInHtml } from "../danger";

// Pieces that Markdown, HTML and YAML give meaning to, so random input hits their edge cases often.
const markdownPiece = fc.constantFrom(
  "#",
  "##",
  "-",
  "*",
  "**",
  "_",
  "`",
  "```",
  "~~~",
  ">",
  "[",
  "]",
  "(",
  ")",
  "!",
  "|",
  ":-:",
  "---",
  "\n",
  "\n\n",
  "  ",
  "\t",
  "<",
  ">",
  "</",
  "/>",
  "<div>",
  "</div>",
  "<p>",
  "<style>",
  "</style>",
  "<script>",
  "<img src=x>",
  "<!--more-->",
  "<!--",
  "-->",
  "[^1]",
  "[^1]: note",
  "- [ ]",
  "- [x]",
  "1.",
  "http://x.org",
  "&amp;",
  "&#0;",
  "\\",
  "\u00a0",
  "\u0000",
  "数据",
  "🧬",
  "a",
  "word ",
);
const markdown = fc.array(fc.oneof(markdownPiece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(""));

const yamlPiece = fc.constantFrom(
  "title",
  "date",
  "tags",
  "categories",
  "toc",
  "draft",
  "slug",
  "resources",
  "lastmod",
  "summary",
  ":",
  ": ",
  " ",
  "  ",
  "\n",
  "-",
  "- ",
  "[",
  "]",
  "{",
  "}",
  ",",
  '"',
  "'",
  "&a",
  "*a",
  "!!str",
  "2023-02-30",
  "2024-01-02",
  "12:30",
  "true",
  "null",
  "~",
  "#",
  "|",
  ">",
  "---",
  "...",
);
const frontMatter = fc.array(fc.oneof(yamlPiece, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(""));

/** A title, a date (with a time sometimes), tags and a summary as a writer might give them, with random text in each. */
const validFrontMatter = fc
  .record({
    title: fc.string({ minLength: 1, maxLength: 30 }).filter((title) => title.trim() !== ""),
    date: fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2039-12-31T23:59:59Z"), noInvalidDate: true }),
    withTime: fc.boolean(),
    tags: fc.array(
      fc.string({ minLength: 1, maxLength: 12 }).filter((tag) => /[\p{L}\p{N}]/u.test(tag)),
      { maxLength: 4 },
    ),
    summary: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    toc: fc.boolean(),
  })
  .map(({ title, date, withTime, tags, summary, toc }) => ({
    title,
    // JSON strings are YAML strings: any text, quotes and colons included, reads back as written.
    yaml: [
      `title: ${JSON.stringify(title)}`,
      `date: ${withTime ? date.toISOString().replace(/\.\d+Z$/, "Z") : date.toISOString().slice(0, 10)}`,
      `tags: ${JSON.stringify(tags)}`,
      ...(summary === undefined ? [] : [`summary: ${JSON.stringify(summary)}`]),
      `toc: ${toc}`,
    ].join("\n"),
  }));

// A style and a script at the top of every random body: whatever follows, their text must never
// reach the summary, which is plain text. (The summary may show "<style>" written in code: a post
// that is all code has its code as summary.)
const HIDDEN = "<style>p { --folio-hidden-style: 1 }</style>\n\n<script>folioHiddenScript()</script>\n\n";

/** What a parsed post must be, whatever its input: a title, a summary without style or script, an article without script. */
function expectSafePost(source: string, check: (post: ReturnType<typeof parsePost>) => void = () => {}): boolean {
  try {
    const parsed = parsePost({ file: "posts/random.md", source });
    expect(typeof parsed.post.title).toBe("string");
    expect(parsed.post.summary).not.toMatch(/folio-hidden-style|folioHiddenScript/);
    const article = fromHtml(renderToStaticMarkup(renderContent(parsed.article.content)), { fragment: true });
    expect(findDanger(article)).toEqual([]);
    // Nor shown as text: the script is gone, not escaped.
    expect(toString(article)).not.toContain("folioHiddenScript");
    check(parsed);
    return true;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    expect(error.message).toMatch(/^posts\/random\.md:\d+: /);
    return false;
  }
}

// Each run is a new random sample (fast-check prints the seed of a failure). To search harder:
// RUNS=20000 npx vitest run tests/unit/properties.test.tsx --testTimeout=0
const RUNS = Number(process.env.RUNS ?? 400);

describe("random input", () => {
  it("never makes the content layer throw anything but its own ContentError, for random front matter", () => {
    const source = fc.oneof(
      fc.tuple(frontMatter, markdown).map(([yaml, body]) => `---\n${yaml}\n---\n${HIDDEN}${body}`),
      fc.tuple(frontMatter, markdown).map(([yaml, body]) => `${yaml}\n${HIDDEN}${body}`),
      // A valid title and date, then random YAML: unknown keys, odd values and broken lines after good ones.
      fc.tuple(validFrontMatter, frontMatter, markdown).map(([valid, yaml, body]) => `---\n${valid.yaml}\n${yaml}\n---\n${HIDDEN}${body}`),
    );
    let rendered = 0;
    fc.assert(
      fc.property(source, (text) => {
        if (expectSafePost(text)) rendered++;
      }),
      { numRuns: RUNS },
    );
    // Random YAML seldom holds a valid title and date: the next test is the one that reaches the body every time.
    console.info(`random front matter: ${rendered} of ${RUNS} posts reached the Markdown renderer`);
    expect(rendered).toBeGreaterThan(0);
  });

  it("renders every post with valid front matter and a random body, or rejects it with a ContentError", () => {
    let rendered = 0;
    fc.assert(
      fc.property(validFrontMatter, markdown, ({ title, yaml }, body) => {
        const reached = expectSafePost(`---\n${yaml}\n---\n${HIDDEN}${body}`, ({ post }) => expect(post.title).toBe(title.trim()));
        if (reached) rendered++;
      }),
      { numRuns: RUNS },
    );
    console.info(`valid front matter: ${rendered} of ${RUNS} posts reached the Markdown renderer`);
    // Bodies are rejected only for what is wrong in them (a <style> that does not parse): most are rendered.
    expect(rendered).toBeGreaterThan(RUNS * 0.8);
  });

  it("never makes the Markdown renderer throw, and never lets a script through", () => {
    fc.assert(
      fc.property(markdown, (body) => {
        expect(findDangerInHtml(renderToStaticMarkup(renderContent(markdownContent(body))))).toEqual([]);
      }),
      // Found by a CI run: a formula KaTeX cannot read keeps its source in the error's title, `<` and all (text, not an element).
      { numRuns: RUNS, examples: [["$#<script>$"]] },
    );
  });
});
