import path from "node:path/posix";
import { ContentError } from "./content-error";
import type { ContentWarning } from "./parse-post.server";
import { withBase } from "../paths";
import type { RefLink, RefLinks } from "./markdown/post-refs";
import type { Post } from "./post";

/**
 * Resolves the links posts make to other posts by file (Post.refs: Hugo's `ref` and `relref`,
 * Jekyll's `post_url`), as Hugo and Jekyll find them: a target is a post's file with or without its
 * extension or its bundle's `index.md` (`other.md`, `other`, `other/index.md`), from this post's
 * folder when it starts with `.`, else from the posts folder (`/posts/other`, `posts/other.md` and
 * Hugo's `content/posts/other.md` too), else by its name alone when one post has it (Jekyll's
 * `2010-07-21-name`). Of a post's translations, the one in the linking post's language is chosen.
 *
 * Gives each post's links, target as written to URL (with its `#anchor`) and title, and pushes a ContentError
 * for each target that is no post of the site, naming both; a target outside the posts folder (a Hugo
 * site's `about/index.md`) is a warning, and the link goes where Hugo publishes that page.
 */
export function resolveRefLinks(
  posts: readonly Post[],
  urlOf: (post: Post) => string,
  languageOf: (post: Post) => string,
  errors: ContentError[],
  warnings: ContentWarning[],
): Map<Post, RefLinks> {
  const links = new Map<Post, RefLinks>();
  const linking = posts.filter((post) => post.refs);
  if (linking.length === 0) return links;

  const byStem = new Map<string, Post[]>();
  const byName = new Map<string, Post[]>();
  for (const post of posts) {
    const stem = stemOf(post.file);
    push(byStem, stem, post);
    push(byName, path.basename(stem), post);
  }

  for (const post of linking) {
    const resolved: Record<string, RefLink> = {};
    for (const { target, line } of post.refs ?? []) {
      const [written, anchor] = target.split("#", 2) as [string, string | undefined];
      const found =
        written === ""
          ? [post]
          : (candidates(written, post.file)
              .map((stem) => byStem.get(stem))
              .find(Boolean) ?? (isBareName(written) ? unique(byName.get(path.basename(stemOf(written)))) : undefined));
      const chosen = found && (found.find((each) => languageOf(each) === languageOf(post)) ?? found[0]);
      const section = chosen ? undefined : sectionOf(written, post.file, byStem);
      const elsewhere = chosen || section ? undefined : outsidePosts(written, post.file);
      if (section !== undefined || elsewhere !== undefined) {
        // A section of a Hugo site (`/ecosystem`, a folder of posts), or a page outside its posts
        // (`about/index.md`): Folio publishes neither; Hugo publishes them at /ecosystem/ and /about/.
        const url = (section ?? elsewhere)!;
        resolved[target] = { url: withBase(url) + (anchor ? `#${anchor}` : ""), title: url };
        warnings.push({
          file: post.file,
          line,
          message: section
            ? `the link to "${target}" leads to a section (a folder of posts), whose own page Folio does not publish: it points to ${url}, where Hugo would`
            : `the link to "${target}" leads to a page outside the posts folder, which Folio does not publish: it points to ${url}, where Hugo would`,
        });
        continue;
      }
      if (!chosen) {
        errors.push(
          new ContentError(
            post.file,
            line,
            `the link to "${target}" leads to no post: name a post's file, from the posts folder (posts/other.md) or from this post's folder (../other/index.md), or its file name alone`,
          ),
        );
        continue;
      }
      resolved[target] = { url: urlOf(chosen) + (anchor ? `#${anchor}` : ""), title: chosen.title };
    }
    links.set(post, resolved);
  }
  return links;
}

/**
 * Whether a target names a post by its file name alone (`2010-07-21-name`, `/theme-documentation-basics`,
 * `/posts/name`), which may be anywhere in the posts folder; a path with other folders names one place only.
 */
function isBareName(written: string): boolean {
  return !fromContent(stemOf(written))
    .replace(/^posts\//, "")
    .includes("/");
}

/** A path written from a Hugo site's content folder (`/about`, `content/about`) as a path in it (`about`). */
function fromContent(written: string): string {
  return written.replace(/^\/+/, "").replace(/^content\//, "");
}

/** A post file's path without its extension, language and bundle file: `posts/trip/index.fr.md` → `posts/trip`. */
function stemOf(file: string): string {
  return file
    .replace(/\.(md|markdown|mdown)$/i, "")
    .replace(/\.[a-z]{2}(?:-[a-z]+)?$/i, "")
    .replace(/\/index$/, "")
    .replace(/\/$/, "");
}

/**
 * For a target in a Hugo site's content but outside its posts folder (`about/index.en.md`, or
 * `../../about/` climbing out of it), the URL Hugo gives that page (`/about/`); else undefined.
 */
function outsidePosts(written: string, from: string): string | undefined {
  const stem = stemOf(written);
  const relative = stem.startsWith(".");
  const rooted = relative ? path.normalize(path.join(path.dirname(from), stem)) : fromContent(stem);
  // A bare name (`gone.md`) or a path in the posts folder is a post that is missing.
  const inFolder = relative || fromContent(written).includes("/");
  if (!inFolder || rooted === "posts" || rooted.startsWith("posts/")) return undefined;
  const page = rooted.replace(/^(\.\.\/)+/, "");
  return page === "" || page === "." ? undefined : `/${page}/`;
}

/**
 * For a target that names a folder of posts (`{{< relref "/ecosystem" >}}`: a Hugo section, whose
 * own page is its `_index.md`), the URL Hugo gives the section's page (`/ecosystem/`); else undefined.
 */
function sectionOf(written: string, from: string, byStem: ReadonlyMap<string, Post[]>): string | undefined {
  if (/\.(md|markdown|mdown)$/i.test(written)) return undefined;
  const folders = candidates(written, from).map((stem) => `${stem}/`);
  if (![...byStem.keys()].some((stem) => folders.some((folder) => stem.startsWith(folder)))) return undefined;
  // A path from the content folder (`/ecosystem`) is the section's URL as written; one from this post's
  // folder (`../guides`) is in the posts folder, which a Hugo site has at content/posts.
  const stem = stemOf(written);
  return stem.startsWith(".") ? `/${folders[0]}` : `/${fromContent(stem)}/`;
}

/** Where a target may be, most likely first. */
function candidates(written: string, from: string): string[] {
  const stem = stemOf(written);
  if (stem.startsWith("."))
    return [path.normalize(path.join(path.dirname(from), stem)), path.normalize(path.join(path.dirname(path.dirname(from)), stem))];
  const rooted = fromContent(stem);
  return [rooted.startsWith("posts/") ? rooted : `posts/${rooted}`, path.normalize(path.join(path.dirname(from), rooted))];
}

function unique(posts: Post[] | undefined): Post[] | undefined {
  return posts && new Set(posts.map((post) => stemOf(post.file))).size === 1 ? posts : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
