import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import { forEachElement } from "./hast-elements";

/**
 * Names each task list's checkbox by its task (`- [x] Write the tests` gives a checkbox labelled
 * "Write the tests"): GitHub's Markdown writes a bare `<input type="checkbox" disabled>`, which a
 * screen reader announces as an unnamed checkbox, and which axe reports as a form field without a
 * label. A task's nested list is not part of its name.
 */
export default function rehypeTaskLabels() {
  return (tree: Root) => {
    forEachElement(tree, (item) => {
      if (item.tagName !== "li" || !classes(item).includes("task-list-item")) return;
      const checkbox = firstCheckbox(item.children);
      if (!checkbox || checkbox.properties.ariaLabel || checkbox.properties.ariaLabelledBy) return;
      const name = item.children
        .filter((child) => !(child.type === "element" && (child.tagName === "ul" || child.tagName === "ol")))
        .map((child) => toString(child))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      if (name) checkbox.properties.ariaLabel = name;
    });
  };
}

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

/** The task's checkbox: the item's first element, or its first paragraph's (a loose list's items are paragraphs). */
function firstCheckbox(children: ElementContent[]): Element | undefined {
  const first = children.find((child) => child.type === "element");
  if (!first) return undefined;
  if (first.tagName === "input" && first.properties.type === "checkbox") return first;
  if (first.tagName === "p") return firstCheckbox(first.children);
  return undefined;
}
