import { AsyncLocalStorage } from "node:async_hooks";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FEED_FILES, paths, type FeedFormat } from "../paths";
import { siteConfig } from "../site-config";
import { buildSite, pageUrl, type BuildSiteOptions, type Site } from "../content/site-index.server";
import { ContentErrors, postProblem, type PostProblem } from "../content/content-error";
import { slugify } from "../content/slug";
import { count, logOnce, printWarnings, seconds, startProgress } from "./build-log.server";
import { recordStage } from "./build-timings.server";
import type { ArticleBody, Post, PostArticle } from "../content/post";
import { diagramSources, placeDiagrams } from "../content/markdown/article-diagrams";
import { cachedDiagram, diagramKey, drawDiagrams, pruneDiagramCache, type DrawingResult } from "./diagrams.server";
import { postSources, skippedPosts } from "./post-sources.server";
import { listPostsFolder, postPathOnDisk, postsFolder } from "./posts-folder.server";
import {
  cachedArticle,
  cachedFeedHtml,
  cachedParse,
  cachedPostFile,
  contentKey,
  postFileByKey,
  type CachedPostFile,
  type IndexedPost,
} from "./parse-cache.server";
import { parsePost, type ContentWarning, type PostFile } from "../content/parse-post.server";
import { parseAheadInWorkers } from "./parse-workers.server";
import { localImageSize } from "./image-sizes.server";
import { bundleFileType } from "../content/page-bundle";
import { postFileName } from "../content/post-file-name";
import { TAXONOMIES } from "../content/taxonomy";

let site: { sources: Record<string, string>; site: Site } | undefined;

// A build loads this module twice in one process: once for react-router.config.ts (the URL list) and
// once in the server bundle that prerenders. Both share what was parsed, keyed by file and text.
// The list of post files is kept there too: the dev server runs this module again when a post is added.
const shared = globalThis as {
  __folioParsed?: Map<string, { source: string; bundleFiles: string; parsed: IndexedPost }>;
  __folioListed?: { sources: Record<string, string>; files: PostFile[] };
  /** On the dev server, the posts that cannot be shown (siteProblems). */
  __folioProblems?: PostProblem[];
  /** On the dev server, posts whose page bundle's other files changed (an image added): their files are listed again (posts-plugin.server.ts). */
  __folioChangedBundles?: Set<string>;
  /** Set once a build is planned, and in its prerender workers: every post by its parse-cache key (buildFromCache). */
  __folioCachedPosts?: CachedPostFile[];
};
const parsedPosts = (shared.__folioParsed ??= new Map());

/**
 * The site built from posts/, once per process (once a build is planned, from the parse cache:
 * buildFromCache); drafts are included on the dev server only.
 */
export function getSite(): Site {
  if (shared.__folioCachedPosts) return (site ??= { sources: {}, site: siteFromCache(shared.__folioCachedPosts) }).site;
  const sources = postSources();
  if (site && sameSources(site.sources, sources) && !shared.__folioChangedBundles?.size) return site.site;
  const started = performance.now();
  announcePostsFolder();
  const files = postFiles(sources);
  // The dev server goes on without a broken post (its page and a notice on every page say what is
  // wrong: siteProblems); a build stops on it, with every problem listed.
  const built = buildSiteShowingProgress(files, {
    includeDrafts: import.meta.env.DEV,
    language: siteConfig.language,
    parse: parseOnce,
    keepGoing: import.meta.env.DEV,
  });
  site = { sources, site: built };
  reportProblems(built, sources);
  logOnce(`folio: ${files.length} posts read in ${seconds(started)}`, { key: "posts read" });
  printWarnings([...built.warnings, ...skippedPosts]);
  return built;
}

/**
 * On the dev server, the posts that cannot be shown, each with where its page would be and the
 * lines of its file around the problem (routes/post.tsx shows one at its URL; the dev server's
 * `/__folio/problems`, posts-plugin.server.ts, gives the notice every page shows). Empty in a build.
 */
export function siteProblems(): readonly PostProblem[] {
  return shared.__folioProblems ?? [];
}

/** Keeps the site's problems for siteProblems and the dev server, and prints them when one is new. */
function reportProblems(built: Site, sources: Record<string, string>): void {
  const problems = built.problems.map((error) => postProblem(error, brokenPostUrl(error.file), sources[error.file] ?? ""));
  const before = new Set(shared.__folioProblems?.map(({ file, line, detail }) => `${file}:${line}: ${detail}`));
  if (built.problems.some((error) => !before.has(error.message)))
    console.error(`folio: ${new ContentErrors(built.problems).message}\n  (left out until fixed; the rest of the site is served)`);
  shared.__folioProblems = problems;
}

/** Where a post whose front matter may be what is broken would be: by its file name, as most posts are. */
function brokenPostUrl(file: string): string {
  return paths.post(slugify(postFileName(file).name));
}

/** buildSite, with the posts read so far shown as progress while it runs. */
function buildSiteShowingProgress(files: readonly PostFile[], options: BuildSiteOptions & Required<Pick<BuildSiteOptions, "parse">>): Site {
  const progress = startProgress("Reading posts", files.length);
  try {
    return buildSite(files, {
      imageSize: localImageSize,
      // The dev server shows the images as they are; a build makes their resized copies (image-variants.server.ts).
      imageVariants: !import.meta.env.DEV,
      ...options,
      parse: (file) => {
        const parsed = options.parse(file);
        progress.advance();
        return parsed;
      },
    });
  } finally {
    progress.end();
  }
}

/**
 * For a build's plan (build-plan.server.ts): every post by its key in the parse cache, once the
 * posts the cache lacked have been parsed into it (in worker threads when there are many). From
 * then on this thread's site is built from the cache; its warnings go with the plan. Each
 * post's text is read, hashed and let go, one post at a time: `postSources()` would hold all of it
 * (~140 MB of heap at 10,000 posts) through the parse, beside the parse workers, where a cold
 * build's memory peaks.
 */
export async function keyPostsForBuild(): Promise<{ posts: CachedPostFile[]; skipped: ContentWarning[] }> {
  announcePostsFolder();
  const listing = listPostsFolder(postsFolder());
  const posts = listing.files.map((relative) => {
    const file = `posts/${relative}`;
    return cachedPostFile({ file, source: readFileSync(postPathOnDisk(file), "utf8"), bundleFiles: postBundleFiles(file) });
  });
  await parseAheadInWorkers(posts.map(postFileByKey));
  const started = performance.now();
  buildFromCache(posts);
  getSite();
  recordStage("Planning: reading posts from the cache, parsing the rest, building the site", started);
  logOnce(`folio: ${posts.length} posts read in ${seconds(started)}`, { key: "posts read" });
  return { posts, skipped: listing.skipped };
}

/**
 * From now on, this thread's sites are built from `posts` (`keyPostsForBuild` of the thread that
 * planned the build: build-plan.server.ts), as the render workers' are (prerender-worker.mjs).
 */
export function buildFromCache(posts: CachedPostFile[]): void {
  shared.__folioCachedPosts = posts;
}

/**
 * A site built after planning: each post read from the parse cache by the key the planning thread
 * computed, the same posts in the same order as its site. The posts' text is neither read nor
 * hashed again: it would be most of what a render worker holds (~113 MB of its ~185 MB at 10,000
 * posts) and ~1 s of its start. A post's text is read from posts/ only when asked for
 * (`postSource`). Warnings are reported with the build's summary (the plan carries them).
 */
function siteFromCache(posts: CachedPostFile[]): Site {
  return buildSiteShowingProgress(posts.map(postFileByKey), {
    language: siteConfig.language,
    parse: (file) => {
      const parsed = cachedParse(file, parsePost);
      parsedFrom.set(parsed.post, file);
      return parsed;
    },
  });
}

let ahead: { sources: Record<string, string>; parsed: Promise<void> } | undefined;

/**
 * The site, for the routes' loaders: as getSite(), but on the dev server the posts neither this
 * process nor the parse cache has parsed are first parsed in worker threads (parse-workers.server.ts), at
 * its first request and when posts change. A build has done that before it renders
 * (react-router.config.ts): checking the cache for every post again in each prerender worker would
 * be work done twice.
 */
export async function loadSite(): Promise<Site> {
  if (import.meta.env.DEV) {
    const sources = postSources();
    if (ahead?.sources !== sources)
      ahead = { sources, parsed: parseAheadInWorkers(postFiles(sources).filter((file) => !parsedInProcess(file))) };
    await ahead.parsed;
  }
  return getSite();
}

/**
 * Each post as a file to parse: its path, its text, and the images beside a page bundle's index.md.
 * Listed once per set of sources: loadSite and getSite need the same list. A bundle's folder
 * is read again only when its post's text changed or the watcher saw its other files change: on
 * the dev server, reading all 10,000 took ~250 ms of every edit.
 */
function postFiles(sources: Record<string, string>): PostFile[] {
  const { __folioListed: listed, __folioChangedBundles: changed } = shared;
  if (listed?.sources !== sources || changed?.size) {
    const before = new Map(listed?.files.map((file) => [file.file, file]));
    const files = Object.entries(sources).map(([file, source]): PostFile => {
      const known = before.get(file);
      if (known?.source === source && !changed?.has(file)) return known;
      return { file, source, bundleFiles: postBundleFiles(file) };
    });
    changed?.clear();
    shared.__folioListed = { sources, files };
  }
  return shared.__folioListed!.files;
}

/** Whether two sets of posts are the same files with the same text. */
function sameSources(before: Record<string, string>, now: Record<string, string>): boolean {
  if (before === now) return true;
  const files = Object.keys(now);
  return files.length === Object.keys(before).length && files.every((file) => before[file] === now[file]);
}

// Each post's file, as the site was built from it: the parse cache knows that object's entry
// (`entryPath` hashes a post's text once per file object), so a page or feed that asks for the
// post's article or key does not hash its text again.
const parsedFrom = new WeakMap<Post, PostFile>();

/**
 * parsePost, remembered per file for the process and on disk (parse-cache.server.ts): an unchanged
 * post is parsed once, not once per build, dev server start or edit.
 */
function parseOnce(file: PostFile): IndexedPost {
  const parsed = parsedInProcess(file) ?? cachedParse(file, parsePost);
  parsedPosts.set(file.file, { source: file.source, bundleFiles: bundleKey(file), parsed });
  parsedFrom.set(parsed.post, file);
  return parsed;
}

/** The post as this process parsed it, if its text and bundle files are unchanged since. */
function parsedInProcess(file: PostFile): IndexedPost | undefined {
  const known = parsedPosts.get(file.file);
  // Kept apart, not joined into one key: a joined copy of every post's text would take ~100 MB at 10,000 posts.
  return known?.source === file.source && known.bundleFiles === bundleKey(file) ? known.parsed : undefined;
}

const bundleKey = (file: PostFile) => (file.bundleFiles ?? []).join("/");

const fingerprinting = new AsyncLocalStorage<true>();

/**
 * Runs `work`, a route's loader, for a page's fingerprint (page-cache.server.ts): the hash of what
 * the loader returns. Within it, a post's article (`postArticle`, `postFeedHtml`) is given as its
 * key in the parse cache: both are made when the post is parsed, and the same key means the same
 * article, which is then neither read from disk nor serialised (nor escaped into a feed). At
 * 10,000 posts that took fingerprinting from ~8 s of a rebuild to ~5 s.
 */
export function forFingerprint<T>(work: () => T): T {
  return fingerprinting.run(true, work);
}

/** Whether this runs within `forFingerprint`. */
function isFingerprinting(): boolean {
  return fingerprinting.getStore() === true;
}

/** A post's article as its page shows it: with its diagrams drawn, when the build drew them (PostArticle's `diagrams`, `drawnDiagrams`). */
export type PageArticle = ArticleBody & Pick<PostArticle, "diagrams" | "drawnDiagrams">;

/**
 * A post's rendered article and its headings (see parse-cache.server.ts), with each diagram the
 * build drew in place (diagrams.server.ts); within `forFingerprint`, its key, and its diagrams' keys
 * with whether each is drawn. The dev server draws a post's diagrams when its page is asked for.
 */
export async function postArticle(post: Post): Promise<PageArticle> {
  const fingerprinting = isFingerprinting();
  if (fingerprinting && !post.diagrams) return { content: [articleKey(post)], headings: [] };
  const article = cachedArticle(postFile(post), parsePost);
  if (!post.diagrams) return article;
  const sources = diagramSources(article.content);
  if (import.meta.env.DEV) await drawForDevServer(sources);
  const { content, placed, left } = placeDiagrams(article.content, cachedDiagram);
  const flags = { ...(left > 0 && { diagrams: true as const }), ...(placed > 0 && { drawnDiagrams: true as const }) };
  if (fingerprinting)
    return {
      content: [articleKey(post), ...sources.map((source) => `${diagramKey(source)}:${cachedDiagram(source) ? 1 : 0}`)],
      headings: [],
      ...flags,
    };
  return { content, headings: article.headings, ...flags };
}

/** On the dev server, draws the diagrams a page shows that the cache lacks; without a browser, says once that the reader's browser draws them. */
async function drawForDevServer(sources: readonly string[]): Promise<void> {
  const { problem } = await drawDiagrams(sources, { keepBrowser: true });
  if (problem) logOnce(`folio: warning: ${noBrowserForDiagrams(problem)}`, { key: "no browser for diagrams", warn: true });
}

/** What the build says when it cannot draw diagrams. */
function noBrowserForDiagrams(problem: string): string {
  return (
    `mermaid diagrams are drawn in the reader's browser (~210 KB gzip of script on their pages), not at build time: ${problem}. ` +
    "Install Chromium (`apt-get install -y chromium` on Debian) or set CHROMIUM_PATH to a Chromium or Chrome to draw them at build time"
  );
}

/** Every post of the site with diagrams, with its diagrams' sources. */
function siteDiagrams(): { post: Post; sources: string[] }[] {
  return getSite()
    .posts.filter((post) => post.diagrams)
    .map((post) => ({ post, sources: diagramSources(cachedArticle(postFile(post), parsePost).content) }));
}

/** For a build's plan, once the posts are parsed: the sources of the site's diagrams that the diagram cache lacks, each once. */
export function missingSiteDiagrams(): string[] {
  const missing = new Set(siteDiagrams().flatMap(({ sources }) => sources.filter((source) => !cachedDiagram(source))));
  return [...missing];
}

/** In the build's thread, between two planning threads (build-plan.server.ts): draws `sources` into the diagram cache, in one browser. */
export async function drawBuildDiagrams(sources: readonly string[]): Promise<DrawingResult> {
  const started = performance.now();
  const result = await drawDiagrams(sources);
  recordStage("Diagrams: drawn in Chromium, between the planning threads", started);
  const { drawn } = result;
  if (drawn > 0) logOnce(`folio: ${count(drawn)} ${drawn === 1 ? "diagram" : "diagrams"} drawn in ${seconds(started)}`);
  return result;
}

/**
 * For a build's plan, once its diagrams are drawn (`drawing`, when the cache lacked some): deletes
 * the drawings no post uses, and returns the warnings: a diagram Mermaid cannot read, at its post's
 * line; where no browser could draw, one warning at every diagram left undrawn.
 */
export function siteDiagramWarnings(drawing?: DrawingResult): ContentWarning[] {
  const diagrams = siteDiagrams();
  const problem = drawing?.problem;
  if (!problem) pruneDiagramCache(diagrams.flatMap(({ sources }) => sources));
  const warnings: ContentWarning[] = [];
  for (const { post, sources } of diagrams) {
    const text = postSource(post);
    for (const source of sources) {
      const entry = cachedDiagram(source);
      const line = lineOfDiagram(text, source);
      if (!entry && problem) warnings.push({ file: post.file, line, message: noBrowserForDiagrams(problem) });
      if (entry && "error" in entry) warnings.push({ file: post.file, line, message: `mermaid diagram: ${entry.error}` });
    }
  }
  return warnings;
}

/** The line of a post's file on which a diagram's first line is (the line after its fence), else 1. */
function lineOfDiagram(text: string, source: string): number {
  const first = source
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim();
  const at = first ? text.indexOf(first) : -1;
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}

/** A post's article as HTML for feed readers, if it has one (`rssFullText`); within `forFingerprint`, its key. */
export function postFeedHtml(post: Post): string | undefined {
  if (isFingerprinting()) return articleKey(post);
  return cachedFeedHtml(postFile(post), parsePost);
}

/** A post's Markdown, as the site was built from it: published beside its page as `index.md`. */
export function postSource(post: Post): string {
  return postFile(post).source;
}

/** What identifies a post's parsed text and article: its parse-cache key (the search index's records key on it: search-index.server.ts). */
export function postContentKey(post: Post): string {
  return contentKey(postFile(post));
}

const articleKey = (post: Post) => `folio-article:${contentKey(postFile(post))}`;
/** The file the post was parsed from; for a post this copy of the module did not parse, read again from posts/. */
const postFile = (post: Post): PostFile =>
  parsedFrom.get(post) ?? { file: post.file, source: readFileSync(postPathOnDisk(post.file), "utf8"), bundleFiles: post.assets };

/** Where a file published beside a post (a page bundle's image) is on disk. */
export function postFileOnDisk(post: Post, file: string): string {
  return path.join(path.dirname(postPathOnDisk(post.file)), file);
}

/** The images beside a page bundle's index.md; none for a post that is a file of its own. */
export function postBundleFiles(file: string): string[] {
  if (!postFileName(file).bundle) return [];
  return readdirSync(path.dirname(postPathOnDisk(file))).filter((name) => bundleFileType(name) !== undefined);
}

/** Every URL the build writes: list pages, the archive, posts with their files, taxonomies and the 404 page. */
export function prerenderPaths(): string[] {
  const { homePosts, posts, taxonomies, languages } = getSite();
  if (posts.length === 0) {
    throw new Error('posts/ has no published posts: add one as posts/<name>.md (see the README\'s "Writing a post")');
  }
  const urls = [
    ...pageUrls(homePosts.length, paths.home),
    ...pageUrls(posts.length, paths.archive, siteConfig.archivePerPage),
    paths.notFound(),
    paths.search(),
    "/sitemap.xml",
    "/robots.txt",
    ...feedUrls(paths.home()),
  ];
  for (const post of posts) urls.push(pageUrl(post));
  // Every post's source and images are published beside it (static-output.server.ts copies them; as
  // pages they would be most of a large build's work). React Router still needs one URL of their route.
  urls.push(paths.postFile(posts[0].slug, "index.md"));
  for (const taxonomy of TAXONOMIES) {
    urls.push(paths.taxonomy(taxonomy));
    for (const { term, posts: termPosts } of taxonomies[taxonomy].values()) {
      urls.push(
        ...pageUrls(termPosts.length, (page) => paths.term(taxonomy, term.slug, page)),
        ...feedUrls(paths.term(taxonomy, term.slug)),
      );
    }
  }
  // The languages posts are translated into: each its home list, feeds and posts (and one source
  // file for the route, as above).
  for (const [language, list] of languages) {
    urls.push(...pageUrls(list.homePosts.length, (page) => paths.home(page, language)), ...feedUrls(paths.home(1, language)));
    for (const post of list.posts) urls.push(pageUrl(post, language));
  }
  const [firstLanguage] = languages;
  if (firstLanguage) urls.push(paths.postFile(firstLanguage[1].posts[0].slug, "index.md", firstLanguage[0]));
  return urls;
}

function feedUrls(listPath: string): string[] {
  return (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => paths.feed(format, listPath));
}

/** A list's pages of `perPage` posts, and its `page/1/` alias that redirects to the first page as Hugo's does. */
function pageUrls(count: number, url: (page: number) => string, perPage = siteConfig.postsPerPage): string[] {
  const pages = Math.max(1, Math.ceil(count / perPage));
  return [paths.firstPageAlias(url(1)), ...Array.from({ length: pages }, (_, index) => url(index + 1))];
}

/** Says where posts come from when it is not posts/ (`FOLIO_POSTS`, `postsFolder`): every file name printed is relative to it. */
function announcePostsFolder(): void {
  const folder = postsFolder();
  if (folder !== path.resolve("posts"))
    logOnce(`folio: reading posts from ${path.relative(process.cwd(), folder) || "."} (named posts/… below)`);
}
