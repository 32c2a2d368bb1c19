import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from "../content/markdown";

/** Options for renderMarkdown. */
export interface RenderOptions {
  /** The page the Markdown belongs to, e.g. `/posts/hello/`: relative links and images resolve against it. */
  baseUrl?: string;
  /** Element overrides, e.g. the image gallery's. */
  components?: Components;
}

const ORIGIN = "https://folio.invalid";

/**
 * Resolves a relative URL (`diagram.png`, `../other/`) against the page's path, so a page bundle's
 * images load whether or not the address bar has the trailing slash; then applies react-markdown's
 * safe-protocol filter (no `javascript:` links).
 */
export function resolveUrl(url: string, baseUrl: string | undefined): string {
  if (baseUrl && !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url)) {
    const resolved = new URL(url, ORIGIN + baseUrl);
    if (resolved.origin === ORIGIN) url = resolved.pathname + resolved.search + resolved.hash;
  }
  return defaultUrlTransform(url);
}

/**
 * Renders Markdown to React elements with the article pipeline (GFM, raw HTML, sanitising,
 * scoped styles, heading ids). It is a function rather than only a component so that a post whose
 * Markdown makes the pipeline throw can be caught by the caller, during prerendering too.
 */
export function renderMarkdown(markdown: string, { baseUrl, components }: RenderOptions = {}) {
  return ReactMarkdown({
    children: markdown,
    components,
    remarkPlugins,
    rehypePlugins,
    remarkRehypeOptions,
    urlTransform: (url) => resolveUrl(url, baseUrl),
  });
}

/** The site's one Markdown renderer as a component. */
export function Markdown({ children, ...options }: RenderOptions & { children: string }) {
  return renderMarkdown(children, options);
}
