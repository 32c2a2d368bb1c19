import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { markdownContent } from "../../src/content/markdown/article-content.server";
import type { PostArticle } from "../../src/content/post";

/** Renders a component inside a router, as routes render it. */
export function renderInRouter(ui: ReactNode, url = "/") {
  return render(<MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>);
}

/** A post article with sensible defaults for component tests. */
export function articleFixture(overrides: Partial<PostArticle> = {}): PostArticle {
  return {
    slug: "gene-editing",
    url: "/posts/gene-editing/",
    title: "Gene editing, explained",
    date: "2023-03-20",
    authors: ["Ada"],
    summary: "What CRISPR changes.",
    description: "What CRISPR changes.",
    readingMinutes: 4,
    categories: [{ name: "Science", slug: "science" }],
    tags: [
      { name: "genomics", slug: "genomics" },
      { name: "c++", slug: "c++" },
    ],
    draft: false,
    content: markdownContent("# Intro\n\nHello.\n\n## Methods\n\nText.", "/posts/gene-editing/"),
    headings: [
      { depth: 1, id: "intro", text: "Intro" },
      { depth: 2, id: "methods", text: "Methods" },
    ],
    toc: true,
    lightgallery: false,
    linkToMarkdown: true,
    ...overrides,
  };
}
