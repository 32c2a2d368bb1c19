import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ShortcodeRenderer } from "../content/markdown/shortcodes";
import { ShortcodeError, type ShortcodeCall } from "../content/markdown/shortcode-syntax";
import { BadArgument, isIslandFile, shortcodeName, type InnerContent, type IslandProps, type ShortcodeModule } from "./shortcode";

/**
 * Every shortcode by name: Folio's built-in ones (`built-in/<name>.tsx`), then the site's own
 * (`src/shortcodes/<name>.tsx`), which add to them or replace one of the same name, as a Hugo
 * site's `layouts/shortcodes/` does a theme's. Names are the file names, in lower case, without
 * `.island` (islands: see IslandProps in shortcode.ts).
 */
const SHORTCODES: ReadonlyMap<string, ShortcodeModule & { island: boolean }> = new Map(
  Object.entries({
    ...import.meta.glob<ShortcodeModule>(["./built-in/*.tsx", "!./built-in/*.test.tsx"], { eager: true }),
    ...import.meta.glob<ShortcodeModule>(["./*.tsx", "!./*.test.tsx"], { eager: true }),
  }).map(([file, module]) => [shortcodeName(file), { ...module, island: isIslandFile(file) }]),
);

/**
 * Liquid's logic, which Folio does not run (its variables are Jekyll's site and page): the tag, and
 * what it wraps, are left out with a warning; a `{% comment %}` silently, as Liquid does. By whether
 * the tag wraps content.
 */
const LIQUID_LOGIC: ReadonlyMap<string, InnerContent> = new Map([
  ...["for", "if", "unless", "case", "capture", "tablerow", "comment"].map((name) => [name, "text"] as const),
  ...["assign", "cycle", "increment", "decrement", "break", "continue"].map((name) => [name, "none"] as const),
]);

/**
 * The module a call names: a Liquid tag only among modules that are also Liquid tags, or in a
 * `liquid-<name>.tsx`, a Liquid tag only (Jekyll's `{% link %}` is not LoveIt's `{{< link >}}`).
 */
function moduleOf(call: ShortcodeCall): (ShortcodeModule & { island: boolean }) | undefined {
  const name = call.name.toLowerCase();
  if (call.delimiter === "liquid") {
    const module = SHORTCODES.get(name);
    return SHORTCODES.get(`liquid-${name}`) ?? (module?.liquid ? module : undefined);
  }
  return name.startsWith("liquid-") ? undefined : SHORTCODES.get(name);
}

/** Where the content between a shortcode's tags goes in its markup, until the markup is a string. */
const INNER_MARK = "folio-shortcode-inner";

/**
 * Renders shortcodes for a post with front matter `params`: each is its component rendered to
 * static HTML (no script reaches the reader), its inner content placed where it puts `children`.
 * What a shortcode warns of reaches `warn`, with the call (its line).
 */
export function shortcodeRenderer(
  params: Readonly<Record<string, unknown>>,
  warn: (call: ShortcodeCall, message: string) => void = () => {},
): ShortcodeRenderer {
  return {
    innerOf: (call) => {
      if (call.delimiter === "liquid" && LIQUID_LOGIC.has(call.name)) return LIQUID_LOGIC.get(call.name);
      const module = moduleOf(call);
      return module && innerOf(module, call);
    },
    render(call: ShortcodeCall, inner: string | undefined, markdownify: (markdown: string) => string): string {
      if (call.delimiter === "liquid" && LIQUID_LOGIC.has(call.name)) {
        if (call.name !== "comment")
          warn(call, `\`{% ${call.name} %}\`: Folio does not run Liquid's logic, so the tag and what it wraps are left out`);
        return "";
      }
      const module = moduleOf(call);
      if (!module) throw new Error(`no shortcode ${call.name}`);
      // Markup (rendered Markdown, or HTML as written) goes in as a mark React leaves alone, then takes its place.
      // An island places its content, whatever it is, where the page will (see islandHtml).
      const reads = innerOf(module, call);
      const isMarkup = inner !== undefined && (reads === "markdown" || reads === "html");
      const marked = inner !== undefined && (isMarkup || module.island);
      try {
        const islandProps = { args: call.args, argumentText: call.argumentText, children: marked ? createElement(INNER_MARK) : inner };
        const props = module.island ? islandProps : { ...islandProps, params, markdownify, warn: (message: string) => warn(call, message) };
        // React adds a preload of each image for the page's head; the article is no place for it.
        const html = renderToStaticMarkup(createElement(module.default as (props: IslandProps) => ReactNode, props)).replace(
          /<link rel="preload" as="image"[^>]*>/g,
          "",
        );
        if (module.island) return islandHtml(call, html, inner === undefined || isMarkup ? inner : escapeText(inner));
        return isMarkup ? html.replaceAll(`<${INNER_MARK}></${INNER_MARK}>`, () => inner) : html;
      } catch (error) {
        if (error instanceof BadArgument) throw new ShortcodeError(call.line, error.message);
        throw new ShortcodeError(call.line, `shortcode \`${call.name}\` failed: ${(error as Error)?.message ?? error}`, { cause: error });
      }
    },
  };
}

function innerOf(module: ShortcodeModule, call: ShortcodeCall): InnerContent {
  return typeof module.inner === "function" ? module.inner(call.args) : (module.inner ?? "none");
}

/**
 * An island's static HTML (what feeds and pages without script show) in a mark that names it and
 * carries its props, its inner content in a mark of its own: the page renders the component there
 * with those props and that content (components/shortcode-island.tsx), and the browser runs it.
 */
function islandHtml(call: ShortcodeCall, html: string, inner: string | undefined): string {
  const props = escapeAttribute(JSON.stringify({ args: call.args, argumentText: call.argumentText }));
  const placed =
    inner === undefined ? html : html.replaceAll(`<${INNER_MARK}></${INNER_MARK}>`, () => `<span data-folio-inner="">${inner}</span>`);
  return `<div data-folio-island="${call.name.toLowerCase()}" data-folio-props="${props}">${placed}</div>`;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");
