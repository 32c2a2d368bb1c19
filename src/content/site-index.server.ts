import { ContentError, ContentErrors } from "./content-error";
import type { ArticleBody, Post, PostArticle, PostLink, PostSummary, Term } from "./post";
import { parsePost, type ContentWarning, type ParsedPost, type PostFile } from "./parse-post.server";
import { TAXONOMIES, type Taxonomy } from "./taxonomy";

/** Collators made once: `localeCompare` with options makes one per call (~20 ms of each site build at 10,000 posts). */
const byDefaultLocale = new Intl.Collator().compare;
const byTermName = new Intl.Collator("en", { sensitivity: "base" }).compare;

/** The posts of one tag or category. */
export interface TermEntry {
  term: Term;
  /** Newest first. */
  posts: Post[];
}

/** Every post and index the routes select from, built once per build. */
export interface Site {
  /** Newest first; drafts only when the site was built with `includeDrafts`. */
  posts: Post[];
  bySlug: ReadonlyMap<string, Post>;
  /** Posts for the home page list: `posts` without `hiddenFromHomePage`. */
  homePosts: Post[];
  /** Terms sorted by name, for each taxonomy. */
  taxonomies: Record<Taxonomy, ReadonlyMap<string, TermEntry>>;
  /** Posts a build leaves out for their dates, shown marked when the site was built with `includeDrafts`. */
  unpublished: ReadonlyMap<Post, NonNullable<PostSummary["unpublished"]>>;
  warnings: ContentWarning[];
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
  /** How to parse one post; default parsePost (build/site.server.ts passes a cached one). */
  parse?: (file: PostFile) => Pick<ParsedPost, "post" | "warnings">;
}

/**
 * Parses every post and builds the site's indexes. Collects every post's errors and throws them
 * together as ContentErrors, so one build run reports all that needs fixing.
 */
export function buildSite(files: readonly PostFile[], options: BuildSiteOptions = {}): Site {
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  const posts: Post[] = [];
  const bySlug = new Map<string, Post>();
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
      const other = bySlug.get(post.slug);
      if (other) {
        throw new ContentError(
          post.file,
          1,
          `the URL /posts/${post.slug}/ is taken by ${other.file}: give one of them another \`slug:\` or file name`,
        );
      }
      bySlug.set(post.slug, post);
      posts.push(post);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);

  posts.sort(hugoOrder);
  const taxonomies = {} as Record<Taxonomy, ReadonlyMap<string, TermEntry>>;
  for (const taxonomy of TAXONOMIES) taxonomies[taxonomy] = indexTerms(posts, taxonomy, warnings);
  return {
    posts,
    bySlug,
    homePosts: posts.filter((post) => !post.hiddenFromHomePage),
    taxonomies,
    unpublished,
    warnings,
  };
}

/** Hugo's default order of pages: by weight (posts with one first, lightest first), then newest first. */
function hugoOrder(a: Post, b: Post): number {
  return Number(a.weight === 0) - Number(b.weight === 0) || a.weight - b.weight || b.sortKey - a.sortKey || byDefaultLocale(a.slug, b.slug);
}

/** The posts before (older) and after (newer) a post in date order, as Hugo's .PrevInSection/.NextInSection. */
export function neighbours(site: Site, post: Post): { older?: PostLink; newer?: PostLink } {
  const index = site.posts.indexOf(post);
  const older = site.posts[index + 1];
  const newer = site.posts[index - 1];
  return {
    older: older && { slug: older.slug, title: older.title },
    newer: newer && { slug: newer.slug, title: newer.title },
  };
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
export function summaryOf(post: Post, site: Pick<Site, "unpublished">): PostSummary {
  const { slug, title, date, lastmod, authors, summary, readingMinutes, categories, tags, draft } = post;
  const unpublished = site.unpublished.get(post);
  return { slug, title, date, lastmod, authors, summary, readingMinutes, categories, tags, draft, ...(unpublished && { unpublished }) };
}

/** What the article page needs of a post: no source text, no build-only fields. */
export function articleOf(post: Post, { content, headings }: ArticleBody, site: Pick<Site, "unpublished">): PostArticle {
  const { description, toc, featuredImage, lightgallery, linkToMarkdown } = post;
  return { ...summaryOf(post, site), description, content, headings, toc, featuredImage, lightgallery, linkToMarkdown };
}
