import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";

// What a sanitised post must never contain, checked on the parsed HTML (as a browser reads it), not
// on its text: `title="…<script>…"` is harmless text in an attribute, `<script>` an element.

/** White space and control characters, which browsers skip inside a URL (`java\tscript:` runs). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_AND_SPACE = /[\s\u0000-\u001f]+/g;

/** Elements that run script, change the page's base, submit data or embed another document. */
const DANGEROUS_ELEMENTS = new Set(["script", "base", "meta", "form", "object", "embed", "iframe", "frame", "applet"]);

/** Properties (hast names) a browser follows as a URL. */
const URL_PROPERTIES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "xlinkhref",
  "poster",
  "data",
  "background",
  "cite",
  "longdesc",
  "ping",
  "manifest",
]);

/** Everything in a parsed tree that could run script, change the page's base or submit data, as `<script>`, `a[onClick]`… */
export function findDanger(root: Element | Root): string[] {
  const found: string[] = [];
  visit(root, "element", (node: Element) => {
    const name = node.tagName;
    if (DANGEROUS_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const [key, raw] of Object.entries(node.properties)) {
      const property = key.toLowerCase();
      const value = String(Array.isArray(raw) ? raw.join(" ") : raw)
        .replace(CONTROL_AND_SPACE, "")
        .toLowerCase();
      if (property.startsWith("on")) found.push(`${name}[${key}]`);
      if (property === "srcdoc") found.push(`${name}[srcdoc]`);
      if (!URL_PROPERTIES.has(property)) continue;
      if (/^(javascript|vbscript):/.test(value)) found.push(`${name}[${key}=${value.slice(0, 30)}]`);
      if (value.startsWith("data:") && !(name === "img" && property === "src" && value.startsWith("data:image/")))
        found.push(`${name}[${key}=data:]`);
    }
  });
  return found;
}

/** {@link findDanger} on an HTML fragment (a rendered article). */
export function findDangerInHtml(html: string): string[] {
  return findDanger(fromHtml(html, { fragment: true }));
}
