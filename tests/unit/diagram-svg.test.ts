// @vitest-environment node
import { describe, expect, it } from "vitest";
import { finishDiagram, mergeColours, safeCss } from "../../src/build/diagram-svg.server";

// A diagram as Mermaid draws it, in small: its style sheet led by its id, a node, a marker and a
// sequence diagram's id of its own (counted across drawings, so it differs between the two schemes).
const drawing = (fill: string, text: string, actor: string, extra = "") =>
  `<svg id="d1" role="graphics-document document" aria-labelledby="chart-title-d1"><title id="chart-title-d1">Steps</title>` +
  `<style>#d1{fill:${text};}#d1 .node rect{fill:${fill};stroke:#0b5cad;}@keyframes dash{to{stroke-dashoffset:0;}}</style>` +
  `<g class="node"><rect fill="${fill}" style="stroke-width:1px"></rect></g>` +
  `<line id="${actor}"></line><use href="#${actor}"></use><path marker-end="url(#d1_pointEnd)"></path>${extra}</svg>`;

describe("finishDiagram", () => {
  const finished = finishDiagram(
    "d1",
    drawing("#e3eefa", "rgb(31, 35, 40)", "actor0"),
    drawing("#12263d", "rgb(230, 237, 243)", "actor2"),
    "flowchart-v2",
  );

  it("makes one SVG whose colours that differ between the schemes are light-dark() pairs", () => {
    expect(finished.svg.match(/<svg/g)).toHaveLength(1);
    expect(finished.svg).toContain(":scope{fill:light-dark(rgb(31, 35, 40), rgb(230, 237, 243));}");
    expect(finished.svg).toContain(":scope .node rect{fill:light-dark(#e3eefa, #12263d);stroke:#0b5cad;}");
    // A colour attribute that differs moves into the style, before the element's own.
    expect(finished.svg).toContain('<rect style="fill: light-dark(#e3eefa, #12263d); stroke-width:1px;"></rect>');
  });

  it("scopes the style sheet to the SVG, its own selectors to the SVG itself", () => {
    expect(finished.svg).toMatch(/<style>@scope \{\n:scope\{/);
    expect(finished.svg).not.toContain("#d1 ");
  });

  it("gives every id the diagram's name, references included, the same in both drawings", () => {
    expect(finished.svg).toContain('<line id="d1-id2"></line><use href="#d1-id2"></use>');
    expect(finished.svg).toContain('marker-end="url(#d1_pointEnd)"');
    expect(finished.svg).not.toContain("actor");
  });

  it("names the diagram by its title, else by its kind, and leaves naming to the page", () => {
    expect(finished.name).toBe("Steps");
    expect(finished.svg).toMatch(/^<svg id="d1" aria-hidden="true">/);
    const sequence = finishDiagram("d2", '<svg id="d2"></svg>', '<svg id="d2"></svg>', "sequence");
    expect(sequence.name).toBe("Sequence diagram");
    expect(finishDiagram("d3", '<svg id="d3"></svg>', '<svg id="d3"></svg>', "er").name).toBe("Entity relationship diagram");
  });

  it("gives the drawing's size, from its viewBox, for the page to size its box", () => {
    const svg = '<svg id="d4" viewBox="-8 -8 572.5 64">';
    expect(finishDiagram("d4", `${svg}</svg>`, `${svg}</svg>`, "flowchart-v2")).toMatchObject({ width: 572.5, height: 64 });
    expect(finishDiagram("d4", '<svg id="d4"></svg>', '<svg id="d4"></svg>', "flowchart-v2").width).toBeUndefined();
  });

  it("removes what could run script or load anything, and any style sheet but Mermaid's own", () => {
    const hostile =
      '<script>window.hacked=1</script><a href="javascript:alert(1)" onclick="alert(2)"><text>x</text></a>' +
      '<foreignObject><div onmouseover="alert(3)"><img src="x" onerror="alert(4)"><iframe src="https://evil.example/"></iframe></div></foreignObject>' +
      '<style>body{display:none}</style><set attributeName="href" to="javascript:alert(5)"></set>';
    const { svg } = finishDiagram("d1", drawing("#fff", "#000", "a", hostile), drawing("#000", "#fff", "a", hostile), "flowchart-v2");
    expect(svg).not.toMatch(/script|onclick|onmouseover|onerror|iframe|javascript:|<set|display:none/);
    expect(svg).toContain("<text>x</text>");
  });

  it("keeps both drawings, each for its scheme, when they differ in more than colours", () => {
    const { svg } = finishDiagram("d1", drawing("#fff", "#000", "a"), drawing("#000", "#fff", "a", "<g></g>"), "flowchart-v2");
    expect(svg.match(/<svg/g)).toHaveLength(2);
    expect(svg).toMatch(/^<svg id="d1"[^>]* class="diagram-light"/);
    expect(svg).toMatch(/<svg id="d1-dark"[^>]* class="diagram-dark"/);
    expect(svg).toContain('marker-end="url(#d1-dark_pointEnd)"');
  });
});

describe("mergeColours", () => {
  it("pairs the colours that differ, keeps those that do not", () => {
    expect(mergeColours("fill:#fff;stroke:rgb(1, 2, 3)", "fill:#000;stroke:rgb(1, 2, 3)")).toBe(
      "fill:light-dark(#fff, #000);stroke:rgb(1, 2, 3)",
    );
    expect(mergeColours("hsl(1, 2%, 3%)", "hsla(4, 5%, 6%, 0.5)")).toBe("light-dark(hsl(1, 2%, 3%), hsla(4, 5%, 6%, 0.5))");
  });

  it("refuses text that differs in more than colours", () => {
    expect(mergeColours("fill:#fff", "stroke:#000")).toBeUndefined();
    expect(mergeColours("a #fff", "a #fff #000")).toBeUndefined();
  });
});

describe("safeCss", () => {
  it("scopes the rules, without imports, fonts or links to other sites", () => {
    const css = safeCss(
      '@import url("https://evil.example/x.css");@font-face{font-family:x;src:url(https://evil.example/x.woff)}' +
        "#d1 .a{fill:red;background:url(https://evil.example/track.png)}#d1 .b{marker-end:url(#d1_end)}p{color:red}",
      "d1",
    );
    expect(css).toBe("@scope {\n:scope .a{fill:red}:scope .b{marker-end:url(#d1_end)}p{color:red}\n}");
  });

  it("drops a style sheet that does not parse: a `}` cannot close the scope", () => {
    expect(safeCss("#d1 .a{fill:red}} body{display:none}", "d1")).toBe("");
  });

  it("escapes `<`, so the style sheet cannot end its element", () => {
    expect(safeCss('#d1 .a::after{content:"</style><script>"}', "d1")).not.toContain("</style");
  });
});
