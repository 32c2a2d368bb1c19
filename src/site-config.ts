/** Site-wide settings, read by the build, the pages and the feeds. Edit this file to make the blog your own. */
export interface SiteConfig {
  /** Shown in the header, in every page title and in feeds. */
  title: string;
  /** The home page's meta description and the feeds' description. */
  description: string;
  /**
   * Where the site will live, with a trailing slash: canonical URLs, feeds, the sitemap and link
   * previews use it. Its path is the base path: `https://example.org/blog/` serves the site under `/blog/`.
   */
  baseUrl: string;
  /** The `lang` of every page and the feeds' language. */
  language: string;
  /** The author of posts that name none (feeds and JSON-LD). */
  author: string;
  /** The link-preview image for pages without a featured image: a path under public/. */
  defaultImage: string;
  /** Posts per page on the home page and on tag and category pages (Hugo's `paginate`). */
  postsPerPage: number;
  /** Posts per page of the archive (`/posts/`), a line each: more than a list of summaries holds. */
  archivePerPage: number;
  /** How many of the newest posts each feed lists. */
  feedLimit: number;
  /** Full post HTML in every feed, not only for posts with `rssFullText: true`. */
  rssFullText: boolean;
  /**
   * The folder posts are read from, from the project's folder: `posts`, or an existing blog's, such
   * as a Hugo site's `../my-site/content/posts`. `FOLIO_POSTS=<folder>` overrides it for one run.
   */
  postsFolder: string;
  /**
   * A folder whose files the site serves at its root, beside public/'s: a Hugo site's `static/`, for
   * posts that link `/images/x.png`. None by default; `FOLIO_STATIC=<folder>` sets it for one run.
   */
  staticFolder?: string;
}

/** The bundled blog's settings. */
export const siteConfig: SiteConfig = {
  title: "Folio",
  description: "Notes on artificial intelligence in healthcare and science.",
  baseUrl: "https://folio.example.org/",
  language: "en",
  author: "The Folio authors",
  defaultImage: "/og-image.png",
  postsPerPage: 10,
  archivePerPage: 50,
  feedLimit: 20,
  rssFullText: false,
  postsFolder: "posts",
};

/** The path the site is served under, from `baseUrl`: `/` or e.g. `/blog/`. */
export const basePath = new URL(siteConfig.baseUrl).pathname.replace(/\/?$/, "/");
