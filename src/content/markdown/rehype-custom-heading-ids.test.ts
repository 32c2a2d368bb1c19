import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import rehypeCustomHeadingIds from "./rehype-custom-heading-ids";

const heading = (tagName: string, dataHeadingId: string): Element => ({
  type: "element",
  tagName,
  properties: { dataHeadingId },
  children: [],
});

describe("rehypeCustomHeadingIds", () => {
  it("gives a heading the id its author chose", () => {
    const node = heading("h2", "getting-started");
    rehypeCustomHeadingIds()({ type: "root", children: [node] } satisfies Root);
    expect(node.properties).toEqual({ id: "getting-started" });
  });

  it("drops an id outside the safe letters, and a chosen id on anything but a heading", () => {
    const unsafe = heading("h2", "__reactRouterContext");
    const spaced = heading("h3", "two words");
    const paragraph = heading("p", "intro");
    rehypeCustomHeadingIds()({ type: "root", children: [unsafe, spaced, paragraph] } satisfies Root);
    expect([unsafe.properties, spaced.properties, paragraph.properties]).toEqual([{}, {}, {}]);
  });

  it("keeps ids in every script", () => {
    const node = heading("h2", "数据-科学");
    rehypeCustomHeadingIds()({ type: "root", children: [node] } satisfies Root);
    expect(node.properties.id).toBe("数据-科学");
  });
});
