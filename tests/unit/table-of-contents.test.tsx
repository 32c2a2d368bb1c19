import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nestHeadings, TableOfContents } from "../../src/components/table-of-contents";
import type { Heading } from "../../src/content/post";

const headings: Heading[] = [
  { depth: 1, id: "intro", text: "Intro" },
  { depth: 2, id: "methods", text: "Methods" },
  { depth: 3, id: "data", text: "Data" },
  { depth: 4, id: "too-deep", text: "Too deep" },
  { depth: 1, id: "results", text: "Results" },
];

/** How many times a heading's position was read (each read makes the browser lay the page out). */
let measured = 0;

/** Puts a heading element in the page at `top` pixels from the top of the viewport. */
function placeHeading(id: string, top: number) {
  const element = document.getElementById(id) ?? document.body.appendChild(Object.assign(document.createElement("h2"), { id }));
  element.getBoundingClientRect = () => {
    measured++;
    return { top } as DOMRect;
  };
}

/** The next animation frame, when the table of contents reads the headings' positions. */
async function nextFrame() {
  await act(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

/** Makes the page `height` pixels tall (jsdom lays nothing out). */
function setPageHeight(height: number) {
  Object.defineProperty(document.documentElement, "scrollHeight", { configurable: true, value: height });
}

async function scrollTo(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) placeHeading(id, top);
  await act(async () => {
    window.dispatchEvent(new Event("scroll"));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

describe("TableOfContents", () => {
  it("nests headings three levels deep from the top level used", () => {
    const tree = nestHeadings(headings);
    expect(tree.map((node) => node.text)).toEqual(["Intro", "Results"]);
    expect(tree[0].children[0].children.map((node) => node.text)).toEqual(["Data"]);
  });

  it("marks the section being read with aria-current as the reader scrolls", async () => {
    setPageHeight(5000);
    await scrollTo({ intro: 0, methods: 500, data: 900, results: 1500 });
    measured = 0;
    render(<TableOfContents headings={headings} />);
    // Nothing is measured while the page hydrates (a forced layout then): only at the next frame.
    expect(measured).toBe(0);
    await nextFrame();
    expect(measured).toBeGreaterThan(0);
    expect(screen.getByRole("link", { name: "Intro" })).toHaveAttribute("aria-current", "true");

    await scrollTo({ intro: -800, methods: -300, data: 100, results: 700 });
    expect(screen.getByRole("link", { name: "Data" })).toHaveAttribute("aria-current", "true");
    expect(screen.getByRole("link", { name: "Intro" })).not.toHaveAttribute("aria-current");

    await scrollTo({ intro: -2000, methods: -1500, data: -1100, results: 50 });
    expect(screen.getByRole("link", { name: "Results" })).toHaveAttribute("aria-current", "true");
  });

  it("marks the last visible section at the bottom of the page, where it cannot reach the top", async () => {
    setPageHeight(window.innerHeight);
    await scrollTo({ intro: -400, methods: -200, data: 200, results: 500 });
    render(<TableOfContents headings={headings} />);
    await nextFrame();
    expect(screen.getByRole("link", { name: "Results" })).toHaveAttribute("aria-current", "true");
  });

  it("leaves out headings deeper than three levels", () => {
    render(<TableOfContents headings={headings} />);
    expect(screen.queryByRole("link", { name: "Too deep" })).not.toBeInTheDocument();
  });
});
