import type { Element, ElementContent, Root } from "hast";

/** `{?X}`: LoveIt's escape character (`function/escape.html`), for one character X. */
const ESCAPE = /\{\?(.)\}/g;

/**
 * LoveIt's extended Markdown syntax, as LoveIt's theme applies it to every page's content
 * (`layouts/_partials/function/content.html`):
 *
 * - ruby, `[EN]^(English)`: "EN" with "English" above it;
 * - fractions, `[90]/[100]`: 90 over 100 as a superscript and a subscript;
 * - Font Awesome icons, `:(far fa-bookmark):`: left out (Folio loads no icon font; LoveIt hides them
 *   from screen readers, so no text is lost);
 * - the escape character, `{?X}` for X: LoveIt's documentation writes `{?{}{< raw >}}` to show a
 *   shortcode in a code block without Hugo expanding it. It applies in code too, as in LoveIt; the
 *   rest does not (code shows as written).
 */
export default function rehypeLoveItSyntax() {
  return (tree: Root) => replaceIn(tree, false);
}

const SYNTAX = /\[([^\]\n]+?)\]\^\(([^)\n]+?)\)|\[([^\]\n]+?)\]\/\[([^\]\n]+?)\]|:\((fa[srlbd]?(?: [\w-]+)+|fa-[\w-]+(?: [\w-]+)*)\): ?/g;

function replaceIn(parent: Root | Element, inCode: boolean): void {
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === "element") {
      replaceIn(child, inCode || child.tagName === "code" || child.tagName === "pre" || child.tagName === "style");
      children.push(child);
    } else if (
      child.type === "text" &&
      !inCode &&
      (child.value.includes("]") || child.value.includes(":(") || child.value.includes("{?"))
    ) {
      children.push(...syntaxIn(child.value.replace(ESCAPE, "$1")));
    } else {
      if (child.type === "text" && child.value.includes("{?")) child.value = child.value.replace(ESCAPE, "$1");
      children.push(child);
    }
  }
  parent.children = children;
}

function syntaxIn(text: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(SYNTAX)) {
    if (match.index > last) nodes.push({ type: "text", value: text.slice(last, match.index) });
    const [, base, annotation, numerator, denominator] = match;
    if (base !== undefined)
      nodes.push(
        element("strong", [element("ruby", [{ type: "text", value: base }, element("rt", [{ type: "text", value: annotation }])])]),
      );
    else if (numerator !== undefined)
      nodes.push(
        element("sup", [{ type: "text", value: numerator }]),
        { type: "text", value: "/" },
        element("sub", [{ type: "text", value: denominator }]),
      );
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: "text", value: text.slice(last) });
  return nodes;
}

function element(tagName: string, children: ElementContent[]): Element {
  return { type: "element", tagName, properties: {}, children };
}
