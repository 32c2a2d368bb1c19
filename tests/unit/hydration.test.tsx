import { readFileSync } from "node:fs";
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "../../src/components/article-body";
import { markdownContent } from "../../src/content/markdown/article-content.server";

const vectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

describe("prerendered posts hydrate without a mismatch", () => {
  it("for every XSS vector, however broken its HTML", async () => {
    const mismatches: string[] = [];
    for (const { title, payload } of vectors) {
      const content = markdownContent(payload, "/posts/x/");
      // The browser gets the content as JSON in the page's data.
      const body = <ArticleBody content={JSON.parse(JSON.stringify(content))} lightgallery={false} />;
      const container = document.createElement("div");
      container.innerHTML = renderToString(<ArticleBody content={content} lightgallery={false} />);
      document.body.append(container);
      const errors: unknown[] = [];
      let root: ReturnType<typeof hydrateRoot> | undefined;
      await act(async () => {
        root = hydrateRoot(container, body, { onRecoverableError: (error) => errors.push(error) });
      });
      if (errors.length > 0) mismatches.push(title);
      await act(async () => root?.unmount());
      container.remove();
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it("with lightgallery, for an image that is already a link (the gallery links only the others)", async () => {
    const content = markdownContent("[![A chart](chart.png)](https://example.com/) and ![A photo](photo.png)", "/posts/x/");
    const container = document.createElement("div");
    container.innerHTML = renderToString(<ArticleBody content={content} lightgallery />);
    document.body.append(container);
    expect(container.querySelectorAll("a a")).toHaveLength(0);
    expect(container.querySelector('a[href="https://example.com/"] img')?.getAttribute("alt")).toBe("A chart");
    expect(container.querySelector("a.gallery-link img")?.getAttribute("alt")).toBe("A photo");
    const errors: unknown[] = [];
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, <ArticleBody content={JSON.parse(JSON.stringify(content))} lightgallery />, {
        onRecoverableError: (error) => errors.push(error),
      });
    });
    expect(errors).toEqual([]);
    await act(async () => root?.unmount());
    container.remove();
  });
});
