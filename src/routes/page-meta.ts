import type { MetaDescriptor } from "react-router";
import { absoluteUrl, paths, withBase, type FeedFormat } from "../paths";
import { siteConfig } from "../site-config";

/** What a page says about itself to browsers, search engines and link previews. */
export interface PageMetaInput {
  /** The page's own title; the site's title is appended (the home page passes none). */
  title?: string;
  description: string;
  /** The page's site path, from `paths`. */
  path: string;
  /** An absolute URL or a site path; default: the site's default image. */
  image?: string;
  /** For a post: an `article` in Open Graph and a BlogPosting in JSON-LD. */
  article?: { published: string; modified?: string; tags: string[]; section?: string; authors: string[] };
  /** The page's schema.org JSON-LD, for lists (posts get a BlogPosting built here). */
  jsonLd?: Record<string, unknown>;
  /** The page's own feeds (a tag's, say), linked beside the site's. */
  feedsOf?: { title: string; listPath: string };
  /** Keep the page out of search results (the 404 page). */
  noindex?: boolean;
  /** The page in every language it is written in (a translated post), for `hreflang` links. */
  alternates?: { language: string; path: string }[];
  /** The page's language, when it is not the site's (a translation). */
  language?: string;
}

const FEED_TYPES: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };

/** `<link rel="alternate">` attributes for a list's three feeds, e.g. the site's or a tag's. */
export function feedLinks(title: string, listPath: string) {
  return (Object.keys(FEED_TYPES) as FeedFormat[]).map((format) => ({
    rel: "alternate",
    type: FEED_TYPES[format],
    title: `${title} (${format === "json" ? "JSON Feed" : format.toUpperCase()})`,
    href: withBase(paths.feed(format, listPath)),
  }));
}

/**
 * Title, description, canonical URL, Open Graph, Twitter card and JSON-LD for a page, all in the
 * static HTML, so link previews, feed readers and search engines see them without running script.
 */
export function pageMeta(input: PageMetaInput): MetaDescriptor[] {
  const title = input.title ? `${input.title} – ${siteConfig.title}` : siteConfig.title;
  const url = absoluteUrl(input.path);
  const image = absoluteUrl(input.image ?? siteConfig.defaultImage);
  const headline = input.title ?? siteConfig.title;
  const meta: MetaDescriptor[] = [
    { title },
    { name: "description", content: input.description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: siteConfig.title },
    { property: "og:type", content: input.article ? "article" : "website" },
    { property: "og:title", content: headline },
    { property: "og:description", content: input.description },
    { property: "og:url", content: url },
    { property: "og:image", content: image },
    { property: "og:locale", content: input.language ?? siteConfig.language },
    ...(input.alternates ?? []).map(({ language, path }) => ({
      tagName: "link",
      rel: "alternate",
      hrefLang: language,
      href: absoluteUrl(path),
    })),
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: headline },
    { name: "twitter:description", content: input.description },
    { name: "twitter:image", content: image },
  ];
  if (input.noindex) meta.push({ name: "robots", content: "noindex" });
  if (input.feedsOf) meta.push(...feedLinks(input.feedsOf.title, input.feedsOf.listPath).map((link) => ({ tagName: "link", ...link })));
  const { article } = input;
  if (article) {
    meta.push({ property: "article:published_time", content: article.published });
    if (article.modified) meta.push({ property: "article:modified_time", content: article.modified });
    if (article.section) meta.push({ property: "article:section", content: article.section });
    for (const tag of article.tags) meta.push({ property: "article:tag", content: tag });
    meta.push({
      "script:ld+json": {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        headline,
        description: input.description,
        url,
        mainEntityOfPage: url,
        image,
        datePublished: article.published,
        dateModified: article.modified ?? article.published,
        author: people(article.authors.length > 0 ? article.authors : [siteConfig.author]),
        publisher: { "@type": "Organization", name: siteConfig.title, url: absoluteUrl("/") },
        keywords: article.tags,
        inLanguage: siteConfig.language,
      },
    });
  } else if (input.jsonLd) {
    meta.push({
      "script:ld+json": { "@context": "https://schema.org", url, name: headline, description: input.description, ...input.jsonLd },
    });
  }
  return meta;
}

/** schema.org people: one Person, or a list of them when there are several. */
function people(names: readonly string[]) {
  const persons = names.map((name) => ({ "@type": "Person", name }));
  return persons.length === 1 ? persons[0] : persons;
}

/** The not-found page's meta, for a route whose loader found nothing (kept out of search results). */
export function notFoundMeta(description: string) {
  return pageMeta({ title: "Page not found", description, path: paths.notFound(), noindex: true });
}
