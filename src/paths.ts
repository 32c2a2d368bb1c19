import { defaultUrlTransform } from "react-markdown";
import type { Taxonomy } from "./content/taxonomy";
import { basePath, siteConfig } from "./site-config";

const FIRST_PAGE = "page/1/";

/**
 * Every URL of the site, built in one place. They match Hugo's so links survive a move:
 * `/`, `/page/2/`, `/posts/`, `/posts/page/2/`, `/posts/<slug>/`, `/tags/`, `/tags/<tag>/`, `/tags/<tag>/page/2/`, and the same for categories.
 */
export const paths = {
  /** Page `page` of the home list, or of a language's (`/fr/`); page 1 is `/`. */
  home: (page = 1, language?: string) => `${language ? `/${language}` : ""}${page <= 1 ? "/" : `/page/${page}/`}`,
  /** Page `page` of the archive, every post by year and month (Hugo's section URL); page 1 is `/posts/`. */
  archive: (page = 1) => (page <= 1 ? "/posts/" : `/posts/page/${page}/`),
  /** A post, or a translation of it (`/fr/posts/<slug>/`). */
  post: (slug: string, language?: string) => `${language ? `/${language}` : ""}/posts/${slug}/`,
  /** The site's feeds (Hugo's RSS URL, plus Atom and JSON Feed beside it). */
  feed: (format: FeedFormat, listUrl = "/") => `${listUrl}${FEED_FILES[format]}`,
  /** A file published beside a post: its images and its Markdown source (`index.md`). */
  postFile: (slug: string, file: string, language?: string) => `${language ? `/${language}` : ""}/posts/${slug}/${file}`,
  /** The search page, with a search's state as its query (`?q=protein+folding&tags=ai,ethics&year=2024`: components/search-state.ts). */
  search: (query = "") => `/search/${query}`,
  taxonomy: (taxonomy: Taxonomy) => `/${taxonomy}/`,
  /** Page `page` of a tag's or category's list; page 1 is `/tags/<tag>/`. */
  term: (taxonomy: Taxonomy, slug: string, page = 1) => (page <= 1 ? `/${taxonomy}/${slug}/` : `/${taxonomy}/${slug}/page/${page}/`),
  /** `/page/1/` of a list: like Hugo, it is written as a redirect to the list's own URL. */
  firstPageAlias: (listUrl: string) => `${listUrl}${FIRST_PAGE}`,
  /**
   * The not-found page, which the build copies to 404.html for static hosts. Two segments, so that
   * only the catch-all route matches it (a static build must prerender a page of every route with a
   * loader, and one segment would be a language's home, `:lang?`).
   */
  notFound: () => "/404/not-found/",
};

/** Whether `url` is a list's `page/1/` (`paths.firstPageAlias`): a list's own pages are numbered from 2. */
export const isFirstPageAlias = (url: string) => url.endsWith(`/${FIRST_PAGE}`);

/** The first segment of a request's path under the base path: `tags` for `/blog/tags/ai/` (or `/tags/ai/`, as the build asks). */
export function firstSegment(request: Request): string {
  const { pathname } = new URL(request.url);
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.slice(1);
  return decodeURIComponent(path.split("/")[0]);
}

/** A request's path under the base path, decoded, as a folder: `/2019/05/hello/` for `/blog/2019/05/hello` (or `/2019/05/hello.data`, React Router's data request for it). */
export function sitePath(request: Request): string {
  const { pathname } = new URL(request.url);
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.slice(1);
  const segments = path
    .replace(/(\/_)?\.data$/, "")
    .split("/")
    .filter(Boolean)
    .map(decodeURIComponent);
  return `/${segments.map((segment) => `${segment}/`).join("")}`;
}

/** Reads a `:page` URL segment: 1 when absent, a whole number from 1 up, else undefined. */
export function parsePageParam(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  return /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/** Feed formats and their file names. */
export const FEED_FILES = { rss: "index.xml", atom: "atom.xml", json: "feed.json" } as const;

/** `rss`, `atom` or `json`. */
export type FeedFormat = keyof typeof FEED_FILES;

/** A site path (`/posts/x/`) as served under the base path (`/blog/posts/x/`), for links React Router does not build. */
export function withBase(path: string): string {
  return basePath + path.replace(/^\//, "");
}

/** A site path, or a URL, as an absolute URL on the site's `baseUrl`. */
export function absoluteUrl(pathOrUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(pathOrUrl)) return pathOrUrl;
  return new URL(pathOrUrl.replace(/^\//, ""), siteConfig.baseUrl).href;
}

const ORIGIN = "https://folio.invalid";

/**
 * Resolves a URL written in a post (`diagram.png`, `../other/`) against the post's page, so a page
 * bundle's images load whether or not the address bar has the trailing slash; then applies
 * react-markdown's safe-protocol filter (no `javascript:` links), which Folio widens by `tel:` (a
 * phone number, as contact pages link one). Without a page, URLs are left relative.
 */
export function resolveUrl(url: string, pageUrl?: string): string {
  if (pageUrl && !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url)) {
    const resolved = new URL(url, ORIGIN + pageUrl);
    if (resolved.origin === ORIGIN) url = resolved.pathname + resolved.search + resolved.hash;
  }
  return /^tel:[\d\s()+.-]+$/i.test(url) ? url : defaultUrlTransform(url);
}
