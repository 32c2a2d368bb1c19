import type { Element, ElementContent, Root, Text } from "hast";
import { knownCalloutKind } from "./callout-kinds";
import { forEachElement } from "./hast-elements";

/**
 * The five kinds of GitHub alert, each with its icon: the 16-pixel path of GitHub's own Octicon for
 * it (@primer/octicons 19, MIT licence, © GitHub Inc.), copied here so that a thread parsing posts
 * does not load the whole 4 MB icon set for five paths.
 */
const ICONS: Record<string, { icon: string }> = {
  note: {
    icon: "M0 8a8 8 0 1 1 16 0A8 8 0 0 1 0 8Zm8-6.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM6.5 7.75A.75.75 0 0 1 7.25 7h1a.75.75 0 0 1 .75.75v2.75h.25a.75.75 0 0 1 0 1.5h-2a.75.75 0 0 1 0-1.5h.25v-2h-.25a.75.75 0 0 1-.75-.75ZM8 6a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z",
  },
  tip: {
    icon: "M8 1.5c-2.363 0-4 1.69-4 3.75 0 .984.424 1.625.984 2.304l.214.253c.223.264.47.556.673.848.284.411.537.896.621 1.49a.75.75 0 0 1-1.484.211c-.04-.282-.163-.547-.37-.847a8.456 8.456 0 0 0-.542-.68c-.084-.1-.173-.205-.268-.32C3.201 7.75 2.5 6.766 2.5 5.25 2.5 2.31 4.863 0 8 0s5.5 2.31 5.5 5.25c0 1.516-.701 2.5-1.328 3.259-.095.115-.184.22-.268.319-.207.245-.383.453-.541.681-.208.3-.33.565-.37.847a.751.751 0 0 1-1.485-.212c.084-.593.337-1.078.621-1.489.203-.292.45-.584.673-.848.075-.088.147-.173.213-.253.561-.679.985-1.32.985-2.304 0-2.06-1.637-3.75-4-3.75ZM5.75 12h4.5a.75.75 0 0 1 0 1.5h-4.5a.75.75 0 0 1 0-1.5ZM6 15.25a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z",
  },
  important: {
    icon: "M0 1.75C0 .784.784 0 1.75 0h12.5C15.216 0 16 .784 16 1.75v9.5A1.75 1.75 0 0 1 14.25 13H8.06l-2.573 2.573A1.458 1.458 0 0 1 3 14.543V13H1.75A1.75 1.75 0 0 1 0 11.25Zm1.75-.25a.25.25 0 0 0-.25.25v9.5c0 .138.112.25.25.25h2a.75.75 0 0 1 .75.75v2.19l2.72-2.72a.749.749 0 0 1 .53-.22h6.5a.25.25 0 0 0 .25-.25v-9.5a.25.25 0 0 0-.25-.25Zm7 2.25v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 9a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z",
  },
  warning: {
    icon: "M6.457 1.047c.659-1.234 2.427-1.234 3.086 0l6.082 11.378A1.75 1.75 0 0 1 14.082 15H1.918a1.75 1.75 0 0 1-1.543-2.575Zm1.763.707a.25.25 0 0 0-.44 0L1.698 13.132a.25.25 0 0 0 .22.368h12.164a.25.25 0 0 0 .22-.368Zm.53 3.996v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 11a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z",
  },
  caution: {
    icon: "M4.47.22A.749.749 0 0 1 5 0h6c.199 0 .389.079.53.22l4.25 4.25c.141.14.22.331.22.53v6a.749.749 0 0 1-.22.53l-4.25 4.25A.749.749 0 0 1 11 16H5a.749.749 0 0 1-.53-.22L.22 11.53A.749.749 0 0 1 0 11V5c0-.199.079-.389.22-.53Zm.84 1.28L1.5 5.31v5.38l3.81 3.81h5.38l3.81-3.81V5.31L10.69 1.5ZM8 4a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 8 4Zm0 8a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z",
  },
};

/** `[!NOTE]` at the start of a quote, in any case, then `-` (folded) or `+` (foldable, open), as Hugo and Obsidian read it. */
const MARKER = /^\[!([a-z;]+)\]([+-]?)[ \t]*/i;

/**
 * GitHub alerts as callouts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes `<div class="markdown-alert markdown-alert-note">` with a
 * title (the kind's icon and label) above the rest of the quote, GitHub's own markup. Obsidian's and
 * the themes' kinds (`[!QUESTION]`, `[!EXAMPLE]`, `[!TODO]`: callout-kinds.ts) show as the GitHub kind
 * nearest in meaning, labelled by their own name. As in Hugo
 * and Obsidian, text after the marker on its line replaces the label (`> [!TIP] Try this`), and a
 * `-` or `+` after the marker makes the callout a `<details>` the reader opens (`-`, closed at first)
 * or closes (`+`). A quote with an unknown kind, or a marker and nothing else, stays a quote.
 *
 * It runs after rehype-sanitize: the icon is markup a post may not write itself.
 */
export default function rehypeAlerts() {
  return (tree: Root) => forEachElement(tree, (node) => node.tagName === "blockquote" && toAlert(node));
}

function toAlert(quote: Element): void {
  const first = quote.children.find((child) => child.type === "element");
  if (first?.tagName !== "p" || first.children[0]?.type !== "text") return;
  const marker = MARKER.exec(first.children[0].value);
  const callout = marker ? knownCalloutKind(marker[1]) : undefined;
  if (!marker || !callout) return;
  const kind = { label: callout.label, icon: ICONS[callout.kind.toLowerCase()].icon };

  const lead: Text = { type: "text", value: first.children[0].value.slice(marker[0].length) };
  const [titleLine, restOfParagraph] = splitFirstLine([lead, ...first.children.slice(1)]);
  const title = trimText(titleLine);
  const body: ElementContent[] = [
    ...(trimText(restOfParagraph).length > 0 ? [{ ...first, children: restOfParagraph }] : []),
    ...quote.children.slice(quote.children.indexOf(first) + 1),
  ];
  if (title.length === 0 && !body.some((child) => child.type === "element")) return;

  const fold = marker[2];
  const heading: ElementContent[] = [icon(kind.icon), ...(title.length > 0 ? title : [{ type: "text" as const, value: kind.label }])];
  quote.tagName = fold ? "details" : "div";
  quote.properties = {
    className: ["markdown-alert", `markdown-alert-${callout.kind.toLowerCase()}`],
    ...(fold === "+" ? { open: true } : {}),
  };
  quote.children = [
    { type: "element", tagName: fold ? "summary" : "p", properties: { className: ["markdown-alert-title"] }, children: heading },
    ...body,
  ];
}

/** Splits a paragraph's content at its first line break (a newline in its text, or a `<br>`). */
function splitFirstLine(children: ElementContent[]): [ElementContent[], ElementContent[]] {
  for (const [index, child] of children.entries()) {
    const before = children.slice(0, index);
    const after = children.slice(index + 1);
    if (child.type === "element" && child.tagName === "br") {
      if (after[0]?.type === "text") after[0] = { type: "text", value: after[0].value.replace(/^\r?\n/, "") };
      return [before, after];
    }
    const newline = child.type === "text" ? /\r?\n/.exec(child.value) : null;
    if (child.type === "text" && newline) {
      const head: Text = { type: "text", value: child.value.slice(0, newline.index) };
      const tail: Text = { type: "text", value: child.value.slice(newline.index + newline[0].length) };
      return [
        [...before, head],
        [tail, ...after],
      ];
    }
  }
  return [children, []];
}

/** Content without empty text at either end, and without the spaces at its ends. */
function trimText(content: ElementContent[]): ElementContent[] {
  const trimmed = content
    .map((child, index) => {
      if (child.type !== "text") return child;
      let value = child.value;
      if (index === 0) value = value.trimStart();
      if (index === content.length - 1) value = value.trimEnd();
      return { ...child, value };
    })
    .filter((child) => child.type !== "text" || child.value !== "");
  return trimmed;
}

function icon(path: string): Element {
  return {
    type: "element",
    tagName: "svg",
    properties: { className: ["octicon"], viewBox: "0 0 16 16", width: 16, height: 16, ariaHidden: "true" },
    children: [{ type: "element", tagName: "path", properties: { d: path }, children: [] }],
  };
}
