import { describe, expect, it } from "vitest";
import { refHref, refTarget, resolveRefsInHtml } from "./post-refs";

describe("links to other posts by file", () => {
  it("name their target in a stand-in address and read it back", () => {
    expect(refHref("guide/index.md#setup")).toBe("/folio-ref/guide%2Findex.md%23setup/");
    expect(refTarget(refHref("guide/index.md#setup"))).toBe("guide/index.md#setup");
    expect(refTarget("/posts/guide/")).toBeUndefined();
  });

  it("lead, in a feed's HTML, to the post's absolute URL, with its title where the address was the text", () => {
    const href = refHref("other.md");
    const html = `<a href="https://example.com/blog${href}">the other</a> and <a href="https://example.com/blog${href}">https://example.com/blog${href}</a>`;
    expect(resolveRefsInHtml(html, { "other.md": { url: "/blog/posts/other/", title: "Other & more" } }, "https://example.com")).toBe(
      '<a href="https://example.com/blog/posts/other/">the other</a> and <a href="https://example.com/blog/posts/other/">Other &amp; more</a>',
    );
  });
});
