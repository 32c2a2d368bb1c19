import { Feed } from "feed";
import { data } from "react-router";
import { absoluteUrl, paths, type FeedFormat } from "../paths";
import { siteConfig } from "../site-config";
import type { Post } from "./post";
import { loadSite, postFeedHtml } from "./site.server";
import { isTaxonomy, TAXONOMY_LABELS } from "./taxonomy";

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
  return new Response(renderFeed(spec, format), { headers: { "Content-Type": CONTENT_TYPES[format] } });
}

async function feedSpec({ taxonomy, term }: { taxonomy?: string; term?: string }): Promise<FeedSpec | undefined> {
  const site = await loadSite();
  if (taxonomy === undefined && term === undefined) {
    return { title: siteConfig.title, description: siteConfig.description, listPath: paths.home(), posts: site.homePosts };
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

/** Which feed: the site's, or a tag's or category's. */
export interface FeedSpec {
  title: string;
  description: string;
  /** The list page the feed follows, e.g. `/` or `/tags/ai/`. */
  listPath: string;
  /** Newest first. */
  posts: readonly Post[];
}

/**
 * A feed in RSS 2.0, Atom 1.0 or JSON Feed 1.1 of the newest `siteConfig.feedLimit` posts. Items carry
 * the summary, or the full post HTML when the post (or the site) sets `rssFullText`.
 */
export function renderFeed(spec: FeedSpec, format: FeedFormat): string {
  const feed = new Feed({
    id: absoluteUrl(spec.listPath),
    link: absoluteUrl(spec.listPath),
    title: spec.title,
    description: spec.description,
    language: siteConfig.language,
    image: absoluteUrl(siteConfig.defaultImage),
    favicon: absoluteUrl("/favicon.svg"),
    copyright: `© ${siteConfig.author}`,
    generator: "Folio",
    updated: spec.posts[0] ? new Date(spec.posts[0].sortKey) : undefined,
    feedLinks: {
      rss: absoluteUrl(paths.feed("rss", spec.listPath)),
      atom: absoluteUrl(paths.feed("atom", spec.listPath)),
      json: absoluteUrl(paths.feed("json", spec.listPath)),
    },
    author: { name: siteConfig.author, link: absoluteUrl("/") },
  });
  for (const post of spec.posts.slice(0, siteConfig.feedLimit)) {
    const url = absoluteUrl(paths.post(post.slug));
    feed.addItem({
      title: post.title,
      id: url,
      link: url,
      date: new Date(post.sortKey),
      description: post.summary,
      content: postFeedHtml(post),
      author: [{ name: post.author ?? siteConfig.author }],
      category: [...post.categories, ...post.tags].map((term) => ({ name: term.name })),
      image: post.featuredImage && new URL(post.featuredImage, url).href,
    });
  }
  return format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
}
