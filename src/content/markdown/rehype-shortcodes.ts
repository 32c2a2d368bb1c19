import type { Element, ElementContent, Root, RootContent } from "hast";
import { isBlockHtml, PLACEHOLDER, plainify } from "./shortcodes";

/** Where markdownToHast gives this step the shortcodes' outputs: the file's data. */
export interface ShortcodeData {
  shortcodes?: readonly string[];
}

/**
 * Puts each shortcode's HTML where its placeholder stands (see shortcodes.ts), as raw HTML for
 * rehype-raw to parse and the sanitiser to check, as the rest of the post's HTML is. Blocks (a
 * figure) whose placeholders are all a paragraph holds replace the paragraph, as Hugo does; one in
 * an attribute (a link to `{{< ref >}}`) becomes the output's text. Like Hugo, placeholders in code
 * are replaced too: an escaped shortcode is how a post shows one in code.
 */
export default function rehypeShortcodes() {
  return (tree: Root, file: { data: unknown }) => {
    const outputs = (file.data as ShortcodeData).shortcodes;
    if (outputs && outputs.length > 0) replaceIn(tree, outputs);
  };
}

type Parent = Root | Element;

function replaceIn(parent: Parent, outputs: readonly string[]): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === "element") {
      const alone =
        child.tagName === "p" &&
        child.children.length === 1 &&
        child.children[0].type === "text" &&
        onlyPlaceholders(child.children[0].value);
      if (alone && alone.every((index) => isBlockHtml(outputs[index] ?? ""))) {
        children.push(...alone.map((index) => ({ type: "raw" as const, value: outputs[index] ?? "" })));
        continue;
      }
      for (const [key, value] of Object.entries(child.properties)) {
        if (typeof value === "string" && value.includes("FOLIOSHORTCODE"))
          child.properties[key] = value.replace(PLACEHOLDER, (_, index: string) => plainify(outputs[Number(index)] ?? ""));
      }
      replaceIn(child, outputs);
      children.push(child);
    } else if (child.type === "text" && child.value.includes("FOLIOSHORTCODE")) {
      let last = 0;
      for (const match of child.value.matchAll(PLACEHOLDER)) {
        if (match.index > last) children.push({ type: "text", value: child.value.slice(last, match.index) });
        children.push({ type: "raw", value: outputs[Number(match[1])] ?? "" });
        last = match.index + match[0].length;
      }
      if (last < child.value.length) children.push({ type: "text", value: child.value.slice(last) });
    } else children.push(child);
  }
  parent.children = children as ElementContent[];
}

/** The indexes of a text that is placeholders and spaces only (shortcodes on lines of their own), or undefined. */
function onlyPlaceholders(text: string): number[] | undefined {
  if (!/^(?:\s*FOLIOSHORTCODE\d+END)+\s*$/.test(text)) return undefined;
  return [...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1]));
}
