import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import rehypeClobberedAnchors from "./rehype-clobbered-anchors";

const run = (html: string, options?: { prefix?: string }) => {
  const tree = fromHtml(html, { fragment: true }) as Root;
  rehypeClobberedAnchors(options)(tree);
  return toHtml(tree);
};

describe("rehypeClobberedAnchors", () => {
  it("points an in-page link at the id the sanitiser prefixed", () => {
    expect(run('<a href="#fn-1">1</a><p id="user-content-fn-1">Note</p>')).toBe(
      '<a href="#user-content-fn-1">1</a><p id="user-content-fn-1">Note</p>',
    );
  });

  it("leaves a link alone when its target exists as written, or does not exist at all", () => {
    const both = '<a href="#intro">Intro</a><h2 id="intro">Intro</h2><p id="user-content-intro"></p>';
    expect(run(both)).toBe(both);
    expect(run('<a href="#nowhere">?</a>')).toBe('<a href="#nowhere">?</a>');
  });

  it("matches an encoded link to its id, and leaves links to other pages alone", () => {
    expect(run('<a href="#caf%C3%A9">x</a><p id="user-content-café"></p>')).toBe(
      '<a href="#user-content-café">x</a><p id="user-content-café"></p>',
    );
    expect(run('<a href="/posts/x/#fn-1">x</a><p id="user-content-fn-1"></p>')).toBe(
      '<a href="/posts/x/#fn-1">x</a><p id="user-content-fn-1"></p>',
    );
  });

  it("uses another prefix when given one", () => {
    expect(run('<a href="#a">a</a><p id="post-a"></p>', { prefix: "post-" })).toBe('<a href="#post-a">a</a><p id="post-a"></p>');
  });
});
