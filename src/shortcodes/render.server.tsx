import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ShortcodeRenderer } from "../content/markdown/shortcodes";
import { ShortcodeError, type ShortcodeCall } from "../content/markdown/shortcode-syntax";
import { BadArgument, type InnerContent, type ShortcodeModule } from "./shortcode";

/**
 * Every shortcode by name: Folio's built-in ones (`built-in/<name>.tsx`), then the site's own
 * (`src/shortcodes/<name>.tsx`), which add to them or replace one of the same name, as a Hugo
 * site's `layouts/shortcodes/` does a theme's. Names are the file names, in lower case.
 */
const SHORTCODES: ReadonlyMap<string, ShortcodeModule> = new Map(
  Object.entries({
    ...import.meta.glob<ShortcodeModule>("./built-in/*.tsx", { eager: true }),
    ...import.meta.glob<ShortcodeModule>("./*.tsx", { eager: true }),
  }).map(([file, module]) => [
    file
      .replace(/^.*\//, "")
      .replace(/\.tsx$/, "")
      .toLowerCase(),
    module,
  ]),
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

/** The module a call names: a Liquid tag only among modules that are also Liquid tags. */
function moduleOf(call: ShortcodeCall): ShortcodeModule | undefined {
  const module = SHORTCODES.get(call.name.toLowerCase());
  return call.delimiter === "liquid" && !module?.liquid ? undefined : module;
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
      const reads = innerOf(module, call);
      const isMarkup = inner !== undefined && (reads === "markdown" || reads === "html");
      try {
        const element = createElement(module.default, {
          args: call.args,
          argumentText: call.argumentText,
          children: isMarkup ? createElement(INNER_MARK) : inner,
          params,
          markdownify,
          warn: (message: string) => warn(call, message),
        });
        // React adds a preload of each image for the page's head; the article is no place for it.
        const html = renderToStaticMarkup(element).replace(/<link rel="preload" as="image"[^>]*>/g, "");
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
