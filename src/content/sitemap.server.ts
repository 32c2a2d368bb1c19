import { absoluteUrl, paths } from "../paths";
import { siteConfig } from "../site-config";
import { archivePosts, pageUrl, type Site } from "./site-index.server";
import { paginate } from "./pagination";
import type { Post } from "./post";
import { TAXONOMIES } from "./taxonomy";

interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/**
 * The sitemap: list pages, the archive's, posts and taxonomy pages with the date of their newest change. Drafts are
 * never built; posts hidden from the home page, redirects and the 404 page are left out.
 */
export function sitemapXml(site: Site): string {
  const visible = (posts: readonly Post[]) => posts.filter((post) => !post.hiddenFromHomePage);
  const newest = (posts: readonly Post[]) =>
    posts.reduce<string | undefined>((latest, post) => max(latest, post.lastmod ?? post.date), undefined);
  const entries: SitemapEntry[] = [];
  const addList = (posts: readonly Post[], url: (page: number) => string, perPage = siteConfig.postsPerPage) => {
    for (let page = 1, list = paginate(posts, 1, perPage); list; list = paginate(posts, ++page, perPage)) {
      entries.push({ path: url(page), lastmod: newest(list.items) });
    }
  };
  addList(site.homePosts, paths.home);
  addList(archivePosts(site), paths.archive, siteConfig.archivePerPage);
  for (const post of visible(site.posts)) entries.push({ path: pageUrl(post), lastmod: post.lastmod ?? post.date });
  for (const [language, list] of site.languages) {
    addList(list.homePosts, (page) => paths.home(page, language));
    for (const post of visible(list.posts)) entries.push({ path: pageUrl(post, language), lastmod: post.lastmod ?? post.date });
  }
  for (const taxonomy of TAXONOMIES) {
    const terms = [...site.taxonomies[taxonomy].values()];
    entries.push({ path: paths.taxonomy(taxonomy), lastmod: newest(terms.flatMap((entry) => entry.posts)) });
    for (const { term, posts } of terms) addList(posts, (page) => paths.term(taxonomy, term.slug, page));
  }
  const urls = entries.map(
    ({ path, lastmod }) =>
      `  <url>\n    <loc>${escapeXml(absoluteUrl(path))}</loc>${lastmod ? `\n    <lastmod>${lastmod}</lastmod>` : ""}\n  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

function max(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
