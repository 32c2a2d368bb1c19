import { ContentError, ContentErrors } from "./content-error";
import type { ArchiveEntry, ArticleBody, Post, PostArticle, PostLink, PostSummary, Term } from "./post";
import { parsePost, type ContentWarning, type ParsedPost, type PostFile } from "./parse-post.server";
import type { RefLinks } from "./markdown/post-refs";
import { resolveRefLinks } from "./ref-links.server";
import { relatedPostsFinder } from "./related-posts.server";
import { TAXONOMIES, type Taxonomy } from "./taxonomy";
import { paths, resolveUrl, withBase } from "../paths";
import { articleImageSizes, findImage, type ImageSizer } from "./post-images";

/** Collators made once: `localeCompare` with options makes one per call (~20 ms of each site build at 10,000 posts). */
const byDefaultLocale = new Intl.Collator().compare;
const byTermName = new Intl.Collator("en", { sensitivity: "base" }).compare;

/** The posts of one tag or category. */
export interface TermEntry {
  term: Term;
  /** Newest first. */
  posts: Post[];
}

/** The posts of one language: the site's own, or a language its posts are translated into. */
export interface PostList {
  /** In Hugo's order (weight, then newest first); drafts only when the site was built with `includeDrafts`. */
  posts: Post[];
  bySlug: ReadonlyMap<string, Post>;
  /** Posts for the home page list: `posts` without `hiddenFromHomePage`. */
  homePosts: Post[];
}

/** One language a post is written in, and where that version is. */
export interface Translation {
  /** `en`, `fr`, `zh-cn`: as the file names write it. */
  language: string;
  url: string;
}

/** Every post and index the routes select from, built once per build. */
export interface Site extends PostList {
  /** Terms sorted by name, for each taxonomy (of the site's own language). */
  taxonomies: Record<Taxonomy, ReadonlyMap<string, TermEntry>>;
  /**
   * The other languages posts are translated into (`index.fr.md` beside `index.md`), each with its
   * posts at `/<language>/posts/<slug>/` and its own home list; none for a site in one language.
   */
  languages: ReadonlyMap<string, PostList>;
  /** Every version of each translated post, its own included, the site's language first. */
  translations: ReadonlyMap<Post, Translation[]>;
  /** Posts at a URL of their own (Hugo's `url`, Post.customUrl), in any language, by that URL. */
  customUrls: ReadonlyMap<string, Post>;
  /** For each post that links to others by file (`{{< ref >}}`), each target as written and its URL (ref-links.server.ts). */
  links: ReadonlyMap<Post, RefLinks>;
  /** Posts a build leaves out for their dates, shown marked when the site was built with `includeDrafts`. */
  unpublished: ReadonlyMap<Post, NonNullable<PostSummary["unpublished"]>>;
  warnings: ContentWarning[];
  /** With `keepGoing` (the dev server), the problems of the posts left out; empty otherwise, as a build throws them. */
  problems: readonly ContentError[];
  /** Reads a local image's size (BuildSiteOptions.imageSize). */
  imageSize: ImageSizer;
  /** Whether pages give bundle images' resized copies (BuildSiteOptions.imageVariants). */
  imageVariants: boolean;
}

/** Options for buildSite. */
export interface BuildSiteOptions {
  /**
   * Include `draft: true` posts, and posts whose publish date is ahead or whose expiry date has
   * passed (the dev server does, marked; builds leave them out, as Hugo does). Default false.
   */
  includeDrafts?: boolean;
  /** The time publish and expiry dates are compared with (ms since the epoch, written dates read as UTC). Default now. */
  now?: number;
  /** The site's own language (`siteConfig.language`): its posts are at `/posts/<slug>/`. Default `en`. */
  language?: string;
  /** How to parse one post; default parsePost (build/site.server.ts passes a cached one). */
  parse?: (file: PostFile) => Pick<ParsedPost, "post" | "warnings">;
  /**
   * Leave a post with a problem out and go on, its problem in `problems`, instead of throwing them
   * all (the dev server: one broken post must not take the rest of the site down). Default false.
   */
  keepGoing?: boolean;
  /** How to read a local image's size, for its width and height in pages and lists; default none (build/image-sizes.server.ts reads files). */
  imageSize?: ImageSizer;
  /** Pages give page bundles' raster images a srcset of their resized WebP copies (post-images.ts, imageVariants), which the build makes. Default false. */
  imageVariants?: boolean;
}

/**
 * Parses every post and builds the site's indexes. Collects every post's errors and throws them
 * together as ContentErrors, so one build run reports all that needs fixing (or, with `keepGoing`,
 * leaves those posts out and returns their problems).
 *
 * Translations are Hugo's: posts that share a translation key (`trip/index.md`, `trip/index.fr.md`)
 * in more than one language. The one in the site's language is the site's post; each other goes to
 * its language's list. A post in another language with no translation (a lone `index.gr.md`) is
 * one of the site's own posts.
 */
export function buildSite(files: readonly PostFile[], options: BuildSiteOptions = {}): Site {
  const siteLanguage = (options.language ?? "en").toLowerCase();
  const { posts, unpublished, warnings, errors } = readPosts(files, options);
  const groups = groupBy(posts, (post) => post.translationKey);
  const languageOf = languagesIn(groups, siteLanguage);

  const lists = new Map<string, { posts: Post[]; bySlug: Map<string, Post> }>();
  for (const post of posts) {
    const language = languageOf.get(post)!;
    let list = lists.get(language);
    if (!list) lists.set(language, (list = { posts: [], bySlug: new Map() }));
    const other = list.bySlug.get(post.slug);
    if (other) {
      const url = paths.post(post.slug, language === siteLanguage ? undefined : language);
      errors.push(
        new ContentError(post.file, 1, `the URL ${url} is taken by ${other.file}: give one of them another \`slug:\` or file name`),
      );
      continue;
    }
    list.bySlug.set(post.slug, post);
    list.posts.push(post);
  }
  const customUrls = customUrlsOf(posts, new Set(lists.keys()), siteLanguage, errors);
  const links = resolveRefLinks(
    posts,
    (post) => withBase(pageUrl(post, languageOf.get(post), siteLanguage)),
    (post) => languageOf.get(post)!,
    errors,
    warnings,
  );
  if (errors.length > 0 && !options.keepGoing) throw new ContentErrors(errors);

  const postList = ({ posts, bySlug }: { posts: Post[]; bySlug: ReadonlyMap<string, Post> }): PostList => {
    posts.sort(hugoOrder);
    return { posts, bySlug, homePosts: posts.filter((post) => !post.hiddenFromHomePage) };
  };
  const own = postList(lists.get(siteLanguage) ?? { posts: [], bySlug: new Map() });
  const languages = new Map<string, PostList>();
  for (const [language, list] of [...lists].sort(([a], [b]) => a.localeCompare(b))) {
    if (language !== siteLanguage) languages.set(language, postList(list));
  }
  const taxonomies = {} as Record<Taxonomy, ReadonlyMap<string, TermEntry>>;
  for (const taxonomy of TAXONOMIES) taxonomies[taxonomy] = indexTerms(own.posts, taxonomy, warnings);
  const translations = translationsOf(groups, languageOf, siteLanguage);
  const images = { imageSize: options.imageSize ?? (() => undefined), imageVariants: options.imageVariants ?? false };
  return { ...own, taxonomies, languages, translations, customUrls, links, unpublished, warnings, problems: errors, ...images };
}

/** The posts with a `url` of their own, by it; a URL two posts take, or under a language's prefix (`/fr/…`), is an error. */
function customUrlsOf(posts: readonly Post[], languages: ReadonlySet<string>, siteLanguage: string, errors: ContentError[]) {
  const byUrl = new Map<string, Post>();
  for (const post of posts) {
    if (!post.customUrl) continue;
    const other = byUrl.get(post.customUrl);
    const first = post.customUrl.split("/")[1].toLowerCase();
    if (other) {
      errors.push(new ContentError(post.file, 1, `\`url: ${post.customUrl}\` is also ${other.file}'s: give one of them another \`url\``));
    } else if (first !== siteLanguage && languages.has(first)) {
      errors.push(
        new ContentError(
          post.file,
          1,
          `\`url: ${post.customUrl}\` is under /${first}/, the ${first} translations' home: choose another \`url\``,
        ),
      );
    } else {
      byUrl.set(post.customUrl, post);
    }
  }
  return byUrl;
}

/** Every post parsed, with its warnings and errors; drafts, and posts out of their dates, only with `includeDrafts`. */
function readPosts(files: readonly PostFile[], options: BuildSiteOptions) {
  const posts: Post[] = [];
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  const unpublished = new Map<Post, NonNullable<PostSummary["unpublished"]>>();
  const now = options.now ?? Date.now();
  for (const file of [...files].sort((a, b) => byDefaultLocale(a.file, b.file))) {
    try {
      const parsed = (options.parse ?? parsePost)(file);
      warnings.push(...parsed.warnings);
      const { post } = parsed;
      if (post.draft && !options.includeDrafts) continue;
      const dated = post.publishAt > now ? "scheduled" : post.expireAt !== undefined && post.expireAt <= now ? "expired" : undefined;
      if (dated && !options.includeDrafts) continue;
      if (dated) unpublished.set(post, dated);
      posts.push(post);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(error);
    }
  }
  return { posts, errors, warnings, unpublished };
}

/** Each post's language in the site: its file name's, where the post has a translation; the site's otherwise. */
function languagesIn(groups: ReadonlyMap<string, Post[]>, siteLanguage: string): Map<Post, string> {
  const languageOf = new Map<Post, string>();
  for (const group of groups.values()) {
    const translated = new Set(group.map((post) => post.language ?? siteLanguage)).size > 1;
    for (const post of group) languageOf.set(post, translated ? (post.language ?? siteLanguage) : siteLanguage);
  }
  return languageOf;
}

/** Every version of each translated post, the site's language first. */
function translationsOf(groups: ReadonlyMap<string, Post[]>, languageOf: ReadonlyMap<Post, string>, siteLanguage: string) {
  const translations = new Map<Post, Translation[]>();
  for (const group of groups.values()) {
    if (new Set(group.map((post) => languageOf.get(post))).size < 2) continue;
    const versions = group
      .map((post) => ({ language: languageOf.get(post)!, url: pageUrl(post, languageOf.get(post)!, siteLanguage) }))
      .sort((a, b) => Number(b.language === siteLanguage) - Number(a.language === siteLanguage) || a.language.localeCompare(b.language));
    for (const post of group) translations.set(post, versions);
  }
  return translations;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Where a post's page is: its own `url`, else `/posts/<slug>/` in the site's language, `/<language>/posts/<slug>/` in another. */
export function pageUrl(post: Post, language?: string, siteLanguage?: string): string {
  return post.customUrl ?? paths.post(post.slug, language === siteLanguage ? undefined : language);
}

/** Hugo's default order of pages: by weight (posts with one first, lightest first), then newest first. */
function hugoOrder(a: Post, b: Post): number {
  return Number(a.weight === 0) - Number(b.weight === 0) || a.weight - b.weight || b.sortKey - a.sortKey || byDefaultLocale(a.slug, b.slug);
}

const archives = new WeakMap<Site, Post[]>();

/**
 * The archive's posts (`/posts/`): every post of the site's own language, those hidden from the home
 * page too, newest first by date alone (Hugo's weight orders lists, not an archive by date).
 */
export function archivePosts(site: Site): readonly Post[] {
  let posts = archives.get(site);
  if (!posts) archives.set(site, (posts = [...site.posts].sort((a, b) => b.sortKey - a.sortKey || byDefaultLocale(a.slug, b.slug))));
  return posts;
}

/** What the archive shows of a post: its title, its date and where it is. */
export function archiveEntryOf(post: Post, site: Site): ArchiveEntry {
  return { slug: post.slug, title: post.title, date: post.date, url: urlOf(site, post), ...(post.draft && { draft: true }) };
}

/** The posts of a language: the site's own without one, undefined for a language no post is translated into. */
export function postsIn(site: Site, language: string | undefined): PostList | undefined {
  return language === undefined ? site : site.languages.get(language);
}

/** The list a post belongs to: the site's own, or its language's. */
export function listOf(site: Site, post: Post): PostList {
  if (site.bySlug.get(post.slug) === post) return site;
  for (const list of site.languages.values()) if (list.bySlug.get(post.slug) === post) return list;
  return site;
}

/** The language of the list a post is in, when it is not the site's own. */
export function translationLanguage(site: Site, post: Post): string | undefined {
  for (const [language, list] of site.languages) if (list.bySlug.get(post.slug) === post) return language;
  return undefined;
}

/** The posts before (older) and after (newer) a post in its list, as Hugo's .PrevInSection/.NextInSection. */
export function neighbours(site: Site, post: Post): { older?: PostLink; newer?: PostLink } {
  const { posts } = listOf(site, post);
  const index = posts.indexOf(post);
  const link = (other: Post | undefined) => other && { slug: other.slug, title: other.title, url: urlOf(site, other) };
  return { older: link(posts[index + 1]), newer: link(posts[index - 1]) };
}

const relatedByList = new WeakMap<PostList, (post: Post) => Post[]>();

/**
 * The posts related to a post, in its own list (related-posts.server.ts), each as the end of its
 * article links it: a handful whatever the size of the blog. The list is indexed the first time one
 * is asked for, once per thread that renders posts (~0.2–0.3 s at 10,000 posts; every post's, ~1–1.5 s:
 * scripts/bench/related-posts.mjs).
 */
export function relatedOf(site: Site, post: Post): ArchiveEntry[] {
  const list = listOf(site, post);
  let related = relatedByList.get(list);
  if (!related) relatedByList.set(list, (related = relatedPostsFinder(list.posts)));
  return related(post).map((other) => archiveEntryOf(other, site));
}

/** Where a post's page is in the site. */
export function urlOf(site: Site, post: Post): string {
  return pageUrl(post, translationLanguage(site, post));
}

function indexTerms(posts: readonly Post[], taxonomy: Taxonomy, warnings: ContentWarning[]): Map<string, TermEntry> {
  const entries = new Map<string, { spellings: Map<string, number>; posts: Post[] }>();
  for (const post of posts) {
    for (const term of post[taxonomy]) {
      let entry = entries.get(term.slug);
      if (!entry) entries.set(term.slug, (entry = { spellings: new Map(), posts: [] }));
      entry.spellings.set(term.name, (entry.spellings.get(term.name) ?? 0) + 1);
      entry.posts.push(post);
    }
  }
  const index = new Map<string, TermEntry>();
  for (const [slug, entry] of entries) {
    // Tags that differ only in case are one tag, shown in its most used spelling.
    const spellings = [...entry.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const distinct = new Set(spellings.map(([name]) => name.toLocaleLowerCase()));
    if (distinct.size > 1) {
      const names = spellings.map(([name]) => `"${name}"`).join(", ");
      const post = entry.posts.find((candidate) => candidate[taxonomy].some((term) => term.name === spellings.at(-1)![0]))!;
      warnings.push({
        file: post.file,
        line: 1,
        message: `${taxonomy} ${names} share the URL /${taxonomy}/${slug}/ and are listed as one; rename one if they are different topics`,
      });
    }
    index.set(slug, { term: { name: spellings[0][0], slug }, posts: entry.posts });
  }
  return new Map([...index].sort((a, b) => byTermName(a[1].term.name, b[1].term.name)));
}

/** What lists need of a post: everything but its body (and, on the dev server, why a build would leave it out). */
export function summaryOf(post: Post, site: Site): PostSummary {
  const { slug, title, date, lastmod, authors, summary, readingMinutes, categories, tags, draft } = post;
  const unpublished = site.unpublished.get(post);
  const url = urlOf(site, post);
  return {
    slug,
    url,
    title,
    date,
    lastmod,
    authors,
    summary,
    readingMinutes,
    categories,
    tags,
    draft,
    ...(unpublished && { unpublished }),
    ...optionalThumbnail(post, site),
  };
}

/** LoveIt's order: a post's image in lists is its featured image preview, else its featured image; sized when the build can read its file. */
function optionalThumbnail(post: Post, site: Site): { thumbnail?: PostSummary["thumbnail"] } {
  const image = post.featuredImagePreview ?? post.featuredImage;
  if (!image) return {};
  const src = resolveUrl(image, withBase(paths.post(post.slug)));
  return { thumbnail: { src, ...findImage(src, post, site.imageSize, site.imageVariants) } };
}

/** What the article page needs of a post: no source text, no build-only fields. */
export function articleOf(
  post: Post,
  { content, headings, diagrams, drawnDiagrams }: ArticleBody & Pick<PostArticle, "diagrams" | "drawnDiagrams">,
  site: Site,
): PostArticle {
  const { description, toc, featuredImage, lightgallery, linkToMarkdown } = post;
  const language = translationLanguage(site, post);
  const translations = site.translations.get(post)?.map((version) => ({ ...version, name: languageName(version.language) }));
  const { thumbnail: _thumbnail, ...summary } = summaryOf(post, site);
  // From the post's list of its images, not from its article: a page's fingerprint, made without the article, holds their sizes too.
  const images = articleImageSizes(post.imageSrcs ?? [], post, {
    imageSize: site.imageSize,
    variants: site.imageVariants,
    featuredSrc: featuredImage && resolveUrl(featuredImage, withBase(paths.post(post.slug))),
  });
  return {
    ...summary,
    description,
    content,
    headings,
    toc,
    featuredImage,
    lightgallery,
    linkToMarkdown,
    ...(language && { language }),
    ...(translations && { translations }),
    ...(post.shortcodes && { shortcodes: post.shortcodes }),
    ...(post.islands && { islands: post.islands }),
    ...(post.math && { math: post.math }),
    ...(diagrams && { diagrams }),
    ...(drawnDiagrams && { drawnDiagrams }),
    ...(site.links.has(post) && { links: site.links.get(post) }),
    ...(images && { images }),
  };
}

/** A language's name in that language, as readers look for it: `Français`, `简体中文`, `English`. */
export function languageName(language: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language], { type: "language", fallback: "none" }).of(language);
  } catch {
    // Not a code Intl knows: the code itself.
  }
  return name ? name[0].toLocaleUpperCase(language) + name.slice(1) : language;
}
