import { readFileSync } from "node:fs";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "../../src/components/article-body";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { findDangerInHtml } from "../danger";

const vectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

describe("the article renderer on every XSS vector", () => {
  it(`renders all ${vectors.length} payloads without anything that could run script`, () => {
    const failures: string[] = [];
    for (const { title, payload } of vectors) {
      const { container, unmount } = render(<ArticleBody content={markdownContent(payload, "/posts/x/")} lightgallery={false} />);
      const found = findDangerInHtml(container.innerHTML);
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
