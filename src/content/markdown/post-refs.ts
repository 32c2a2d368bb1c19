/**
 * Links to other posts (Hugo's `ref` and `relref`, Jekyll's `post_url`): a shortcode knows only the
 * post it is in, so it writes the link to a stand-in address that names the target as its author
 * wrote it (`posts/other.md#part`); the site, which knows every post, resolves it
 * (site-index.server.ts), and the article is shown with the post's real URL in its place.
 */
const PREFIX = "/folio-ref/";

/** Where a link to another post leads, and that post's title (Hexo's `post_link` shows it). */
export interface RefLink {
  url: string;
  title: string;
}

/** A post's links to other posts by file: target as written to where it leads. */
export type RefLinks = Readonly<Record<string, RefLink>>;

/** The stand-in address of a link to `target`. */
export function refHref(target: string): string {
  return `${PREFIX}${encodeURIComponent(target)}/`;
}

/** The target a stand-in address names, or undefined for any other address. */
export function refTarget(href: string): string | undefined {
  if (!href.startsWith(PREFIX)) return undefined;
  return decodeURIComponent(href.slice(PREFIX.length).replace(/\/$/, ""));
}

const IN_TEXT = /\/folio-ref\/([^/\s]+)\//g;

/** The targets of the stand-in addresses a text shows (a ref outside a link). */
export function refTargetsIn(text: string): string[] {
  return text.includes(PREFIX) ? Array.from(text.matchAll(IN_TEXT), ([, encoded]) => decodeURIComponent(encoded)) : [];
}

/** A text with each stand-in address it shows replaced by where `links` says it leads (one it lacks stays). */
export function resolveRefsInText(text: string, links: RefLinks): string {
  return text.includes(PREFIX) ? text.replace(IN_TEXT, (found, encoded: string) => links[decodeURIComponent(encoded)]?.url ?? found) : text;
}

/**
 * Every stand-in address in an HTML text replaced by where `links` says it leads (on `absolute`,
 * an origin, for a feed), and one shown as a link's text by the post's title; one it lacks stays.
 */
export function resolveRefsInHtml(html: string, links: RefLinks | undefined, absolute = ""): string {
  if (!links) return html;
  return html.replace(
    /(>?)(?:https?:\/\/[^"'\s/<]+)?(?:\/[^"'\s<]*?)?\/folio-ref\/([^/"'\s<]+)\//g,
    (found, text: string, encoded: string) => {
      const link = links[decodeURIComponent(encoded)];
      if (!link) return found;
      return text ? `>${link.title.replace(/&/g, "&amp;").replace(/</g, "&lt;")}` : `${absolute}${link.url}`;
    },
  );
}
