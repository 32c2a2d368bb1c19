import { Feed } from "feed";
import { absoluteUrl, paths, type FeedFormat } from "../paths";
import { siteConfig } from "../site-config";
import type { Post } from "./post";
import { pageUrl } from "./site-index.server";

/** Which feed: the site's, or a tag's or category's. */
export interface FeedSpec {
  title: string;
  description: string;
  /** The list page the feed follows, e.g. `/` or `/tags/ai/`. */
  listPath: string;
  /** Newest first. */
  posts: readonly Post[];
  /** The posts' language, when they are translations (`/fr/index.xml`). */
  language?: string;
}

/**
 * A feed in RSS 2.0, Atom 1.0 or JSON Feed 1.1 of the newest `siteConfig.feedLimit` posts. Items carry
 * the summary, or `fullHtml(post)` where it gives the post's HTML (posts with `rssFullText`, or every
 * post when the site sets it).
 */
export function renderFeed(spec: FeedSpec, format: FeedFormat, fullHtml: (post: Post) => string | undefined): string {
  const feed = new Feed({
    id: absoluteUrl(spec.listPath),
    link: absoluteUrl(spec.listPath),
    title: spec.title,
    description: spec.description,
    language: spec.language ?? siteConfig.language,
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
    const url = absoluteUrl(pageUrl(post, spec.language));
    feed.addItem({
      title: post.title,
      id: url,
      link: url,
      date: new Date(post.sortKey),
      description: post.summary,
      content: fullHtml(post),
      author: (post.authors.length > 0 ? post.authors : [siteConfig.author]).map((name) => ({ name })),
      category: [...post.categories, ...post.tags].map((term) => ({ name: term.name })),
      image: post.featuredImage && new URL(post.featuredImage, url).href,
    });
  }
  return format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
}
