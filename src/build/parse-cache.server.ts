import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeVersion } from "./code-version.server";
import { postPathOnDisk } from "./posts-folder.server";
import type { ArticleBody } from "../content/post";
import type { ParsedPost, PostFile } from "../content/parse-post.server";
import { cacheEntries, removeUnused } from "./cache-folder.server";

/**
 * An on-disk cache of parsed posts, so that a rebuild, or a dev server start, parses only the posts
 * that changed; and the store of their articles, which are read when their page is rendered rather
 * than all held in memory (10,000 articles would take gigabytes). An entry is keyed by a hash of everything a parse depends on:
 * - the post: its path, its text and the names of the files beside it;
 * - the code that parses it: the parser and what it imports under src/, the configuration, the
 *   installed dependencies (code-version.server.ts); a change to a component or the style sheet
 *   renders pages again but parses no post again.
 * Change any of them and the post is parsed again. Entries no build used are deleted at the end of
 * a build (`pruneParseCache`). Delete the folder to start afresh; nothing else is kept there.
 */
export const PARSE_CACHE_DIR = path.resolve(".folio-cache", "posts");
/** The code a cached post depends on: the parser and this cache, with what they import. */
const PARSING_CODE = ["src/content/parse-post.server.ts", "src/build/parse-cache.server.ts"];

// A post's entry is looked up twice (`uncached` before the parse workers, then `cachedParse`): its
// text is hashed once. The site's list of files keeps the same objects while their text is unchanged.
const entryPaths = new WeakMap<PostFile, string>();

function entryPath(file: PostFile): string {
  let entry = entryPaths.get(file);
  if (entry === undefined) {
    const key = createHash("sha256")
      .update(codeVersion(PARSING_CODE))
      .update(`\0${file.file}\0${(file.bundleFiles ?? []).join("/")}\0`)
      .update(file.source)
      .digest("hex");
    entry = path.join(PARSE_CACHE_DIR, `${key}.json`);
    entryPaths.set(file, entry);
  }
  return entry;
}

// Shared by every copy of this module in the process (a build loads it in the config and in the server bundle).
const used: Set<string> = ((globalThis as { __folioCacheUsed?: Set<string> }).__folioCacheUsed ??= new Set());

/**
 * What an entry keeps apart from the post, each in a file of its own beside it, read only when a
 * page or feed needs it: the article, and its HTML for feeds (JSON `null` when the post has none).
 * With the feeds' HTML in the entries, reading 10,000 of them took ~0.7 s instead of ~0.25 s, in
 * every build and dev-server start.
 */
const PARTS = { article: ".article.json", feedHtml: ".feed.json" } as const;
type Part = keyof typeof PARTS;
const partPath = (entry: string, part: Part) => entry.replace(/\.json$/, PARTS[part]);
const entryFiles = (entry: string) => [entry, ...(Object.keys(PARTS) as Part[]).map((part) => partPath(entry, part))];
/** Marks an entry and its parts as used by this build: pruneParseCache keeps them. */
const keep = (entry: string) => entryFiles(entry).forEach((name) => used.add(path.basename(name)));

/** A parsed post without what is stored apart from it (`cachedArticle`, `cachedFeedHtml`). */
export type IndexedPost = Omit<ParsedPost, Part>;

/**
 * parsePost through the cache: reads the post's entry if there is one, else parses the post and
 * stores it: the post with its warnings, and apart from it, its article and its feed HTML. Parse
 * errors are not cached.
 */
export function cachedParse(file: PostFile, parse: (file: PostFile) => ParsedPost): IndexedPost {
  const entry = entryPath(file);
  try {
    const stored = JSON.parse(readFileSync(entry, "utf8")) as IndexedPost;
    keep(entry);
    return stored;
  } catch {
    // No entry, or an unreadable one: parse.
  }
  const { article: _article, feedHtml: _feedHtml, ...parsed } = store(file, parse(file));
  return parsed;
}

/**
 * The `files` whose entry, or a part of it (article, feed HTML), the cache lacks. One listing of
 * the cache, not lookups for each post: ~0.1 s less at 10,000 posts, on every dev server start and build.
 */
export function uncached(files: readonly PostFile[]): PostFile[] {
  const names = new Set(cacheEntries(PARSE_CACHE_DIR));
  return files.filter((file) => !entryFiles(entryPath(file)).every((name) => names.has(path.basename(name))));
}

/** A post's article and headings, from the cache, or parsed again if its entry has gone. */
export function cachedArticle(file: PostFile, parse: (file: PostFile) => ParsedPost): ArticleBody {
  return cachedPart(file, "article", parse);
}

/** A post's HTML for feeds, if it has one (`rssFullText`), from the cache, or parsed again if its entry has gone. */
export function cachedFeedHtml(file: PostFile, parse: (file: PostFile) => ParsedPost): string | undefined {
  return cachedPart(file, "feedHtml", parse);
}

function cachedPart<P extends Part>(file: PostFile, part: P, parse: (file: PostFile) => ParsedPost): ParsedPost[P] {
  try {
    return (JSON.parse(readFileSync(partPath(entryPath(file), part), "utf8")) ?? undefined) as ParsedPost[P];
  } catch {
    return store(file, parse(file))[part];
  }
}

/**
 * What identifies `file`'s article: its entry's key, a hash of everything the article is made from.
 * Two articles with the same key are the same article (the premise of this cache).
 */
export function contentKey(file: PostFile): string {
  return path.basename(entryPath(file), ".json");
}

/** A post's file by its entry in the cache: how the planning thread hands posts to parse and render workers. */
export interface CachedPostFile {
  file: string;
  bundleFiles: readonly string[];
  /** Its entry's key (`contentKey`). */
  key: string;
}

/** What a thread needs to find `file`'s entry without its text. */
export function cachedPostFile(file: PostFile): CachedPostFile {
  return { file: file.file, bundleFiles: file.bundleFiles ?? [], key: contentKey(file) };
}

/**
 * A post's file found in the cache by its key (the key its text had when it was listed, by
 * `cachedPostFile`): the build's sites after planning, and the parse workers, use it without the
 * post's text. The text is read from posts/ only if the post must be parsed (its entry has gone, or
 * it was never parsed), and is then keyed by what it is now: a post edited since it was listed is
 * stored under its new text's key, never under the old one's.
 */
export function postFileByKey({ file, bundleFiles, key }: CachedPostFile): PostFile {
  let source: string | undefined;
  const known: PostFile = {
    file,
    bundleFiles,
    get source() {
      if (source === undefined) {
        source = readFileSync(postPathOnDisk(file), "utf8");
        entryPaths.delete(known);
      }
      return source;
    },
  };
  entryPaths.set(known, path.join(PARSE_CACHE_DIR, `${key}.json`));
  return known;
}

function store(file: PostFile, parsed: ParsedPost): ParsedPost {
  const entry = entryPath(file);
  keep(entry);
  mkdirSync(PARSE_CACHE_DIR, { recursive: true });
  writeFileSync(entry, JSON.stringify({ post: parsed.post, warnings: parsed.warnings }));
  writeFileSync(partPath(entry, "article"), JSON.stringify(parsed.article));
  writeFileSync(partPath(entry, "feedHtml"), JSON.stringify(parsed.feedHtml ?? null));
  return parsed;
}

/** Deletes the entries this process did not use: old versions of posts, removed posts, old code. */
export function pruneParseCache(): void {
  removeUnused(PARSE_CACHE_DIR, used);
}
