import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { absoluteUrl, isFirstPageAlias, paths, withBase } from "../paths";
import { basePath } from "../site-config";
import { pageUrl, type Site } from "../content/site-index.server";
import { writtenByThisBuild } from "./build-started.server";
import { withContentSecurityPolicy } from "./page-html.server";
import { postPathOnDisk, staticFolder } from "./posts-folder.server";
import { postFileOnDisk } from "./site.server";
import type { PublishedVariant } from "./image-variants.server";

/**
 * Finishes the static site React Router prerendered into `clientDir`, so the folder can be uploaded
 * as it is to any static host serving the site at `baseUrl`:
 * - a site under a sub-path (`/blog/`) is prerendered into `client/blog/`; its pages move up beside
 *   `assets/`, so the folder's root is the site's root;
 * - `404.html` is the not-found page, where static hosts look for it;
 * - each post's Markdown source (the site-wide Markdown output of LoveIt; `linkToMarkdown` only
 *   decides the link) and its page bundle's images are published beside it, as the dev server serves them,
 *   with the images' resized copies (`variants`: image-variants.server.ts);
 * - the `.data` files React Router writes beside files (feeds, images) are dropped: nothing asks for them;
 * - each post alias (Hugo's `aliases`) becomes a page that redirects to the post;
 * - the redirect pages get the Content-Security-Policy every other page has: the aliases above, and
 *   each list's `page/1/`, which React Router writes from its own redirect template rather than
 *   through entry.server.tsx (which finishes every page it renders: page-html.server.ts).
 *
 * build/ is kept from one build to the next (page-cache.server.ts), so a file written by this build
 * is one modified since the build started. Returns the files it published (relative to
 * `clientDir`), which keep their sources' modification times, and every file `clientDir` then holds
 * (for `removeStaleOutput`).
 *
 * The file system is used synchronously: nothing else runs at the end of a build, and at 10,000
 * posts (~64,000 files in build/) Node's promise-based calls took 4-5 times as long (a recursive
 * listing 2.6 s against 0.2 s, stat calls 1.1 s against 0.3 s).
 */
export function finishStaticOutput(
  clientDir: string,
  site: Site,
  prerendered: readonly string[],
  variants: readonly PublishedVariant[] = [],
): { published: string[]; files: string[] } {
  if (basePath !== "/") {
    const nested = path.join(clientDir, ...basePath.split("/").filter(Boolean));
    moveInto(nested, clientDir);
    for (let dir = path.dirname(nested); dir !== clientDir; dir = path.dirname(dir)) rmdirSync(dir);
  }
  copyFileSync(path.join(clientDir, ...paths.notFound().split("/"), "index.html"), path.join(clientDir, "404.html"));
  const published = new Set<string>();
  const copy = (source: string, ...target: string[]) => {
    const file = path.join(...target);
    if (published.has(file)) return;
    mkdirSync(path.join(clientDir, path.dirname(file)), { recursive: true });
    publish(source, path.join(clientDir, file));
    published.add(file);
  };
  // A resized copy's file in the cache is never written again (its name is its content's hash): it
  // is linked rather than copied, ~3 times as fast for the 10,000-post corpus's 21,306 copies.
  const link = (source: string, ...target: string[]) => {
    const file = path.join(...target);
    if (published.has(file)) return;
    const to = path.join(clientDir, file);
    if (statSync(to, { throwIfNoEntry: false })?.ino !== statSync(source).ino) {
      mkdirSync(path.dirname(to), { recursive: true });
      rmSync(to, { force: true });
      try {
        linkSync(source, to);
      } catch {
        // Another file system, or one without links.
        copyFileSync(source, to);
      }
    }
    published.add(file);
  };
  // An existing blog's static/ folder (`staticFolder`), at the site's root.
  const statics = staticFolder();
  if (statics) {
    for (const entry of readdirSync(statics, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) copy(path.join(entry.parentPath, entry.name), path.relative(statics, path.join(entry.parentPath, entry.name)));
    }
  }
  // Each post's source beside its page; a page bundle's images at the bundle's URL, /posts/<slug>/,
  // which its translations (/fr/posts/<slug>/) share.
  for (const [language, list] of [[undefined, site] as const, ...site.languages]) {
    for (const post of list.posts) {
      copy(postPathOnDisk(post.file), ...paths.post(post.slug, language).split("/").filter(Boolean), "index.md");
      for (const file of post.assets) copy(postFileOnDisk(post, file), ...paths.post(post.slug).split("/").filter(Boolean), file);
    }
  }
  // Their resized copies, from the image cache (image-variants.server.ts).
  for (const { file, target } of variants) link(file, ...target.split("/"));
  for (const url of prerendered) {
    if (!url.endsWith("/")) rmSync(`${path.join(clientDir, ...url.split("/"))}.data`, { force: true });
  }
  for (const [language, list] of [[undefined, site] as const, ...site.languages]) {
    for (const post of list.posts) {
      const url = pageUrl(post, language);
      // A post at its own `url` leaves a redirect at /posts/<slug>/ (Post.customUrl).
      for (const alias of post.customUrl ? [...post.aliases, paths.post(post.slug, language)] : post.aliases) {
        const file = alias.endsWith("/") || !path.extname(alias) ? path.join(alias, "index.html") : alias;
        const target = path.join(clientDir, ...file.split("/"));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, withContentSecurityPolicy(aliasPage(absoluteUrl(url), withBase(url))));
      }
    }
  }
  for (const url of prerendered) {
    const page = path.join(clientDir, ...url.split("/"), "index.html");
    // A redirect page kept from the last build has its policy already.
    if (isFirstPageAlias(url) && writtenByThisBuild(page)) writeFileSync(page, withContentSecurityPolicy(readFileSync(page, "utf8")));
  }
  return { published: [...published], files: listFiles(clientDir) };
}

/** Every file in `folder` and its subfolders (~64,000 at 10,000 posts: ~0.2 s). */
function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

/**
 * Copies `source` to `target` unless `target` already has its size and modification time, as
 * rsync decides; the copy is given `source`'s modification time. A post's source and images are ~20,000 files at 10,000 posts: copying them
 * all took ~13 s of every build.
 */
function publish(source: string, target: string): void {
  const from = statSync(source);
  const to = statSync(target, { throwIfNoEntry: false });
  if (to?.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) return;
  copyFileSync(source, target);
  utimesSync(target, from.atime, from.mtime);
}

/** Moves everything in `from` into `to`, merging folders that are in both; removes `from`. */
function moveInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const target = path.join(to, entry.name);
    const existing = statSync(target, { throwIfNoEntry: false });
    if (entry.isDirectory() && existing?.isDirectory()) moveInto(path.join(from, entry.name), target);
    else renameSync(path.join(from, entry.name), target);
  }
  rmdirSync(from);
}

/**
 * Deletes what an earlier build left in `clientDir` and this one neither wrote nor `kept` (paths
 * relative to `clientDir`): the pages of removed posts, old scripts, images no longer published.
 * Then removes the folders that left empty. `files` are the files in `clientDir`, as
 * finishStaticOutput listed them (one listing of the folder less: ~0.2 s at 10,000 posts); any
 * written since then were written by this build. Returns how many files it deleted.
 */
export function removeStaleOutput(clientDir: string, files: readonly string[], kept: Iterable<string>): number {
  const keep = new Set(kept);
  const stale = files.filter((file) => !keep.has(path.relative(clientDir, file)) && !writtenByThisBuild(file));
  for (const file of stale) rmSync(file);
  // The folders the removed files were in, and theirs, deepest first: a folder whose subfolders all
  // went is empty by its turn. Removing a folder that is not empty fails, and it stays.
  const folders = new Set<string>();
  for (const file of stale)
    for (let dir = path.dirname(file); dir.startsWith(clientDir + path.sep); dir = path.dirname(dir)) folders.add(dir);
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: it stays.
    }
  }
  return stale.length;
}

/**
 * A redirect page, as Hugo writes for aliases: the canonical URL, a meta refresh and a link for
 * people. The refresh and the link use the site path, so the redirect also works on a preview host.
 */
export function aliasPage(canonicalUrl: string, sitePath: string): string {
  const canonical = escapeAttribute(canonicalUrl);
  const target = escapeAttribute(encodeURI(sitePath));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${canonical}</title>
<link rel="canonical" href="${canonical}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This page has moved to <a href="${target}">${canonical}</a>.</p>
</body>
</html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
