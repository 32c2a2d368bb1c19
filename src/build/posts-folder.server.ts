import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentWarning } from "../content/parse-post.server";
import { isBundleIndex, isMarkdownFile } from "../content/post-file-name.ts";
import { siteConfig } from "../site-config.ts";

/** The folder posts are read from: `FOLIO_POSTS`, else the site's `postsFolder`, from the project's folder `root`. */
export function postsFolder(root = process.cwd()): string {
  return path.resolve(root, process.env.FOLIO_POSTS || siteConfig.postsFolder);
}

/** The folder served at the site's root beside public/ (`FOLIO_STATIC`, else the site's `staticFolder`), if any. */
export function staticFolder(root = process.cwd()): string | undefined {
  const folder = process.env.FOLIO_STATIC || siteConfig.staticFolder;
  return folder ? path.resolve(root, folder) : undefined;
}

/** Where a post's file is on disk: Folio names posts from their folder (`posts/trip/index.md`), wherever that folder is. */
export function postPathOnDisk(file: string): string {
  return file.startsWith("posts/") ? path.join(postsFolder(), file.slice("posts/".length)) : path.resolve(file);
}

/** What a look through posts/ found. */
export interface PostsListing {
  /** Every post's path relative to posts/ (`hello.md`, `2021/notes.markdown`, `trip/index.md`), sorted. */
  files: string[];
  /** The Markdown files that are not posts, each with why: nothing under posts/ is skipped without a word. */
  skipped: ContentWarning[];
}

/**
 * Every post under `postsDir`, at any depth, as Hugo finds a section's pages: each Markdown file
 * (`.md`, `.markdown`, `.mdown`), except that a folder holding an `index.md` (or a translation of
 * it, `index.en.md`) is a page bundle, whose other files are its resources, and that `_index.md` is
 * a section's own page. Files and folders whose names start with `.` (and editors' `~` and `#`
 * backups) are not content.
 */
export function listPostsFolder(postsDir: string): PostsListing {
  const listing: PostsListing = { files: [], skipped: [] };
  if (isDirectory(postsDir)) visit(postsDir, "", listing);
  listing.files.sort();
  listing.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return listing;
}

function visit(dir: string, relative: string, listing: PostsListing): void {
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => isContent(entry.name));
  const indexes = relative === "" ? [] : entries.filter((entry) => entry.isFile() && isBundleIndex(entry.name));
  if (indexes.length > 0) {
    for (const entry of indexes) listing.files.push(`${relative}${entry.name}`);
    for (const file of markdownBelow(dir, relative, (name) => !indexes.some((entry) => entry.name === name))) {
      listing.skipped.push(
        notice(file, "a Markdown file inside a page bundle is one of its resources, not a post (Hugo reads only the bundle's index.md)"),
      );
    }
    return;
  }
  for (const entry of entries) {
    const file = `${relative}${entry.name}`;
    if (entry.isDirectory()) visit(path.join(dir, entry.name), `${file}/`, listing);
    else if (/\.mdx$/i.test(entry.name)) {
      listing.skipped.push(notice(file, "MDX (Markdown with JSX, Docusaurus's) is not read: rename it to .md if it uses no JSX"));
    } else if (!isMarkdownFile(entry.name)) continue;
    else if (/^_index\./i.test(entry.name)) {
      listing.skipped.push(notice(file, "a section's own page (_index.md), not a post: Folio lists the section's posts themselves"));
    } else if (relative === "" && isBundleIndex(entry.name)) {
      listing.skipped.push(
        notice(file, "an index.md directly in posts/ would make the whole folder one page: rename it to be a post of its own"),
      );
    } else listing.files.push(file);
  }
}

/**
 * The Markdown files under a folder (`relative` is its path in posts/, with its last slash) that
 * `keep` keeps of its own files; all of its subfolders'. A page bundle's other Markdown files are its
 * resources; the dev server's watcher reads a folder moved in with it.
 */
export function markdownBelow(dir: string, relative: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!isContent(entry.name)) continue;
    if (entry.isDirectory()) found.push(...markdownBelow(path.join(dir, entry.name), `${relative}${entry.name}/`, () => true));
    else if (isMarkdownFile(entry.name) && keep(entry.name)) found.push(`${relative}${entry.name}`);
  }
  return found;
}

const notice = (file: string, message: string): ContentWarning => ({ file: `posts/${file}`, line: 1, message: `not read: ${message}` });

/** Not a dot-file or folder, nor an editor's backup (`post.md~`, `#post.md#`). */
const isContent = (name: string) => !name.startsWith(".") && !name.endsWith("~") && !name.startsWith("#");

/**
 * Whether a path under posts/ (`a/b.md`) may be a post: a Markdown file that is not a section's
 * page, in no hidden folder. Whether it is one depends on its folder too (`listPostsFolder`); the
 * dev server's watcher asks this of every changed path, and lists posts/ again when it says yes.
 */
export function mayBePost(relative: string): boolean {
  const parts = relative.split("/");
  return !parts.some((part) => part === "" || !isContent(part)) && isMarkdownFile(parts.at(-1)!) && !/^_index\./i.test(parts.at(-1)!);
}

/** Every post's path (`posts/<name>.md`, `posts/<name>/index.md`, `posts/2021/<name>.md`), sorted; without its text. */
export function listPosts(postsDir: string): string[] {
  return listPostsFolder(postsDir).files.map((file) => `posts/${file}`);
}

/** Every post's Markdown by its path, sorted by path. */
export function readPostSources(postsDir: string): Record<string, string> {
  return Object.fromEntries(
    listPostsFolder(postsDir).files.map((file) => [`posts/${file}`, readFileSync(path.join(postsDir, file), "utf8")]),
  );
}

export const isDirectory = (folder: string) => statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
