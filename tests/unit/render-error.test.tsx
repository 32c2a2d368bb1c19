import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Article } from "../../src/components/article";
import { articleFixture, renderInRouter } from "./render";

// A post whose Markdown makes the renderer throw (simulated: the pipeline itself is well tested).
vi.mock("../../src/components/content", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/components/content")>()),
  renderContent: () => {
    throw new Error("Cannot read this table");
  },
}));

describe("a post that cannot be rendered", () => {
  it("shows an error in the post's place while the title, byline and links still work", () => {
    renderInRouter(<Article post={articleFixture()} older={{ slug: "older", title: "An older post", url: "/posts/older/" }} />);
    expect(screen.getByRole("alert")).toHaveTextContent("This post could not be displayed");
    expect(screen.getByRole("alert")).toHaveTextContent("Cannot read this table");
    expect(screen.getByRole("heading", { level: 1, name: "Gene editing, explained" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /An older post/ })).toHaveAttribute("href", "/posts/older/");
  });
});
