import type { ContentWarning } from "../content/parse-post.server";
import { listPostsFolder, postsFolder, readPostSources } from "./posts-folder.server";

let sources: Record<string, string> | undefined;

/**
 * Every post's Markdown by its path, e.g. `{ "posts/hello.md": "---\ntitle: …" }`, sorted by path.
 *
 * In builds and on the dev server this module is replaced: the `folio:posts` Vite plugin
 * (posts-plugin.server.ts) bundles the posts as raw-string modules and serves them here, so the
 * dev server reloads a page's data when its post changes. This body, which reads the posts from
 * disk, is what runs where there are no Vite plugins. A build uses neither: its planning thread
 * reads the posts one at a time (site.server.ts's keyPostsForBuild), and every site after it comes
 * from the parse cache.
 */
export function postSources(): Record<string, string> {
  return (sources ??= readPostSources(postsFolder()));
}

/** The Markdown files under posts/ that are not posts, each with why (posts-folder.server.ts). */
export const skippedPosts: ContentWarning[] = listPostsFolder(postsFolder()).skipped;
