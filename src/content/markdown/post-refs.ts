/**
 * Links to other posts (Hugo's `ref` and `relref`, Jekyll's `post_url`): a shortcode knows only the
 * post it is in, so it writes the link to a stand-in address that names the target as its author
 * wrote it (`posts/other.md#part`); the site, which knows every post, resolves it
 * (site-index.server.ts), and the article is shown with the post's real URL in its place.
 */
const PREFIX = "/folio-ref/";

/** The stand-in address of a link to `target`. */
export function refHref(target: string): string {
  return `${PREFIX}${encodeURIComponent(target)}/`;
}

/** The target a stand-in address names, or undefined for any other address. */
export function refTarget(href: string): string | undefined {
  if (!href.startsWith(PREFIX)) return undefined;
  return decodeURIComponent(href.slice(PREFIX.length).replace(/\/$/, ""));
}

/** Every stand-in address in an HTML text, replaced by `links` (target to URL); one it lacks stays. */
export function resolveRefsInHtml(html: string, links: Readonly<Record<string, string>> | undefined, absolute = ""): string {
  if (!links) return html;
  return html.replace(/(?:https?:\/\/[^"'\s/]+)?(?:\/[^"'\s]*?)?\/folio-ref\/([^/"'\s]+)\//g, (found, encoded: string) => {
    const url = links[decodeURIComponent(encoded)];
    return url === undefined ? found : `${absolute}${url}`;
  });
}
