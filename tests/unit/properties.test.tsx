// @vitest-environment node
import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderContent } from "../../src/components/content";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { ContentError } from "../../src/content/content-error";
import { parsePost } from "../../src/content/parse-post.server";

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

describe("random input", () => {
  it("never makes the content layer throw anything but its own ContentError", () => {
    fc.assert(
      fc.property(frontMatter, markdown, fc.boolean(), (yaml, body, fenced) => {
        const source = fenced ? `---\n${yaml}\n---\n${body}` : `${yaml}\n${body}`;
        try {
          const { post } = parsePost({ file: "posts/random.md", source });
          expect(typeof post.title).toBe("string");
          expect(post.summary).not.toMatch(/<style|<script/i);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          expect(error.message).toMatch(/^posts\/random\.md:\d+: /);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never makes the Markdown renderer throw, and never lets a script through", () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const html = renderToStaticMarkup(renderContent(markdownContent(body)));
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 400 },
    );
  });
});
