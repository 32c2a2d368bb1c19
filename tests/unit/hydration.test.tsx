import { readFileSync } from "node:fs";
import { act, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ArticleBody } from "../../src/components/article-body";
import { markdownContent } from "../../src/content/markdown/article-content.server";

// Tells React that act() wraps these updates (Testing Library does so only around its own render).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const vectors: { title: string; payload: string }[] = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8"));

/**
 * Hydrates `ui` over the server's HTML for `server` and returns what React reported: a mismatch
 * that makes it render again on the client comes through `onRecoverableError`; one it patches over
 * (an attribute that differs, in React 19) only through `console.error`.
 */
async function hydrationProblems(container: HTMLElement, ui: ReactNode): Promise<string[]> {
  const problems: string[] = [];
  const consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    problems.push(args.map(String).join(" "));
  });
  try {
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, ui, { onRecoverableError: (error) => problems.push(String(error)) });
    });
    await act(async () => root?.unmount());
  } finally {
    consoleError.mockRestore();
  }
  return problems;
}

describe("prerendered posts hydrate without a mismatch", () => {
  it("for every XSS vector, however broken its HTML", async () => {
    const mismatches: Record<string, string[]> = {};
    for (const { title, payload } of vectors) {
      const content = markdownContent(payload, "/posts/x/");
      const container = document.createElement("div");
      container.innerHTML = renderToString(<ArticleBody content={content} lightgallery={false} />);
      document.body.append(container);
      // The browser gets the content as JSON in the page's data.
      const problems = await hydrationProblems(
        container,
        <ArticleBody content={JSON.parse(JSON.stringify(content))} lightgallery={false} />,
      );
      if (problems.length > 0) mismatches[title] = problems;
      container.remove();
    }
    expect(mismatches).toEqual({});
  }, 60_000);

  it("with lightgallery, for an image that is already a link (the gallery links only the others)", async () => {
    const content = markdownContent("[![A chart](chart.png)](https://example.com/) and ![A photo](photo.png)", "/posts/x/");
    const container = document.createElement("div");
    container.innerHTML = renderToString(<ArticleBody content={content} lightgallery />);
    document.body.append(container);
    expect(container.querySelectorAll("a a")).toHaveLength(0);
    expect(container.querySelector('a[href="https://example.com/"] img')?.getAttribute("alt")).toBe("A chart");
    expect(container.querySelector("a.gallery-link img")?.getAttribute("alt")).toBe("A photo");
    expect(await hydrationProblems(container, <ArticleBody content={JSON.parse(JSON.stringify(content))} lightgallery />)).toEqual([]);
    container.remove();
  });
});
