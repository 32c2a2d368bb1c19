import { readFile } from "node:fs/promises";
import { data } from "react-router";
import { loadSite, postFileOnDisk, postSource } from "../build/site.server";
import { bundleFileType } from "../content/page-bundle";
import type { Route } from "./+types/post-file";

/** Files published beside a post, as Hugo does: its Markdown source and its page bundle's images. */
export async function loader({ params }: Route.LoaderArgs) {
  const post = (await loadSite()).bySlug.get(params.slug);
  if (post && params.file === "index.md") {
    return new Response(postSource(post), { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
  }
  if (!post || !post.assets.includes(params.file)) throw data(null, { status: 404 });
  const bytes = await readFile(postFileOnDisk(post, params.file));
  return new Response(bytes, { headers: { "Content-Type": bundleFileType(params.file)! } });
}
