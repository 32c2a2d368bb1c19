import type { RefLinks } from "./markdown/post-refs";
import type { CalendarDate } from "./calendar-date";
import type { ContentNode } from "./markdown/content-tree";
import type { ImageSizes, PostThumbnail } from "./post-images";

/** A tag or category: the name as authors wrote it and the URL segment it lives under. */
export interface Term {
  name: string;
  slug: string;
}

/** One entry of a table of contents: a heading of the rendered article and its anchor id. */
export interface Heading {
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  id: string;
  text: string;
}

/** What lists show of a post: everything but its body. */
export interface PostSummary {
  slug: string;
  title: string;
  date: CalendarDate;
  /** Shown as "updated" when it differs from `date`. */
  lastmod?: CalendarDate;
  /** Everyone named in `author` or `authors`, in order; none when neither is set. */
  authors: string[];
  /** Plain text, never markup: the text before `<!--more-->`, else `summary`/`description`, else the first 70 words. */
  summary: string;
  readingMinutes: number;
  categories: Term[];
  tags: Term[];
  draft: boolean;
  /** On the dev server only: a post a build leaves out because its publish date is ahead, or its expiry date passed. */
  unpublished?: "scheduled" | "expired";
  /** Where its page is, as a site path: `/posts/<slug>/`, `/<language>/posts/<slug>/` for a translation, or its own `url`. */
  url: string;
  /** Its image in lists: LoveIt's featured image preview, else its featured image. */
  thumbnail?: PostThumbnail;
}

/** A neighbour in date order, for previous/next links. */
export interface PostLink {
  slug: string;
  title: string;
  url: string;
}

/** A post in the archive (`/posts/`): a line with its date and title. */
export interface ArchiveEntry extends PostLink {
  date: CalendarDate;
  /** On the dev server only, a draft (builds leave drafts out). */
  draft?: true;
}

/** Everything the article page needs. */
export interface PostArticle extends PostSummary {
  /** Meta description: front matter `description`, else the summary. */
  description: string;
  /** The rendered article: what react-markdown makes of the body, as data (see content-tree.ts). */
  content: ContentNode[];
  headings: Heading[];
  /** Whether to show the table of contents (`toc: false` or `toc: {enable: false}` turns it off). */
  toc: boolean;
  /** URL of the featured image, relative to the post's page. */
  featuredImage?: string;
  /** The sizes of its page's local images, by `src` (its featured image's as Article writes it), read by the build from their files. */
  images?: ImageSizes;
  /** LoveIt's `lightgallery`: article images open full size in a gallery. */
  lightgallery: boolean;
  /** Its article uses shortcodes: its page loads their style sheet (components/shortcode-styles.css). */
  shortcodes?: true;
  /** Some are interactive (islands): its page loads the code that runs them (components/shortcode-island.tsx). */
  islands?: true;
  /** Its article has formulas, rendered at build time: its page loads the math style sheet and fonts (components/math-styles.css). */
  math?: true;
  /**
   * Its article has Mermaid diagrams (```mermaid blocks). On its page: some the build could not
   * draw (no browser), which the reader's browser draws (components/mermaid-diagram.tsx).
   */
  diagrams?: true;
  /** Its page shows diagrams the build drew (build/diagrams.server.ts): it loads their style sheet (components/mermaid-diagram.css). */
  drawnDiagrams?: true;
  /** Where its links to other posts by file lead, and those posts' titles (Site.links). */
  links?: RefLinks;
  /** LoveIt's `linkToMarkdown`: the post footer links to its Markdown source. */
  linkToMarkdown: boolean;
  /** Its language, when it is a translation (`fr`); the site's otherwise. */
  language?: string;
  /** Every language the post is written in, this one included, with each version's name and URL; none when it has no translation. */
  translations?: { language: string; name: string; url: string }[];
}

/**
 * What only the post's own page shows: its article and the headings of its table of contents. Kept
 * apart from the post (ParsedPost), as every page that lists posts holds them all: with the headings
 * in each post, a build's sites at 10,000 posts were ~40 % larger.
 */
export type ArticleBody = Pick<PostArticle, "content" | "headings">;

/** A parsed post with the build-only facts the site index needs; its article is kept apart (ParsedPost). */
export interface Post extends Omit<
  PostArticle,
  keyof ArticleBody | "url" | "unpublished" | "translations" | "links" | "thumbnail" | "images"
> {
  /** The file under posts/, e.g. `posts/hello/index.md`. */
  file: string;
  sortKey: number;
  /** LoveIt's featured image for lists (the `featured-image-preview` resource, else `featuredImagePreview`), relative to the post's page. */
  featuredImagePreview?: string;
  /** The `src` of each image in its article, as its page writes them (the build reads their sizes when it makes the page: post-images.ts). */
  imageSrcs?: readonly string[];
  /** Image files beside a page bundle's index.md, published at `/posts/<slug>/<file>`. */
  assets: readonly string[];
  hiddenFromHomePage: boolean;
  rssFullText: boolean;
  /** Hugo's `weight`: posts with one come first, lightest first; 0 is none. */
  weight: number;
  /** When the post is published (Hugo's `publishDate`, else its date; ms since the epoch): builds leave it out until then. */
  publishAt: number;
  /** When the post expires (Hugo's `expiryDate`; ms since the epoch): builds leave it out from then on. */
  expireAt?: number;
  /**
   * Hugo's `url`: the page's own site path (`/2019/05/hello/`) when front matter gives one other than
   * `/posts/<slug>/`, which then redirects to it. Its images and source stay at `/posts/<slug>/`.
   */
  customUrl?: string;
  /** Old paths that redirect here (Hugo's `aliases`), e.g. `/2019/old-name/`. */
  aliases: string[];
  /** The language its file name gives (`index.fr.md`: `fr`), lower case; none for a file without one. */
  language?: string;
  /**
   * What its translations share: Hugo's `translationKey`, else its path without the language and
   * extension (`posts/trip/index.fr.md` and `posts/trip/index.md` are translations of one another).
   */
  translationKey: string;
  /** Front matter keys Folio does not use, kept as written (Hugo's `.Params`). */
  params: Record<string, unknown>;
  /** Other posts its article links to by file (`{{< ref "other.md" >}}`), as written, with the line; the site resolves them. */
  refs?: readonly PostRef[];
}

/** A link to another post by its file, as written in a post (see content/markdown/post-refs.ts). */
export interface PostRef {
  target: string;
  line: number;
}
