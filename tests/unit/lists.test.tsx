import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { pageNumbers, Pagination } from "../../src/components/pagination";
import { PostCard } from "../../src/components/post-card";
import { paths } from "../../src/paths";
import { articleFixture, renderInRouter } from "./render";

/** An element's attributes as written in the page, by name. */
function attributesOf(element: Element | null): Record<string, string> {
  return Object.fromEntries([...(element?.attributes ?? [])].map((attribute) => [attribute.name, attribute.value]));
}

describe("PostCard", () => {
  it("shows the title as a link, the byline and the summary", () => {
    renderInRouter(<PostCard post={articleFixture({ lastmod: "2024-01-05" })} />);
    const card = screen.getByRole("article", { name: "Gene editing, explained" });
    expect(within(card).getByRole("link", { name: "Gene editing, explained" })).toHaveAttribute("href", "/posts/gene-editing/");
    expect(within(card).getByText(/updated/)).toHaveTextContent("updated 5 January 2024");
    expect(within(card).getByText("What CRISPR changes.")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "#genomics" })).toHaveAttribute("href", "/tags/genomics/");
  });

  it("names the post in its Read more link, which starts with the visible words", () => {
    renderInRouter(<PostCard post={articleFixture()} />);
    const link = screen.getByRole("link", { name: "Read more of “Gene editing, explained”" });
    expect(link).toHaveAttribute("href", "/posts/gene-editing/");
    expect(link).not.toHaveAttribute("aria-label");
  });
});

describe("PostCard's image", () => {
  const thumbnail = { src: "/posts/gene-editing/cover.png", width: 1200, height: 630 };

  it("shows the post's image, sized from its file, loaded when it nears the screen", () => {
    const { container } = renderInRouter(<PostCard post={articleFixture({ thumbnail })} />);
    const image = container.querySelector("img.post-thumbnail");
    expect(image).toHaveAttribute("src", "/posts/gene-editing/cover.png");
    expect(attributesOf(image)).toMatchObject({ width: "1200", height: "630", loading: "lazy", decoding: "async", alt: "" });
  });

  it("loads the first card's image at once", () => {
    const { container } = renderInRouter(<PostCard post={articleFixture({ thumbnail })} onFirstScreen />);
    expect(container.querySelector("img.post-thumbnail")).toHaveAttribute("loading", "eager");
  });

  it("shows no image for a post without one", () => {
    const { container } = renderInRouter(<PostCard post={articleFixture()} />);
    expect(container.querySelector("img")).toBeNull();
  });
});

describe("Pagination", () => {
  it("links to newer and older pages and marks the current one", () => {
    renderInRouter(<Pagination page={2} totalPages={3} pageUrl={paths.home} />);
    expect(screen.getByRole("link", { name: "← Newer posts" })).toHaveAttribute("href", "/");
    expect(screen.getByRole("link", { name: "Older posts →" })).toHaveAttribute("href", "/page/3/");
    expect(screen.getByText("2")).toHaveAttribute("aria-current", "page");
  });

  it("shows a window of page numbers on long lists", () => {
    expect(pageNumbers(50, 100)).toEqual([1, undefined, 48, 49, 50, 51, 52, undefined, 100]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
  });

  it("is absent for a single page", () => {
    renderInRouter(<Pagination page={1} totalPages={1} pageUrl={paths.home} />);
    expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
  });
});
