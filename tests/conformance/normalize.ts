import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import rehypeRaw from "rehype-raw";
import { unified } from "unified";
import { rehypePlugins } from "../../src/content/markdown/pipeline";

// The spec's expected HTML goes through Folio's HTML steps after rehype-raw (sanitising, in-page
// link repair, style scoping, heading ids), so that the comparison measures Markdown parsing, not
// Folio's deliberate choices about what HTML a post may contain.
const htmlSteps = unified().use(rehypePlugins.slice(rehypePlugins.indexOf(rehypeRaw) + 1));

/**
 * Folio's rendered HTML, serialised one canonical way. React's server renderer adds a
 * `<link rel="preload" as="image">` for each image (it belongs in the page's head); it is not the article's.
 */
export function normalizeHtml(html: string): string {
  return canonical(fromHtml(html.replace(/<link rel="preload" as="image"[^>]*>/g, ""), { fragment: true }));
}

/** The spec's expected HTML as Folio would sanitise and decorate it, then normalised. */
export function expectedHtml(specHtml: string): string {
  const tree = fromHtml(specHtml, { fragment: true });
  return canonical(htmlSteps.runSync(tree) as Root);
}

/** Same attribute quoting and entities, no whitespace between tags. */
function canonical(tree: Root): string {
  return toHtml(tree, { allowDangerousHtml: false }).replace(/>\s+</g, "><").trim();
}
