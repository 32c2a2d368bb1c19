import { readFile } from "node:fs/promises";
import { data } from "react-router";
import { loadSite, postFileOnDisk, postSource } from "../build/site.server";
import { bundleFileType } from "../content/page-bundle";
import type { Post } from "../content/post";
import { postsIn, type Site } from "../content/site-index.server";
import type { Route } from "./+types/post-file";

/** Files published beside a post, as Hugo does: its Markdown source and its page bundle's images. */
export async function loader({ params }: Route.LoaderArgs) {
  const site = await loadSite();
  const post = postsIn(site, params.lang)?.bySlug.get(params.slug);
  if (post && params.file === "index.md") {
    return new Response(postSource(post), { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
  }
  // A page bundle's images are at the bundle's URL, `/posts/<slug>/`, which its translations share.
  const bundle = params.lang === undefined ? bundleWith(site, params.slug, params.file) : undefined;
  if (!bundle) throw data(null, { status: 404 });
  const bytes = await readFile(postFileOnDisk(bundle, params.file));
  return new Response(bytes, { headers: { "Content-Type": bundleFileType(params.file)! } });
}

/** The post in any language whose page bundle, at `/posts/<slug>/`, holds `file`. */
function bundleWith(site: Site, slug: string, file: string): Post | undefined {
  return [site, ...site.languages.values()].map((list) => list.bySlug.get(slug)).find((post) => post?.assets.includes(file));
}
