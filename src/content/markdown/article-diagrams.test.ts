import { describe, expect, it } from "vitest";
import { diagramSources, placeDiagrams, shortMessage, type DiagramEntry } from "./article-diagrams";
import type { ContentNode } from "./content-tree";

const block = (source: string): ContentNode => ["pre", 0, ["code", { className: "language-mermaid" }, source]];
const ARTICLE: ContentNode[] = [
  ["p", 0, "Before."],
  block("flowchart LR\n  a --> b\n"),
  ["div", { className: "tabs" }, block('pie\n  "A" : 1\n')],
  ["pre", 0, ["code", { className: "language-js" }, "let a;"]],
  block("flowchart LR\n  a --> b\n"),
  block("broken"),
  block("not drawn"),
];

const ENTRIES: Record<string, DiagramEntry> = {
  "flowchart LR\n  a --> b\n": {
    id: "diagram-1",
    svg: '<svg id="diagram-1"><g id="diagram-1-id1"></g></svg>',
    name: "Steps",
    description: "From a to b.",
  },
  'pie\n  "A" : 1\n': { id: "diagram-2", svg: '<svg id="diagram-2"></svg>', name: "Pie chart" },
  broken: { error: "Parse error on line 1: Expecting 'NODE_STRING'" },
};

describe("diagramSources", () => {
  it("finds every ```mermaid block, nested ones too, and no other code", () => {
    expect(diagramSources(ARTICLE)).toEqual([
      "flowchart LR\n  a --> b\n",
      'pie\n  "A" : 1\n',
      "flowchart LR\n  a --> b\n",
      "broken",
      "not drawn",
    ]);
  });
});

describe("placeDiagrams", () => {
  const { content, placed, left } = placeDiagrams(ARTICLE, (source) => ENTRIES[source]);

  it("puts a drawn diagram in a figure: an image named and described, its source folded under it", () => {
    expect(content[1]).toEqual([
      "figure",
      { className: "diagram" },
      [
        "div",
        {
          className: "diagram-image",
          role: "img",
          "aria-label": "Steps",
          "aria-describedby": "diagram-1-description",
          dangerouslySetInnerHTML: { __html: '<svg id="diagram-1"><g id="diagram-1-id1"></g></svg>' },
        },
      ],
      ["p", { id: "diagram-1-description", className: "visually-hidden" }, "From a to b."],
      ["details", { className: "diagram-source" }, ["summary", 0, "Source of the diagram"], block("flowchart LR\n  a --> b\n")],
    ]);
    const pie = (content[2] as ContentNode[])[2] as [string, unknown, [string, Record<string, unknown>]];
    expect(pie[0]).toBe("figure");
    expect(pie[2][1]["aria-label"]).toBe("Pie chart");
  });

  it("sizes a diagram's box from its drawing's size, when the build knows it", () => {
    const sized = placeDiagrams([block("pie")], () => ({ id: "d", svg: "<svg></svg>", name: "Pie chart", width: 400, height: 300 }));
    expect((sized.content[0] as [string, unknown, [string, Record<string, unknown>]])[2][1].style).toEqual({
      maxWidth: "400px",
      aspectRatio: "400 / 300",
    });
  });

  it("gives the same diagram's second copy ids of its own", () => {
    const image = (content[4] as [string, unknown, [string, Record<string, unknown>]])[2][1];
    expect(image["aria-describedby"]).toBe("diagram-1-copy2-description");
    expect(image.dangerouslySetInnerHTML).toEqual({ __html: '<svg id="diagram-1-copy2"><g id="diagram-1-copy2-id1"></g></svg>' });
  });

  it("shows a diagram Mermaid cannot read as its source with the error, and leaves one not drawn to the browser", () => {
    expect(content[5]).toEqual([
      "div",
      { className: "diagram-pending" },
      block("broken"),
      ["p", { className: "diagram-error" }, "This diagram could not be drawn: Parse error on line 1: Expecting 'NODE_STRING'"],
    ]);
    expect(content[6]).toEqual(block("not drawn"));
    expect(content[3]).toEqual(ARTICLE[3]);
    expect([placed, left]).toEqual([4, 1]);
  });
});

describe("shortMessage", () => {
  it("keeps an error's first and last lines, not Mermaid's quote of the diagram between them", () => {
    expect(shortMessage("Parse error on line 2:\n...lowchart LR  a --> (\n----------------------^\nExpecting 'AMP', got 'PS'")).toBe(
      "Parse error on line 2: Expecting 'AMP', got 'PS'",
    );
    expect(shortMessage("x".repeat(300))).toHaveLength(200);
  });
});
