import { data } from "react-router";
import { loadSite, postFeedHtml } from "../build/site.server";
import { renderFeed, type FeedSpec } from "../content/feed.server";
import { isTaxonomy, TAXONOMY_LABELS } from "../content/taxonomy";
import { resolveRefsInHtml } from "../content/markdown/post-refs";
import type { Post } from "../content/post";
import { absoluteUrl, paths, type FeedFormat } from "../paths";
import { siteConfig } from "../site-config";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/**
 * The response of a feed route: the site's feed, or with `taxonomy` and `term` params a tag's or
 * category's. Throws a 404 for an unknown term.
 */
export async function feedResponse(format: FeedFormat, params: { taxonomy?: string; term?: string }): Promise<Response> {
  const spec = await feedSpec(params);
  if (!spec) throw data(null, { status: 404 });
  const site = await loadSite();
  // Links to other posts by file (`{{< ref >}}`) get the URLs the site found for them.
  const html = (post: Post) => {
    const links = site.links.get(post);
    const text = postFeedHtml(post);
    return links && text ? resolveRefsInHtml(text, links, new URL(absoluteUrl("/")).origin) : text;
  };
  return new Response(renderFeed(spec, format, html), { headers: { "Content-Type": CONTENT_TYPES[format] } });
}

async function feedSpec({ taxonomy, term }: { taxonomy?: string; term?: string }): Promise<FeedSpec | undefined> {
  const site = await loadSite();
  if (taxonomy === undefined && term === undefined) {
    return { title: siteConfig.title, description: siteConfig.description, listPath: paths.home(), posts: site.homePosts };
  }
  // A language's feed, `/fr/index.xml`: the first segment is a language rather than a taxonomy.
  const translated = term === undefined && taxonomy !== undefined ? site.languages.get(taxonomy) : undefined;
  if (translated) {
    const language = taxonomy!;
    return {
      title: `${siteConfig.title} (${language})`,
      description: siteConfig.description,
      listPath: paths.home(1, language),
      posts: translated.homePosts,
      language,
    };
  }
  const entry = taxonomy && isTaxonomy(taxonomy) && term ? site.taxonomies[taxonomy].get(term) : undefined;
  if (!taxonomy || !isTaxonomy(taxonomy) || !entry) return undefined;
  const label = `${TAXONOMY_LABELS[taxonomy].singular}: ${entry.term.name}`;
  return {
    title: `${siteConfig.title}: ${label}`,
    description: `Posts in the ${TAXONOMY_LABELS[taxonomy].singular.toLowerCase()} “${entry.term.name}” on ${siteConfig.title}.`,
    listPath: paths.term(taxonomy, entry.term.slug),
    posts: entry.posts,
  };
}
