import type { Root } from "hast";
import { toString } from "hast-util-to-string";
import { forEachElement } from "./markdown/hast-elements";
import { paths, withBase } from "../paths";
import { siteConfig } from "../site-config";
import { articleContent } from "./markdown/article-content.server";
import { feedHtml } from "./markdown/feed-html.server";
import { parseCalendarDate, type PostDate } from "./calendar-date";
import { ContentError } from "./content-error";
import { readFrontMatter, type RawFrontMatter } from "./front-matter.server";
import type { ArticleBody, Post, PostRef, Term } from "./post";
import { refTarget, refTargetsIn } from "./markdown/post-refs";
import { checkPostCss } from "./post-css.server";
import { countWords, firstWords, headingsOf, readingMinutes, textBeforeMore, textOf } from "./post-text.server";
import { markdownToHast, markdownToUnsanitisedHtml } from "./markdown/pipeline";
import type { MathOptions } from "./markdown/rehype-katex.server";
import { expandShortcodes, type ExpandedShortcodes } from "./markdown/shortcodes";
import { hasShortcodes, ShortcodeError, type ShortcodeCall } from "./markdown/shortcode-syntax";
import { shortcodeRenderer } from "../shortcodes/render.server";
import { unscopeCss } from "./markdown/rehype-scope-styles";
import { postFileName, titleFromName, type PostFileName } from "./post-file-name";
import { imageSrcsOf } from "./post-images";
import { captionImages } from "./markdown/image-captions";
import { slugify } from "./slug";

/** A note for the author that does not stop the build, e.g. a front matter key Folio does not know. */
export interface ContentWarning {
  file: string;
  line: number;
  message: string;
}

/** A parsed post and the warnings found while reading it. */
export interface ParsedPost {
  post: Post;
  /** The rendered article and its headings, kept apart from the post: the site index holds every post, an article is read when its page is rendered. */
  article: ArticleBody;
  /** The article's HTML for feeds, when they carry full posts (`rssFullText`); kept apart as the article is. */
  feedHtml?: string;
  warnings: ContentWarning[];
}

/** Keys Folio reads, as Hugo names them (read in any case: `Title`, `DATE`); see the README's front matter reference. */
const USED_KEYS = [
  "title",
  "date",
  "publishDate",
  "pubDate",
  "published",
  "expiryDate",
  "unpublishDate",
  "lastmod",
  "modified",
  "author",
  "authors",
  "description",
  "summary",
  "slug",
  "url",
  "path",
  "categories",
  "category",
  "tags",
  "draft",
  "weight",
  "resources",
  "featuredImage",
  "featuredImagePreview",
  "toc",
  "lightgallery",
  "linkToMarkdown",
  "rssFullText",
  "hiddenFromHomePage",
  "aliases",
  "translationKey",
  // Zola's `[taxonomies]` table (`tags`, `categories`), and PaperMod's table of contents switch.
  "taxonomies",
  "showToc",
  // Reading time and summaries count the words of Chinese, Japanese and Korean text whether or not it is set.
  "isCJKLanguage",
  // FixIt's password: the post is left out of the built site, as a draft is (see `protectedPost`).
  "password",
  // LoveIt's and FixIt's math switch (and FixIt's macros): see `mathOf`.
  "math",
];

/** Hugo and LoveIt keys that Folio accepts without acting on them (they configure features Folio does not have). */
const INERT_KEYS = [
  "subtitle",
  "keywords",
  "images",
  "fontawesome",
  "comment",
  "code",
  "share",
  "license",
  "seo",
  "ruby",
  "fraction",
  "twemoji",
  "hiddenFromSearch",
  "authorLink",
  "series",
  "type",
  "layout",
  "mapbox",
  "library",
  "outputs",
  "markup",
  "linkTitle",
  "headless",
  "build",
  "cascade",
  "sitemap",
  "menu",
  "menus",
  // Keys of other popular themes (PaperMod, Terminal, Coder): their own features.
  "tocOpen",
  "cover",
  "hideMeta",
  "hideSummary",
  "comments",
  "disableShare",
  "showReadingTime",
  "showWordCount",
  "showBreadCrumbs",
  "showPostNavLinks",
  "showCodeCopyButtons",
  "showRssButtonInSectionTermList",
  "useHugoToc",
  "searchHidden",
  "editPost",
  "canonicalURL",
  "disableHLJS",
  "robotsNoIndex",
  "showFullContent",
  // FixIt's and DoIt's own features.
  "collections",
  "shortTitle",
  "related",
  "reward",
  "heading",
  "message",
  "page_style",
  "series_weight",
  "sponsor",
  "readingTime",
  "hideComments",
  "externalLink",
];

/** A key's name as Folio writes it, by its name in lower case. */
const KNOWN_KEYS = new Map([...USED_KEYS, ...INERT_KEYS].map((key) => [key.toLowerCase(), key]));
const USED = new Set(USED_KEYS.map((key) => key.toLowerCase()));

/** Keys that LoveIt reads only inside a block; at the top level they are almost always an indentation slip. */
const NESTED_KEYS: Record<string, string> = {
  auto: "`toc:` (`toc: {auto: false}`)",
  enable: "a block such as `toc:` or `comment:`",
  keepstatic: "`toc:`",
};

/** Where each date comes from, in Hugo's order (its default `[frontmatter]` configuration). */
const DATE_KEYS = ["date", "publishDate", "pubDate", "published", "lastmod", "modified"];
const PUBLISH_KEYS = ["publishDate", "pubDate", "published"];
const EXPIRY_KEYS = ["expiryDate", "unpublishDate"];
const LASTMOD_KEYS = ["lastmod", "modified"];
/** First segments of Folio's own pages and files, which a post's `url` may not take. */
const FOLIO_SEGMENTS = new Set([
  "posts",
  "tags",
  "categories",
  "page",
  "404",
  "index.xml",
  "atom.xml",
  "feed.json",
  "sitemap.xml",
  "robots.txt",
]);

/** Where a post's file sits and which other files its page bundle holds. */
export interface PostFile {
  /** Path from the project root, e.g. `posts/hello/index.md`. */
  file: string;
  source: string;
  /** File names beside a bundle's index.md (images), empty for a flat post. */
  bundleFiles?: readonly string[];
}

/**
 * Parses and validates one post: front matter (YAML, TOML or JSON), dates, taxonomies and the
 * derived summary, reading time and headings. What the front matter leaves out comes from where
 * the post's own generator takes it: the date and the title from the file name. Throws a
 * ContentError naming the file, the line and the fix.
 */
export function parsePost({ file, source, bundleFiles = [] }: PostFile): ParsedPost {
  const raw = readFrontMatter(file, source);
  const fields = new FieldReader(file, raw);
  const fileName = postFileName(file);
  const warnings: ContentWarning[] = [];

  for (const key of Object.keys(raw.attributes)) {
    const lower = key.toLowerCase();
    if (KNOWN_KEYS.has(lower)) continue;
    const line = raw.keyLines.get(key) ?? raw.startLine;
    const nested = NESTED_KEYS[lower];
    warnings.push({
      file,
      line,
      message: nested
        ? `\`${key}\` is not a top-level key; LoveIt reads it inside ${nested}: indent it under that key (kept, but it has no effect here)`
        : `unknown front matter key \`${key}\` (kept in the post's params; check the spelling if it was meant to do something)`,
    });
  }

  // FixIt decrypts a post with a `password` in the reader's browser. Folio cannot protect it, so it
  // does not publish it: a draft, shown on the dev server only.
  const passwordKey = Object.keys(raw.attributes).find((key) => key.toLowerCase() === "password");
  const protectedPost = passwordKey !== undefined && raw.attributes[passwordKey] !== "" && raw.attributes[passwordKey] != null;
  if (protectedPost)
    warnings.push({
      file,
      line: raw.keyLines.get(passwordKey) ?? raw.startLine,
      message:
        "`password`: Folio cannot protect a post with a password, so it leaves it out of the built site, as a draft (remove `password` to publish it)",
    });

  const title = fields.title() ?? titleFromName(fileName.name);
  if (!fields.has("title")) {
    warnings.push({
      file,
      line: raw.startLine,
      message: `no \`title\`: the post is titled "${title}" after its file name, as Jekyll does; add \`title: …\` to choose`,
    });
  }
  const date = fields.firstDate(DATE_KEYS) ?? dateFromName(file, fileName) ?? fields.dateFromPath() ?? fields.fail("date", NO_DATE);
  const publishAt = fields.firstDate(PUBLISH_KEYS)?.instant ?? date.instant;
  const expiry = fields.firstDate(EXPIRY_KEYS);
  const lastmod = fields.firstDate(LASTMOD_KEYS);
  const slugSource = fields.slugSource() ?? fileName.name;
  const slug = slugify(slugSource);
  if (!slug) throw fields.error("slug", `"${slugSource}" leaves no letters or digits for the URL: set \`slug: some-words\``);

  const math = mathOf(fields);
  const body = expandPostShortcodes(file, fileName, raw, math !== false, warnings);
  let formulas = 0;
  const searchedTo = new Map<string, number>();
  const tree = renderOrFail(
    file,
    raw,
    body,
    math && {
      ...math,
      rendered: () => formulas++,
      report: ({ tex, message }) =>
        warnings.push({ file, line: lineOfText(raw, tex, searchedTo), message: `math \`${shorten(tex)}\`: ${message}` }),
    },
    (language) =>
      warnings.push({
        file,
        line: lineOfFence(raw, language),
        message: `code block in \`${language}\`: Folio does not know this language, so the block is shown as plain text; name one of https://shiki.style/languages (or \`text\`)`,
      }),
  );
  const rssFullText = fields.boolean("rssFullText", false);
  checkStyles(file, raw, tree);
  checkStyleAttributes(file, raw, tree, warnings);
  const text = textOf(tree);
  const wordCount = countWords(text);
  const beforeMore = textBeforeMore(body.markdown);
  const description = fields.optionalString("description");
  const summaryField = fields.optionalString("summary");
  const summary =
    (beforeMore !== undefined
      ? textOf(markdownToHast(beforeMore, { shortcodes: body.outputs, math: math && { macros: math.macros } }), { code: false })
      : "") ||
    summaryField ||
    description ||
    firstWords(textOf(tree, { code: false }) || text);

  // PaperMod's `ShowToc`, when the post does not say `toc`.
  const tocField = fields.get("toc") ?? fields.get("showToc");
  const toc =
    tocField === undefined || tocField === null
      ? true
      : typeof tocField === "boolean"
        ? tocField
        : isRecord(tocField) && (tocField.enable === undefined || typeof tocField.enable === "boolean")
          ? tocField.enable !== false
          : fields.fail("toc", "`toc` must be `true`, `false` or a block like `toc: {enable: false}`");

  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.attributes)) if (!USED.has(key.toLowerCase())) params[key] = value;
  // Jekyll splits a string of tags or categories at spaces; Hugo, Hexo and Zola read it as one term.
  const splitWords = isJekyllPost(fileName);

  const post: Post = {
    file,
    slug,
    title,
    date: date.day,
    sortKey: date.sortKey,
    assets: bundleFiles,
    ...(lastmod && lastmod.day !== date.day ? { lastmod: lastmod.day } : {}),
    authors: fields.authors(),
    summary,
    description: description ?? summaryField ?? summary,
    readingMinutes: readingMinutes(wordCount),
    categories: fields.terms(["categories", "category", "taxonomies.categories"], splitWords),
    tags: fields.terms(["tags", "taxonomies.tags"], splitWords),
    draft: fields.boolean("draft", false) || protectedPost,
    toc,
    ...optional("featuredImage", fields.featuredImage("featured-image", "featuredImage", bundleFiles, warnings)),
    ...optional("featuredImagePreview", fields.featuredImage("featured-image-preview", "featuredImagePreview", bundleFiles, warnings)),
    lightgallery: fields.boolean("lightgallery", false),
    linkToMarkdown: fields.boolean("linkToMarkdown", true),
    rssFullText,
    hiddenFromHomePage: fields.boolean("hiddenFromHomePage", false),
    weight: fields.weight(),
    publishAt,
    ...optional("expireAt", expiry?.instant),
    ...optional("customUrl", fields.customUrl(slug)),
    aliases: fields.aliases(slug, hugoSection(file, fileName), hugoSectionPath(file, fileName, slug)),
    ...optional("language", fileName.language),
    translationKey: fields.optionalString("translationKey") ?? translationKeyOf(file, fileName),
    params,
    ...(body.outputs.length > 0 && { shortcodes: true as const }),
    ...(body.outputs.some((html) => html.includes("data-folio-island=")) && { islands: true as const }),
    ...(formulas > 0 && { math: true as const }),
    ...(hasDiagrams(tree) && { diagrams: true as const }),
  };
  const refs = refsOf(tree, raw);
  if (refs.length > 0) post.refs = refs;
  // After the text is counted: a caption is the image's title, which summaries and word counts leave out.
  captionImages(tree);
  const html = rssFullText || siteConfig.rssFullText ? feedHtml(tree, slug) : undefined;
  // Last: it resolves the tree's URLs in place, for the page.
  const headings = headingsOf(tree);
  const content = articleContent(tree, withBase(paths.post(slug)));
  const imageSrcs = imageSrcsOf(content);
  if (imageSrcs.length > 0) post.imageSrcs = imageSrcs;
  return { post, article: { content, headings }, ...optional("feedHtml", html), warnings };
}

const NO_DATE =
  "the post has no date: add `date: YYYY-MM-DD` to its front matter, or start its file or folder name with the date " +
  "(`2024-05-01-my-post.md`, as Jekyll, Hexo and Docusaurus do), or start Zola's `path` with it";

/** The date a `2021-09-27-name.md` file (or folder) name carries: the day it names, at midnight. */
function dateFromName(file: string, fileName: PostFileName): PostDate | undefined {
  if (!fileName.date) return undefined;
  const parsed = parseCalendarDate(fileName.date);
  if (typeof parsed === "string") throw new ContentError(file, 1, `the file name's date ${parsed}`);
  return parsed;
}

/**
 * Hugo's URL for a post in a folder of posts/ (`posts/2021/intro.md`: `/posts/2021/intro/`, lower
 * case as Hugo makes it): Folio serves it at `/posts/<slug>/` and redirects from there.
 */
function hugoSectionPath(file: string, fileName: PostFileName, slug: string): string | undefined {
  const section = hugoSection(file, fileName);
  return section !== "/posts/" ? `${section}${slug}/` : undefined;
}

/** The URL of the Hugo section a post is in: `/posts/`, or `/posts/2021/` for `posts/2021/intro.md`. */
function hugoSection(file: string, fileName: PostFileName): string {
  const folders = file.split("/").slice(1, fileName.bundle ? -2 : -1);
  return `/posts/${folders.map((folder) => `${folder.toLowerCase()}/`).join("")}`;
}

/** A post's path without its language and extension, which its translations share: `posts/trip` for `posts/trip/index.fr.md`. */
function translationKeyOf(file: string, fileName: PostFileName): string {
  const parts = file.split("/");
  if (fileName.bundle) return parts.slice(0, -1).join("/");
  return [...parts.slice(0, -1), parts.at(-1)!.replace(/(\.[a-z]{2}(?:-[a-z0-9]{2,4})?)?\.(md|markdown|mdown)$/i, "")].join("/");
}

/** A Jekyll post: its file (not a page bundle) is named `YYYY-MM-DD-title.md`, as `_posts/` requires. */
function isJekyllPost(fileName: PostFileName): boolean {
  return fileName.date !== undefined && !fileName.bundle;
}

/** Reads and type-checks front matter fields, in any case (`Title:`, `DATE =`), failing with the key's line and a fix. */
class FieldReader {
  /** Each key as written, by its name in lower case. */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly raw: RawFrontMatter,
  ) {
    for (const key of Object.keys(raw.attributes)) {
      const lower = key.toLowerCase();
      const other = this.written.get(lower);
      if (other !== undefined) {
        throw new ContentError(
          file,
          raw.keyLines.get(key) ?? raw.startLine,
          `\`${key}\` and \`${other}\` are the same key (Hugo reads keys in any case): keep one`,
        );
      }
      this.written.set(lower, key);
    }
  }

  /** Whether the front matter sets `key` (in any case) to something. */
  has(key: string): boolean {
    const value = this.get(key);
    return value !== undefined && value !== null && value !== "";
  }

  /** The value of `key`, in any case; `table.key` reads a key of a table (Zola's `[taxonomies]`). */
  get(key: string): unknown {
    const [first, ...rest] = key.split(".");
    const written = this.written.get(first.toLowerCase());
    let value = written === undefined ? undefined : this.raw.attributes[written];
    for (const part of rest)
      value = isRecord(value) ? Object.entries(value).find(([name]) => name.toLowerCase() === part.toLowerCase())?.[1] : undefined;
    return value;
  }

  private line(key: string): number {
    const written = this.written.get(key.split(".")[0].toLowerCase());
    return (written !== undefined && this.raw.keyLines.get(written)) || this.raw.startLine;
  }

  private rawValue(key: string): string | undefined {
    const written = this.written.get(key.toLowerCase());
    return written === undefined ? undefined : this.raw.rawValues.get(written);
  }

  error(key: string, detail: string): ContentError {
    return new ContentError(this.file, this.line(key), detail);
  }

  fail(key: string, detail: string): never {
    throw this.error(key, detail);
  }

  /** The title; undefined when the front matter has none. */
  title(): string | undefined {
    const value = this.get("title");
    if (value === undefined || value === null || value === "") return undefined;
    // YAML reads `title: 1984` as a number; Hugo shows it as written, so do we.
    if (typeof value === "number") return this.rawValue("title") || String(value);
    if (typeof value !== "string") this.fail("title", `\`title\` must be text, got ${describe(value)}: put it in quotes`);
    return value.trim();
  }

  /** The first of `keys` that is set, read as a date. */
  firstDate(keys: readonly string[]): PostDate | undefined {
    for (const key of keys) {
      const date = this.date(key);
      if (date) return date;
    }
    return undefined;
  }

  private date(key: string): PostDate | undefined {
    const value = this.get(key);
    if (value === undefined || value === null || value === "") return undefined;
    if (!(value instanceof Date) && typeof value !== "string") {
      this.fail(key, `\`${key}\` must be a date like 2024-05-01, got ${describe(value)}`);
    }
    // js-yaml turns dates into UTC instants and rolls 2023-02-30 over into March: read the text as written.
    const written = (this.rawValue(key) ?? "").replace(/^(["'])(.*)\1$/, "$2");
    const parsed = parseCalendarDate(written || (value instanceof Date ? value.toISOString() : value));
    if (typeof parsed === "string") this.fail(key, `\`${key}\`: ${parsed}`);
    return parsed;
  }

  /** The date a Zola `path` starts with (`2021/09/27/title`, `2021-09-27-title`). */
  dateFromPath(): PostDate | undefined {
    const path = this.get("path");
    if (typeof path !== "string") return undefined;
    const match = /^\/?(\d{4})[-/](\d{2})[-/](\d{2})(?:[-/_]|$)/.exec(path);
    const parsed = match && parseCalendarDate(`${match[1]}-${match[2]}-${match[3]}`);
    if (typeof parsed === "string") this.fail("path", `\`path\` starts with a date that ${parsed}`);
    return parsed ?? undefined;
  }

  optionalString(key: string): string | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number") return String(value);
    if (typeof value !== "string") this.fail(key, `\`${key}\` must be text, got ${describe(value)}: put it in quotes`);
    return value.trim() || undefined;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.get(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") this.fail(key, `\`${key}\` must be true or false, got ${describe(value)}`);
    return value;
  }

  /**
   * What the slug is made from: `url` when it is `/posts/<name>/` (Hugo's `url` wins), else `slug`
   * (its last segment, when written as a path like `/posts/x/`), else the last segment of `url`
   * without its extension (`/2019/05/hello.html`: `hello`).
   */
  slugSource(): string | undefined {
    const url = this.optionalString("url");
    const underPosts = url && /^\/?posts\/([^/]+)\/?$/.exec(url)?.[1];
    if (underPosts) return underPosts;
    const slug = this.optionalString("slug")?.split("/").filter(Boolean).at(-1);
    return (
      slug ??
      url
        ?.split("/")
        .filter(Boolean)
        .at(-1)
        ?.replace(/\.[a-z0-9]+$/i, "")
    );
  }

  /**
   * Hugo's `url`: the page's own path, when it is not `/posts/<slug>/`, written as a folder
   * (`/2019/05/hello/`; `/2019/05/hello.html`, as Jekyll's permalinks end, is published as the folder
   * and redirects there). Paths Folio's own pages use (`/tags/…`, `/page/…`, `/posts/<a>/<b>/`) are an error.
   */
  customUrl(slug: string): string | undefined {
    const url = this.optionalString("url");
    if (url === undefined) return undefined;
    const segments = url.split("/").filter(Boolean);
    if (segments.length > 0) segments.push(segments.pop()!.replace(/\.html?$/i, ""));
    const path = `/${segments.map((segment) => `${segment}/`).join("")}`;
    if (path === paths.post(slug)) return undefined;
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url) || segments.some((segment) => segment === ".." || !/^[\p{L}\p{N}._~-]+$/u.test(segment))) {
      this.fail(
        "url",
        `\`url\` must be a path on this site of letters, digits, \`-\`, \`_\` and \`.\`, like /2019/05/hello/, got "${url}"`,
      );
    }
    const [first = "", second = ""] = segments.map((segment) => segment.toLowerCase());
    if (segments.length === 0 || FOLIO_SEGMENTS.has(first) || (segments.length > 1 && ["page", "posts"].includes(second))) {
      this.fail(
        "url",
        `\`url: ${url}\` is a path Folio's own pages use (the home page, /posts/…, /tags/…, /categories/…, /page/…): ` +
          `choose another, or leave \`url\` out to publish the post at ${paths.post(slug)}`,
      );
    }
    return path;
  }

  /** Everyone in `authors` and `author`: text, a list of names, or LoveIt's and PaperMod's `{name: …}`. */
  authors(): string[] {
    const names: string[] = [];
    for (const key of ["authors", "author"]) {
      const value = this.get(key);
      if (value === undefined || value === null || value === "") continue;
      for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) {
        const name =
          typeof item === "string" || typeof item === "number"
            ? String(item)
            : isRecord(item) && typeof item.name === "string"
              ? item.name
              : undefined;
        if (name === undefined)
          this.fail(key, `\`${key}\`${Array.isArray(value) ? `[${index}]` : ""} must be a name, got ${describe(item)}`);
        if (name.trim() && !names.includes(name.trim())) names.push(name.trim());
      }
    }
    return names;
  }

  /**
   * The terms of `keys` together (`categories` and Jekyll's `category`): a list, or a string that is
   * one term (Hugo) or, with `splitWords`, one term per word (Jekyll).
   */
  terms(keys: readonly string[], splitWords: boolean): Term[] {
    const terms = new Map<string, Term>();
    for (const key of keys) {
      const value = this.get(key);
      if (value === undefined || value === null) continue;
      const list = typeof value === "string" ? (splitWords ? value.split(/\s+/).filter(Boolean) : [value]) : value;
      if (!Array.isArray(list)) this.fail(key, `\`${key}\` must be a list like \`${key}: [one, two]\`, got ${describe(value)}`);
      list.forEach((item: unknown, index) => {
        if (typeof item !== "string") {
          this.fail(key, `${key}[${index}] must be a string, got ${describe(item)}: put it in quotes, e.g. "${String(item)}"`);
        }
        const name = item.trim();
        const slug = slugify(name);
        if (!slug) this.fail(key, `${key}[${index}] "${item}" has no letters or digits to make a URL from`);
        if (!terms.has(slug)) terms.set(slug, { name, slug });
      });
    }
    return [...terms.values()];
  }

  /** Hugo's `weight`: a whole number, 0 (none) by default. */
  weight(): number {
    const value = this.get("weight");
    if (value === undefined || value === null) return 0;
    if (typeof value !== "number" || !Number.isInteger(value))
      this.fail("weight", `\`weight\` must be a whole number, got ${describe(value)}`);
    return value;
  }

  /**
   * Old paths that redirect here: `aliases` (one without a leading `/` is in the post's `section`,
   * as Hugo reads it), a `url` written as a file, and `sectionPath`, when it is not the post's own URL.
   */
  aliases(slug: string, section: string, sectionPath: string | undefined): string[] {
    const value = this.get("aliases");
    const list = value === undefined || value === null ? [] : typeof value === "string" ? [value] : value;
    if (!Array.isArray(list)) this.fail("aliases", "`aliases` must be a list of old paths, like `aliases: [/old/path/]`");
    const aliases = list.map((alias: unknown, index) => {
      if (
        typeof alias !== "string" ||
        alias.trim() === "" ||
        alias.includes("..") ||
        alias.startsWith("//") ||
        /^[a-z][a-z\d+.-]*:/i.test(alias)
      ) {
        this.fail("aliases", `aliases[${index}] must be a path on this site, like /2019/old-name/, got ${describe(alias)}`);
      }
      // Hugo reads an alias without a leading / from the post's section: `old-name` in posts/ is /posts/old-name/.
      return alias.startsWith("/")
        ? alias
        : `${section}${alias.replace(/^\.\//, "")}${alias.endsWith("/") || /\.[a-z0-9]+$/i.test(alias) ? "" : "/"}`;
    });
    // `url: /2019/05/hello.html`: the page is /2019/05/hello/ (customUrl), and the file redirects there.
    const url = this.optionalString("url");
    if (url && /\.html?$/i.test(url)) aliases.push(`/${url.split("/").filter(Boolean).join("/")}`);
    if (sectionPath && sectionPath !== paths.post(slug) && !aliases.includes(sectionPath)) aliases.push(sectionPath);
    return aliases;
  }

  /**
   * LoveIt's featured image (`featured-image`, `featuredImage`) or its preview for lists
   * (`featured-image-preview`, `featuredImagePreview`): the page bundle's resource of that name, else
   * the front matter key. Warns, as Hugo shows none, when the resource's file is missing.
   */
  featuredImage(
    resourceName: "featured-image" | "featured-image-preview",
    key: "featuredImage" | "featuredImagePreview",
    bundleFiles: readonly string[],
    warnings: ContentWarning[],
  ): string | undefined {
    const resources = this.get("resources");
    if (resources !== undefined && resources !== null) {
      if (!Array.isArray(resources)) this.fail("resources", "`resources` must be a list of `- name: … src: …` entries");
      for (const resource of resources) {
        if (!isRecord(resource) || resource.name !== resourceName) continue;
        if (typeof resource.src !== "string") this.fail("resources", `the \`${resourceName}\` resource needs \`src: file-name.png\``);
        if (bundleFiles.includes(resource.src)) return resource.src;
        const shownWithout = resourceName === "featured-image" ? "a featured image" : "this preview image in lists";
        warnings.push({
          file: this.file,
          line: this.line("resources"),
          message:
            bundleFiles.length === 0 && !postFileName(this.file).bundle
              ? `resource \`${resource.src}\` needs a page bundle (posts/<name>/index.md with the image beside it); the post is shown without ${shownWithout}`
              : `resource \`${resource.src}\` is not in the post's folder; the post is shown without ${shownWithout}: add the file or fix \`src\``,
        });
      }
    }
    return this.optionalString(key);
  }
}

/** The line in the file of an index in the post's body; its first line for -1 (not found). */
function lineInBody(raw: RawFrontMatter, index: number): number {
  return index < 0 ? raw.bodyLine : raw.bodyLine + raw.body.slice(0, index).split("\n").length - 1;
}

/**
 * The other posts the article links to by file (ref, relref, post_url), each once, at the line that
 * names it: in links, and as text (a `{{< ref >}}` outside a link shows the URL, as in Hugo).
 */
function refsOf(tree: Root, raw: RawFrontMatter): PostRef[] {
  const targets = new Set<string>();
  forEachElement(tree, (node) => {
    const target = node.tagName === "a" && typeof node.properties.href === "string" ? refTarget(node.properties.href) : undefined;
    if (target !== undefined) targets.add(target);
    for (const child of node.children) if (child.type === "text") for (const found of refTargetsIn(child.value)) targets.add(found);
  });
  return [...targets].map((target) => ({ target, line: lineInBody(raw, raw.body.indexOf(target)) }));
}

/**
 * LoveIt's and FixIt's `math`: on unless the post turns it off (`math: false`, `math: {enable: false}`),
 * as FixIt's default is; LoveIt's sites turn it on in their configuration and their posts say
 * `math: true`, which reads the same. Its macros are FixIt's (`math: {katex: {macros: {…}}}`, and
 * MathJax's `["{\\bf #1}", 1]` form), with or without the backslash in the name.
 */
/** Whether the article has a Mermaid diagram: a ```mermaid block, or the `mermaid` shortcode's, which is one. */
function hasDiagrams(tree: Root): boolean {
  let found = false;
  forEachElement(tree, (element) => {
    const className = element.properties.className;
    if (element.tagName === "code" && Array.isArray(className) && className.includes("language-mermaid")) found = true;
  });
  return found;
}

function mathOf(fields: FieldReader): { macros?: Record<string, string> } | false {
  const field = fields.get("math");
  if (field === undefined || field === null) return {};
  if (typeof field === "boolean") return field && {};
  if (!isRecord(field) || (field.enable !== undefined && typeof field.enable !== "boolean"))
    fields.fail("math", "`math` must be `true`, `false` or a block like `math: {enable: false}`");
  if (field.enable === false) return false;
  const macros: Record<string, string> = {};
  for (const table of [field.macros, isRecord(field.katex) && field.katex.macros, isRecord(field.mathjax) && field.mathjax.macros]) {
    if (!isRecord(table)) continue;
    for (const [name, definition] of Object.entries(table)) {
      const tex = Array.isArray(definition) ? definition[0] : definition;
      if (typeof tex === "string") macros[name.startsWith("\\") ? name : `\\${name}`] = tex;
    }
  }
  return Object.keys(macros).length > 0 ? { macros } : {};
}

/**
 * The line where a formula's TeX appears in the body, after where `searchedTo` says the same TeX was
 * last found (a formula written twice is reported at each line); the body's first line if it is not
 * there as written (LoveIt's escaped TeX).
 */
function lineOfText(raw: RawFrontMatter, text: string, searchedTo: Map<string, number>): number {
  const index = raw.body.indexOf(text, searchedTo.get(text) ?? 0);
  searchedTo.set(text, index + 1);
  return lineInBody(raw, index);
}

/** The line of the first code fence in `language` (```` ```foo ```` or `~~~ foo`); the body's first line if there is none (a block in raw HTML). */
function lineOfFence(raw: RawFrontMatter, language: string): number {
  const escaped = language.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const fence = new RegExp(`^[ \\t>]*(?:\`{3,}|~{3,})[ \\t]*\\{?\\.?${escaped}(?![\\w-])`, "m").exec(raw.body);
  return lineInBody(raw, fence ? fence.index : -1);
}

/** A formula as a warning names it: its first 60 characters, on one line. */
function shorten(tex: string): string {
  const line = tex.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** How deep lists and block quotes may nest, and raw HTML elements: far beyond real posts, well within every parser's stack. */
const MAX_BLOCK_NESTING = 100;
const MAX_HTML_NESTING = 500;

/**
 * The post's Markdown with its shortcodes expanded (see markdown/shortcodes.ts), rendered by the
 * components in src/shortcodes/. An unknown shortcode is a warning, once per name; a shortcode that
 * cannot be read or rendered is a ContentError at its line.
 */
function expandPostShortcodes(
  file: string,
  fileName: PostFileName,
  raw: RawFrontMatter,
  math: boolean,
  warnings: ContentWarning[],
): ExpandedShortcodes {
  // Jekyll's posts (and Hexo's, named the same way) carry Liquid tags; in any other post `{% … %}` is text, as in Hugo.
  const syntax = { liquid: isJekyllPost(fileName) };
  if (!hasShortcodes(raw.body, syntax)) return { markdown: raw.body, outputs: [] };
  const unknown = new Set<string>();
  try {
    const warn = (call: ShortcodeCall, message: string) => warnings.push({ file, line: raw.bodyLine + call.line - 1, message });
    return expandShortcodes(
      raw.body,
      shortcodeRenderer(raw.attributes, warn),
      (markdown, outputs) => markdownToUnsanitisedHtml(markdown, outputs, { math }),
      (call) => {
        if (unknown.has(call.name)) return;
        unknown.add(call.name);
        warnings.push({
          file,
          line: raw.bodyLine + call.line - 1,
          message:
            `unknown ${call.delimiter === "liquid" ? "tag" : "shortcode"} \`${call.name}\`: ${call.inner ? "its content is shown without it" : "it is left out"}; ` +
            `add src/shortcodes/${call.name}.tsx${call.delimiter === "liquid" ? " (with `export const liquid = true`)" : ""} to render it (README, "Shortcodes")`,
        });
      },
      syntax,
    );
  } catch (error) {
    if (error instanceof ShortcodeError) throw new ContentError(file, raw.bodyLine + error.line - 1, error.message, { cause: error });
    throw error;
  }
}

/** The post's article tree, or a ContentError when the Markdown cannot be processed at all. */
function renderOrFail(
  file: string,
  raw: RawFrontMatter,
  body: ExpandedShortcodes,
  math: MathOptions | false,
  reportLanguage: (language: string) => void,
): Root {
  checkNesting(file, raw);
  try {
    return markdownToHast(body.markdown, { shortcodes: body.outputs, math, highlight: { report: reportLanguage } });
  } catch (error) {
    // micromark and the HTML parser recurse once per level: thousands of nested lists, quotes or
    // elements exhaust the stack, in the build as in any reader's browser.
    const hint =
      error instanceof RangeError
        ? "it nests lists, block quotes or HTML elements thousands of levels deep: flatten them"
        : "check the Markdown and HTML from this line on";
    throw new ContentError(
      file,
      raw.bodyLine,
      `the post's Markdown cannot be rendered (${error instanceof Error ? error.message : String(error)}): ${hint}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Rejects nesting that no reader needs and that would make the Markdown parser crawl (its work grows
 * with the square of the depth) or overflow the stack: thousands of nested lists, quotes or elements.
 */
function checkNesting(file: string, raw: RawFrontMatter): void {
  const lines = raw.body.split("\n");
  lines.forEach((line, index) => {
    const markers = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t>]|$)[ \t]?)+/.exec(line)?.[0];
    const depth = markers ? (markers.match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length : 0;
    if (depth > MAX_BLOCK_NESTING) {
      throw new ContentError(
        file,
        raw.bodyLine + index,
        `this line nests lists or block quotes ${depth} levels deep; Folio renders up to ${MAX_BLOCK_NESTING}: flatten them`,
      );
    }
  });
  const html = htmlNesting(raw.body);
  if (html.depth > MAX_HTML_NESTING) {
    const line = lineInBody(raw, html.firstTooDeep);
    throw new ContentError(
      file,
      line,
      `HTML elements nest ${html.depth} levels deep here; Folio renders up to ${MAX_HTML_NESTING}: close them or flatten the markup`,
    );
  }
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** How deep a post's raw HTML elements nest, and where they first nest deeper than Folio renders. */
function htmlNesting(markdown: string): { depth: number; firstTooDeep: number } {
  let depth = 0;
  let deepest = 0;
  let firstTooDeep = -1;
  for (const match of markdown.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*?(\/?)>/gi)) {
    const [, closing, name, selfClosing] = match;
    if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_HTML_NESTING && firstTooDeep === -1) firstTooDeep = match.index;
  }
  return { depth: deepest, firstTooDeep };
}

/** Fails the build on a `<style>` block a post may not publish (see checkPostCss), naming its line. */
function checkStyles(file: string, raw: RawFrontMatter, tree: Root): void {
  const styles: string[] = [];
  forEachElement(tree, (node) => {
    if (node.tagName === "style") styles.push(unscopeCss(toString(node)));
  });
  // The sanitiser drops source positions: find the line where each block's CSS starts in the body text.
  const cssLines = Array.from(raw.body.matchAll(/<style[^>]*>/gi), (match) => {
    const end = match.index + match[0].length;
    return lineInBody(raw, end) + (/^[ \t]*\n/.test(raw.body.slice(end)) ? 1 : 0);
  });
  styles.forEach((css, index) => {
    const problem = checkPostCss(css.replace(/^[ \t]*\n/, ""));
    if (problem) throw new ContentError(file, (cssLines[index] ?? raw.bodyLine) + problem.line - 1, problem.message);
  });
}

/**
 * A style attribute (raw HTML's, or an attribute list's `{style="…"}`) may do what a <style> block
 * may. One that may not (it loads from another site, or does not parse) is left out with a warning
 * rather than stopping the build: posts copied from elsewhere carry many, and the rest of the
 * element still shows.
 */
function checkStyleAttributes(file: string, raw: RawFrontMatter, tree: Root, warnings: ContentWarning[]): void {
  // KaTeX's output repeats a few styles hundreds of times (`height:0.6444em;`): each is checked once.
  const checked = new Map<string, ReturnType<typeof checkPostCss>>();
  forEachElement(tree, (node) => {
    const style = node.properties.style;
    if (typeof style !== "string") return;
    if (!checked.has(style)) checked.set(style, checkPostCss(`* { ${style} }`, "a style attribute"));
    const problem = checked.get(style);
    if (!problem) return;
    delete node.properties.style;
    const line = lineInBody(raw, raw.body.indexOf(style));
    warnings.push({ file, line, message: `${problem.message} (left out; the element is shown without it)` });
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing";
  if (typeof value === "object") return "a block of keys";
  return `${typeof value} ${JSON.stringify(value)}`;
}
