import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Article } from "../../src/components/article";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import { markdownToHast } from "../../src/content/markdown/pipeline";
import { headingsOf } from "../../src/content/post-text.server";
import { articleFixture, renderInRouter } from "./render";

const gfm = `# Results

| Model | AUC |
|:------|----:|
| CNN   | 0.91 |

- [x] collect data
- [ ] validate

A claim[^1] with ~~old~~ new text and https://example.org/paper linked.

\`\`\`python
print("hi")
\`\`\`

<details><summary>Raw HTML</summary>Hidden text</details>

<script>window.hacked = true</script>
<img src="x.png" onerror="window.hacked = true" alt="scan">

# Results

[^1]: The footnote.
`;

function renderArticle(body: string, overrides = {}) {
  const headings = headingsOf(markdownToHast(body));
  return renderInRouter(
    <Article post={articleFixture({ content: markdownContent(body, "/posts/gene-editing/"), headings, ...overrides })} />,
    "/posts/gene-editing/",
  );
}

/** An element's attributes as written in the page, by name. */
function attributesOf(element: Element | null): Record<string, string> {
  return Object.fromEntries([...(element?.attributes ?? [])].map((attribute) => [attribute.name, attribute.value]));
}

describe("Article", () => {
  it("shows the title, date, author, reading time, categories and tags as links", () => {
    renderArticle("Text.");
    expect(screen.getByRole("heading", { level: 1, name: "Gene editing, explained" })).toBeInTheDocument();
    expect(screen.getByText("20 March 2023")).toHaveAttribute("datetime", "2023-03-20");
    expect(screen.getByText(/by Ada/)).toBeInTheDocument();
    expect(screen.getByText(/4 min read/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Science" })).toHaveAttribute("href", "/categories/science/");
    expect(screen.getByRole("link", { name: "#c++" })).toHaveAttribute("href", "/tags/c++/");
  });

  it("renders GitHub Flavored Markdown: tables, task lists, footnotes, strikethrough, autolinks, code", () => {
    const { container } = renderArticle(gfm);
    expect(screen.getByRole("table")).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "0.91" })).toHaveStyle({ textAlign: "right" });
    expect(screen.getAllByRole("checkbox").map((box) => (box as HTMLInputElement).checked)).toEqual([true, false]);
    expect(container.querySelector("del")).toHaveTextContent("old");
    expect(screen.getByRole("link", { name: "https://example.org/paper" })).toHaveAttribute("href", "https://example.org/paper");
    expect(container.querySelector("code.language-python")).toHaveTextContent('print("hi")');
    expect(screen.getByText("Raw HTML").tagName).toBe("SUMMARY");
  });

  it("links footnote references to footnotes that exist", () => {
    const { container } = renderArticle(gfm);
    const reference = container.querySelector<HTMLAnchorElement>("a[data-footnote-ref]")!;
    const target = reference.getAttribute("href")!.slice(1);
    expect(container.querySelector(`[id="${target}"]`)).toHaveTextContent("The footnote.");
  });

  it("drops script and event handlers from raw HTML", () => {
    const { container } = renderArticle(gfm);
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByRole("img", { name: "scan" })).not.toHaveAttribute("onerror");
  });

  it("gives headings unique ids that the table of contents links to", () => {
    renderArticle(gfm);
    const toc = screen.getByRole("navigation", { name: "Contents" });
    const links = within(toc).getAllByRole("link", { name: "Results" });
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["#results", "#results-1"]);
    const headings = screen.getAllByRole("heading", { name: "Results" });
    expect(headings.map((heading) => heading.id)).toEqual(["results", "results-1"]);
  });

  it("scopes the post's <style> to the article", () => {
    const { container } = renderArticle("<style>\nimg { border-radius: 10px; }\n</style>\n\nText.");
    expect(container.querySelector("style")!.textContent).toBe("@scope {\nimg { border-radius: 10px; }\n}");
    expect(container.querySelector("style")!.parentElement).toHaveClass("post-content");
  });

  it("has no table of contents with toc: false", () => {
    renderArticle("# One\n\n# Two", { toc: false });
    expect(screen.queryByRole("navigation", { name: "Contents" })).not.toBeInTheDocument();
  });

  it("resolves page bundle images against the post's URL", () => {
    renderArticle("![A chart](chart.svg)", { featuredImage: "cover.svg" });
    expect(screen.getByRole("img", { name: "A chart" })).toHaveAttribute("src", "/posts/gene-editing/chart.svg");
    expect(document.querySelector(".featured-image")).toHaveAttribute("src", "/posts/gene-editing/cover.svg");
  });

  it("gives local images the size of their files, lazy loading below the first and async decoding", () => {
    renderArticle("![A chart](chart.png)\n\n![A map](map.png)\n\n![Far away](https://example.com/far.png)", {
      images: { "/posts/gene-editing/chart.png": { width: 800, height: 600 }, "/posts/gene-editing/map.png": { width: 400, height: 300 } },
    });
    expect(attributesOf(screen.getByRole("img", { name: "A chart" }))).toMatchObject({
      width: "800",
      height: "600",
      loading: "eager",
      decoding: "async",
    });
    expect(attributesOf(screen.getByRole("img", { name: "A map" }))).toMatchObject({
      width: "400",
      height: "300",
      loading: "lazy",
      decoding: "async",
    });
    const far = screen.getByRole("img", { name: "Far away" });
    expect(far).not.toHaveAttribute("width");
    expect(attributesOf(far)).toMatchObject({ loading: "lazy", decoding: "async" });
  });

  it("loads the featured image at once, sized, and every article image lazily below it", () => {
    renderArticle("![A chart](chart.png)", {
      featuredImage: "cover.png",
      images: { "/posts/gene-editing/cover.png": { width: 1200, height: 630 } },
    });
    expect(attributesOf(document.querySelector(".featured-image"))).toMatchObject({ width: "1200", height: "630", loading: "eager" });
    expect(screen.getByRole("img", { name: "A chart" })).toHaveAttribute("loading", "lazy");
  });

  it("links to the Markdown source and to the previous and next posts", () => {
    renderInRouter(
      <Article
        post={articleFixture()}
        older={{ slug: "older", title: "An older post", url: "/posts/older/" }}
        newer={{ slug: "newer", title: "A newer post", url: "/posts/newer/" }}
      />,
    );
    expect(screen.getByRole("link", { name: "Read the Markdown source" })).toHaveAttribute("href", "/posts/gene-editing/index.md");
    expect(screen.getByRole("link", { name: /Previous post An older post/ })).toHaveAttribute("href", "/posts/older/");
    expect(screen.getByRole("link", { name: /Next post A newer post/ })).toHaveAttribute("href", "/posts/newer/");
  });

  it("marks drafts", () => {
    renderArticle("Text.", { draft: true });
    expect(screen.getByText("Draft")).toBeInTheDocument();
  });

  it("opens images full size in a gallery with lightgallery: true", async () => {
    const user = userEvent.setup();
    renderArticle("![First scan](one.png)\n\n![Second scan](two.png)", { lightgallery: true });
    await user.click(screen.getByRole("img", { name: "First scan" }));
    const viewer = screen.getByRole("dialog", { name: "Image viewer" });
    expect(within(viewer).getByRole("img", { name: "First scan" })).toHaveAttribute(
      "src",
      expect.stringContaining("/posts/gene-editing/one.png"),
    );
    await user.click(within(viewer).getByRole("button", { name: "Next image" }));
    expect(within(viewer).getByRole("img", { name: "Second scan" })).toBeInTheDocument();
    expect(within(viewer).getByText("(2 of 2)")).toBeInTheDocument();
  });
});
