import type { Element, ElementContent, Root } from "hast";

/**
 * LoveIt's image captions: an image alone in its paragraph with a title (`![A chart](chart.png "Results
 * by month")`) becomes a figure with the title as its caption, as LoveIt's image render hook shows it.
 * An image among words keeps its title as a tooltip. Applied by the parser to a post's article (not in
 * the Markdown pipeline: CommonMark defines an image's title as its `title` attribute, and the spec
 * suites check the pipeline against it).
 */
export function captionImages(tree: Root | Element): void {
  tree.children.forEach((child, index) => {
    if (child.type !== "element") return;
    const figure = child.tagName === "p" ? captioned(child) : undefined;
    if (figure) tree.children[index] = figure;
    else captionImages(child);
  });
}

/** The figure a paragraph of one titled image (or one link around it) becomes, if it is one. */
function captioned(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  if (content.length !== 1 || content[0].type !== "element") return undefined;
  const only = content[0];
  const image = only.tagName === "img" ? only : only.tagName === "a" ? soleImage(only) : undefined;
  const title = image?.properties.title;
  if (!image || typeof title !== "string" || title.trim() === "") return undefined;
  // The caption says it on the page: the same words as a tooltip, and read twice, would be noise.
  delete image.properties.title;
  const caption: Element = { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title }] };
  return { type: "element", tagName: "figure", properties: { className: ["image-caption"] }, children: [only, caption] };
}

function soleImage(link: Element): Element | undefined {
  const content: ElementContent[] = link.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  return content.length === 1 && content[0].type === "element" && content[0].tagName === "img" ? content[0] : undefined;
}
