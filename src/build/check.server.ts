import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { refTarget } from "../content/markdown/post-refs";
import { ContentError, ContentErrors } from "../content/content-error";
import type { ContentNode } from "../content/markdown/content-tree";
import { parsePost, type ContentWarning, type ParsedPost, type PostFile } from "../content/parse-post.server";
import type { Post } from "../content/post";
import { buildSite, type Site } from "../content/site-index.server";
import { TAXONOMIES } from "../content/taxonomy";
import { paths } from "../paths";
import { basePath, siteConfig } from "../site-config";
import { cachedArticle, cachedParse, type IndexedPost } from "./parse-cache.server";
import { listPostsFolder, postPathOnDisk, postsFolder, staticFolder } from "./posts-folder.server";
import { postBundleFiles } from "./site.server";

/** Something `npm run check` found, at a post's line. */
export interface Problem extends ContentWarning {
  severity: "error" | "warning";
}

/**
 * Reads every post as a build would (drafts and scheduled posts too) and reports every problem at
 * once: what would stop a build, the build's warnings, and what a build cannot see: links to posts,
 * files or headings that do not exist, and images missing from their page bundle, public/ or the
 * blog's static folder. Posts are read through the parse cache, so a second check answers fast.
 */
export function checkSite(): Problem[] {
  const listing = listPostsFolder(postsFolder());
  const problems: Problem[] = listing.skipped.map((notice) => ({ ...notice, severity: "warning" }));
  const parsed = new Map<string, IndexedPost>();
  const files: PostFile[] = [];
  for (const relative of listing.files) {
    const file = `posts/${relative}`;
    const postFile: PostFile = { file, source: readFileSync(postPathOnDisk(file), "utf8"), bundleFiles: postBundleFiles(file) };
    try {
      parsed.set(file, cachedParse(postFile, parsePost));
      files.push(postFile);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push({ file: error.file, line: error.line, message: error.detail, severity: "error" });
    }
  }
  let site: Site;
  try {
    site = buildSite(files, { includeDrafts: true, language: siteConfig.language, parse: (file) => parsed.get(file.file)! });
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    for (const each of error.errors) problems.push({ file: each.file, line: each.line, message: each.detail, severity: "error" });
    return sorted(problems);
  }
  problems.push(...site.warnings.map((warning) => ({ ...warning, severity: "warning" as const })));
  const byFile = new Map(files.map((file) => [file.file, file]));
  const articles = new Map<Post, ContentNode[]>();
  const contentOf = (post: Post) => {
    let content = articles.get(post);
    if (!content)
      articles.set(post, (content = cachedArticle(byFile.get(post.file)!, parsePost as (file: PostFile) => ParsedPost).content));
    return content;
  };
  for (const list of [site, ...site.languages.values()]) {
    for (const post of list.posts) problems.push(...checkLinks(post, contentOf, site, byFile.get(post.file)!.source));
  }
  return sorted(problems);
}

/** The links and images of a post that lead nowhere on the site. */
function checkLinks(post: Post, contentOf: (post: Post) => ContentNode[], site: Site, source: string): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const report = (written: string, severity: Problem["severity"], message: string) => {
    const line = lineOf(source, written);
    // The same link written several times is one problem to fix.
    if (reported.has(`${line}:${message}`)) return;
    reported.add(`${line}:${message}`);
    problems.push({ file: post.file, line, message, severity });
  };
  walk(contentOf(post), (tag, props) => {
    const url = tag === "a" ? props.href : tag === "img" ? props.src : undefined;
    // Links to other posts by file (`{{< ref >}}`) were resolved, or reported, when the site was built.
    if (typeof url !== "string" || /^[a-z][a-z\d+.-]*:|^\/\//i.test(url) || refTarget(url) !== undefined) return;
    const [pathPart, anchor] = url.split("#", 2);
    if (pathPart === "") {
      if (anchor && !idsOf(contentOf(post)).has(decodeURIComponent(anchor))) {
        report(`#${anchor}`, "warning", `the link to #${anchor} leads to no heading or anchor of this post`);
      }
      return;
    }
    const sitePath = pathPart.startsWith(basePath) ? `/${pathPart.slice(basePath.length)}` : pathPart;
    // A folder's address without its last slash (`../other-post`, as Hugo posts link) is redirected to it by static hosts.
    const target =
      findTarget(site, decodeURI(sitePath)) ??
      (sitePath.endsWith("/") || path.extname(sitePath) ? undefined : findTarget(site, decodeURI(`${sitePath}/`)));
    const written = lastSegment(sitePath) || sitePath;
    if (target === undefined) {
      if (tag === "img" || path.extname(sitePath)) {
        if (!publicFileExists(sitePath))
          report(
            written,
            "error",
            `${tag === "img" ? "the image" : "the file"} ${sitePath} is in neither the post's folder, public/ nor the static folder`,
          );
      } else report(written, "error", `the link to ${sitePath} leads to no page of the site`);
      return;
    }
    if (target.kind === "missing-file") {
      report(written, "error", `${tag === "img" ? "the image" : "the file"} ${target.file} is not in the folder of ${target.post.file}`);
    } else if (anchor && target.kind === "post" && !idsOf(contentOf(target.post)).has(decodeURIComponent(anchor))) {
      report(`#${anchor}`, "warning", `the link to ${sitePath}#${anchor} leads to no heading or anchor of ${target.post.file}`);
    }
  });
  return problems;
}

type Target = { kind: "post"; post: Post } | { kind: "page" } | { kind: "missing-file"; post: Post; file: string };

/** What a site path leads to: a post (or a file beside it), another page of the site, or nothing. */
function findTarget(site: Site, sitePath: string): Target | undefined {
  const atOwnUrl = site.customUrls.get(sitePath);
  if (atOwnUrl) return { kind: "post", post: atOwnUrl };
  const match = /^\/(?:([^/]+)\/)?posts\/([^/]+)\/(?:([^/]+))?$/.exec(sitePath);
  if (match) {
    const [, language, slug, file] = match;
    const list = language === undefined ? site : site.languages.get(language);
    const post =
      list?.bySlug.get(slug) ?? (file ? [site, ...site.languages.values()].map((each) => each.bySlug.get(slug)).find(Boolean) : undefined);
    if (!post) return undefined;
    if (!file) return { kind: "post", post };
    return file === "index.md" || post.assets.includes(file) ? { kind: "page" } : { kind: "missing-file", post, file };
  }
  if (sitePath === "/" || /^\/page\/\d+\/$/.test(sitePath) || site.languages.has(sitePath.split("/")[1] ?? "")) return { kind: "page" };
  for (const taxonomy of TAXONOMIES) {
    if (sitePath === paths.taxonomy(taxonomy)) return { kind: "page" };
    const term = new RegExp(`^/${taxonomy}/([^/]+)/`).exec(sitePath)?.[1];
    if (term !== undefined && site.taxonomies[taxonomy].has(term)) return { kind: "page" };
  }
  const aliases = [site, ...site.languages.values()].flatMap((list) => list.posts.flatMap((post) => post.aliases));
  return aliases.includes(sitePath) ? { kind: "page" } : undefined;
}

function publicFileExists(sitePath: string): boolean {
  const relative = sitePath.replace(/^\//, "");
  const statics = staticFolder();
  return existsSync(path.resolve("public", relative)) || (statics !== undefined && existsSync(path.join(statics, relative)));
}

/** Every id in an article: its headings', footnotes' and the post's own. */
function idsOf(content: ContentNode[]): Set<string> {
  const ids = new Set<string>();
  walk(content, (_tag, props) => {
    if (typeof props.id === "string") ids.add(props.id.replace(/^user-content-/, "")).add(props.id);
  });
  return ids;
}

function walk(nodes: ContentNode[], visit: (tag: string, props: Record<string, unknown>) => void): void {
  for (const node of nodes) {
    if (typeof node === "string") continue;
    const [tag, props, ...children] = node as [string, Record<string, unknown> | 0, ...ContentNode[]];
    visit(tag, props === 0 ? {} : props);
    walk(children, visit);
  }
}

/** The line of the post's text where `written` first appears (the link as the author wrote it), else 1. */
function lineOf(source: string, written: string): number {
  const at = source.indexOf(written);
  return at === -1 ? 1 : source.slice(0, at).split("\n").length;
}

const lastSegment = (sitePath: string) => sitePath.split("/").filter(Boolean).at(-1) ?? "";

function sorted(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
