import type { Element, ElementContent, Root, Text } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { toHtml } from "hast-util-to-html";
import { parseFragment } from "parse5";
import postcss from "postcss";
import { forEachElement } from "../content/markdown/hast-elements";
import { scopeCss } from "../content/markdown/rehype-scope-styles";
import { diagramKindName } from "../content/markdown/mermaid-site";

/** A diagram as a page shows it: its SVG, and its name and description for screen readers. */
export interface FinishedDiagram {
  /** The SVG: one that follows the page's colour scheme, or (rarely) a light and a dark one, each shown in its scheme. */
  svg: string;
  name: string;
  description?: string;
  /** Its size at most, in CSS pixels (its viewBox): the page sizes its box before drawing it. */
  width?: number;
  height?: number;
}

/**
 * A diagram Mermaid drew twice, in the site's light and dark colours, made into one SVG a page can
 * hold: every colour that differs between the two becomes `light-dark(light, dark)`, which follows
 * the scheme the page shows (app.css's `color-scheme`) with no script and no second drawing; every
 * id is the diagram's own (`<id>-…`), so two diagrams on a page cannot clash; what could run script
 * or reach outside the diagram is removed; and its style sheet is scoped to the SVG (CSS `@scope`),
 * so no rule of it, or of what a diagram's author wrote into it (`classDef`, `style`), can restyle
 * the page. When the two drawings differ in more than colours, both are kept, each shown in its
 * scheme (mermaid-diagram.css).
 */
export function finishDiagram(id: string, light: string, dark: string, diagramType: string): FinishedDiagram {
  const [lightSvg, darkSvg] = [light, dark].map((svg) => cleanSvg(svg, id));
  const { name, description } = accessibleText(lightSvg, diagramType);
  const merged = mergeSchemes(lightSvg, darkSvg);
  let html: string;
  if (merged) {
    html = svgHtml(merged);
  } else {
    // Different shapes in the two schemes: both, the dark one with ids of its own.
    const darkId = `${id}-dark`;
    const darkTree = cleanSvg(dark.replaceAll(id, darkId), darkId);
    lightSvg.properties.className = [...classes(lightSvg), "diagram-light"];
    darkTree.properties.className = [...classes(darkTree), "diagram-dark"];
    html = svgHtml(lightSvg) + svgHtml(darkTree);
  }
  const [, , width, height] = String(lightSvg.properties.viewBox ?? "")
    .split(/[\s,]+/)
    .map(Number);
  const sized = width > 0 && height > 0 && { width: round(width), height: round(height) };
  return { svg: html, name, ...(description && { description }), ...sized };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A diagram's name (its `accTitle`, which Mermaid writes as the SVG's <title>, else its kind) and description (its `accDescr`, <desc>). */
function accessibleText(svg: Element, diagramType: string): { name: string; description?: string } {
  const child = (tag: string) => {
    const found = svg.children.find((node): node is Element => node.type === "element" && node.tagName === tag);
    return found ? textOf(found).trim() || undefined : undefined;
  };
  return {
    name: child("title") ?? diagramKindName(diagramType),
    description: child("desc"),
  };
}

/** Elements a diagram's SVG may not hold: script, what loads other documents, forms, and SVG's animation (which can set a link). */
const REMOVED = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "link",
  "meta",
  "base",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "animate",
  "set",
  "animateMotion",
  "animateTransform",
  "discard",
]);

/** Attributes whose value is a URL: only a link within the diagram (`#…`) or to a web page is kept. */
const URL_ATTRIBUTES = new Set(["href", "xLinkHref", "src", "action", "formAction"]);
const SAFE_URL = /^(?:#|https?:|mailto:)/i;

/**
 * Mermaid's SVG as a tree, with every id its own and nothing that could run script or leave the
 * diagram: `<script>`, handlers (`onclick`), `javascript:` and other URLs that are no web page or
 * in-diagram reference, and any `<style>` but Mermaid's own (first in the SVG), whose rules are
 * checked and scoped to the SVG. Mermaid's strict security level already leaves these out; this
 * makes sure of it whatever a new version does.
 */
export function cleanSvg(svg: string, id: string): Element {
  const root = fromParse5(parseFragment(svg)) as Root;
  const element = root.children.find((node): node is Element => node.type === "element" && node.tagName === "svg");
  if (!element) throw new Error("Mermaid drew no <svg>");
  element.properties.id = id;
  ownIds(element, id);
  let ownStyle = true;
  const clean = (parent: Element) => {
    parent.children = parent.children.filter((node) => {
      if (node.type === "comment") return false;
      if (node.type !== "element") return true;
      if (REMOVED.has(node.tagName)) return false;
      if (node.tagName === "style") {
        if (!ownStyle || parent !== element) return false;
        ownStyle = false;
        node.children = [{ type: "text", value: safeCss(textOf(node), id) }];
        return true;
      }
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key) || (URL_ATTRIBUTES.has(key) && !SAFE_URL.test(String(value).trim()))) delete node.properties[key];
      }
      clean(node);
      return true;
    });
  };
  clean(element);
  // The page names the diagram (its box is the image, role="img"): the SVG's own roles and labels would name it twice.
  for (const key of ["role", "ariaRoleDescription", "ariaLabelledBy", "ariaDescribedBy"]) delete element.properties[key];
  element.properties.ariaHidden = "true";
  return element;
}

/**
 * Gives every id that is not yet the diagram's (a sequence diagram's `actor0`, counted across
 * drawings) a name of its own, `<id>-id1`, `<id>-id2` in order, and rewrites what refers to it
 * (`href="#…"`, `url(#…)`, `aria-labelledby`): the same diagram drawn twice gets the same ids.
 */
function ownIds(svg: Element, id: string): void {
  const renamed = new Map<string, string>();
  forEachElement(svg, (node) => {
    const current = node.properties.id;
    if (typeof current !== "string" || current.startsWith(id)) return;
    if (!renamed.has(current)) renamed.set(current, `${id}-id${renamed.size + 1}`);
    node.properties.id = renamed.get(current)!;
  });
  if (renamed.size === 0) return;
  const rename = (value: string) =>
    value.replace(/(url\(\s*["']?#|^#)([^"')\s]+)/g, (whole, before: string, name: string) =>
      renamed.has(name) ? before + renamed.get(name)! : whole,
    );
  forEachElement(svg, (node) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (typeof value === "string") node.properties[key] = rename(value);
      else if (Array.isArray(value) && /^aria/.test(key)) node.properties[key] = value.map((token) => renamed.get(String(token)) ?? token);
    }
  });
}

/** At-rules Mermaid's style sheets use that may stay: none of them reach outside the diagram. */
const ALLOWED_AT_RULES = new Set(["keyframes", "media", "supports"]);

/**
 * A diagram's style sheet, scoped to its SVG (`id`): only its rules and the at-rules above, without
 * `url()` but to the diagram's own parts (`url(#…)`); style that does not parse is dropped whole.
 * Mermaid's selectors start with the SVG's id (`#id .node rect`); in `@scope` a selector matches
 * within the SVG, so `#id` becomes `:scope`, the SVG itself.
 */
export function safeCss(css: string, id: string): string {
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch {
    return "";
  }
  const ownId = new RegExp(`^#${id.replace(/[^\w-]/g, "\\$&")}(?![\\w-])`);
  root.walk((node) => {
    if (node.type === "atrule" && !ALLOWED_AT_RULES.has(node.name.toLowerCase())) node.remove();
    else if (node.type === "decl" && /url\(\s*(?!["']?#)/i.test(node.value)) node.remove();
    else if (node.type === "rule") node.selectors = node.selectors.map((selector) => selector.replace(ownId, ":scope"));
  });
  return scopeCss(root.toString());
}

/** Colours as Mermaid writes them: hex, rgb() and hsl(). */
const COLOUR = /#[0-9a-fA-F]{3,8}\b|(?:rgb|hsl)a?\([^)]*\)/g;

/** SVG attributes that take a colour: a colour that differs between the schemes moves into `style`, where light-dark() is read. */
const COLOUR_ATTRIBUTES: Record<string, string> = {
  fill: "fill",
  stroke: "stroke",
  stopColor: "stop-color",
  floodColor: "flood-color",
  lightingColor: "lighting-color",
  color: "color",
};

/**
 * One SVG from the light and the dark drawing, if they differ only in colours: each colour that
 * differs is `light-dark(light, dark)`. Undefined when they differ in anything else.
 */
export function mergeSchemes(light: Element, dark: Element): Element | undefined {
  const merge = (a: ElementContent, b: ElementContent, inStyle: boolean): ElementContent | undefined => {
    if (a.type !== b.type) return undefined;
    if (a.type === "text") {
      const text = (b as Text).value;
      if (a.value === text) return a;
      const value = inStyle ? mergeColours(a.value, text) : undefined;
      return value === undefined ? undefined : { type: "text", value };
    }
    if (a.type !== "element" || b.type !== "element") return a.type === "comment" ? a : undefined;
    if (a.tagName !== b.tagName || a.children.length !== b.children.length) return undefined;
    const keys = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
    const properties: Element["properties"] = {};
    const styles: string[] = [];
    for (const key of keys) {
      const [first, second] = [a.properties[key], b.properties[key]];
      if (JSON.stringify(first) === JSON.stringify(second)) {
        if (first !== undefined) properties[key] = first;
        continue;
      }
      if (typeof first !== "string" || typeof second !== "string") return undefined;
      const value = mergeColours(first, second);
      if (value === undefined) return undefined;
      if (key in COLOUR_ATTRIBUTES) styles.push(`${COLOUR_ATTRIBUTES[key]}: ${value}`);
      else properties[key] = value;
    }
    if (styles.length > 0) {
      const own = typeof properties.style === "string" ? properties.style.trim().replace(/;?$/, ";") : "";
      // The attribute's colour first: Mermaid's own style attribute, later in it, still wins as it did.
      properties.style = `${styles.join("; ")};${own ? ` ${own}` : ""}`;
    }
    const children: ElementContent[] = [];
    for (let index = 0; index < a.children.length; index++) {
      const child = merge(a.children[index], b.children[index], inStyle || a.tagName === "style");
      if (!child) return undefined;
      children.push(child);
    }
    return { ...a, properties, children };
  };
  return merge(light, dark, false) as Element | undefined;
}

/**
 * `light` with each colour that differs in `dark` as `light-dark(light, dark)`; undefined when the
 * two differ in anything but colours.
 */
export function mergeColours(light: string, dark: string): string | undefined {
  const lightColours = light.match(COLOUR) ?? [];
  const darkColours = dark.match(COLOUR) ?? [];
  const lightRest = light.split(COLOUR);
  const darkRest = dark.split(COLOUR);
  if (lightColours.length !== darkColours.length || lightRest.some((part, index) => part !== darkRest[index])) return undefined;
  return lightRest
    .map((part, index) => {
      if (index === lightColours.length) return part;
      const [first, second] = [lightColours[index], darkColours[index]];
      return part + (first === second ? first : `light-dark(${first}, ${second})`);
    })
    .join("");
}

function svgHtml(svg: Element): string {
  return toHtml(svg, { space: "svg" });
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/\s+/) : [];
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === "text" ? child.value : child.type === "element" ? textOf(child) : "")).join("");
}
