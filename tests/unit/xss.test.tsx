import { readFileSync } from "node:fs";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "../../src/components/article-body";
import { markdownContent } from "../../src/content/markdown/article-content.server";

/** White space and control characters, which browsers skip inside a URL (`java\tscript:` runs). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_AND_SPACE = /[\s\u0000-\u001f]+/g;

const vectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

/** Attributes a browser follows as a URL. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "data",
  "background",
  "cite",
  "longdesc",
  "ping",
  "manifest",
]);

/** Everything in a rendered post that could run script, change the page's base or submit data. */
function danger(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    const name = element.localName;
    if (["script", "base", "meta", "form", "object", "embed", "iframe", "frame"].includes(name)) found.push(`<${name}>`);
    for (const { name: attribute, value } of element.attributes) {
      const url = value.replace(CONTROL_AND_SPACE, "").toLowerCase();
      if (attribute.startsWith("on") || attribute === "srcdoc") found.push(`${name}[${attribute}]`);
      if (!URL_ATTRIBUTES.has(attribute)) continue;
      if (/^(javascript|vbscript):/.test(url)) found.push(`${name}[${attribute}=${url.slice(0, 20)}]`);
      if (url.startsWith("data:") && !(name === "img" && attribute === "src" && url.startsWith("data:image/")))
        found.push(`${name}[${attribute}=data:]`);
    }
  }
  return found;
}

describe("the article renderer on every XSS vector", () => {
  it(`renders all ${vectors.length} payloads without anything that could run script`, () => {
    const failures: string[] = [];
    for (const { title, payload } of vectors) {
      const { container, unmount } = render(<ArticleBody content={markdownContent(payload, "/posts/x/")} lightgallery={false} />);
      const found = danger(container);
      if (found.length > 0) failures.push(`${title}: ${found.join(", ")}`);
      unmount();
    }
    expect(failures).toEqual([]);
  });

  it("keeps the links a contact page needs: mailto: and tel:", () => {
    const { container } = render(
      <ArticleBody content={markdownContent("[Mail](mailto:a@example.com) or [call](tel:+15550100).", "/posts/x/")} lightgallery={false} />,
    );
    expect([...container.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual([
      "mailto:a@example.com",
      "tel:+15550100",
    ]);
  });
});
