import { readFile } from "node:fs/promises";
import path from "node:path";
import { data } from "react-router";
import { BUNDLE_FILE_TYPES, loadSite, postFileOnDisk, postSource } from "../content/site.server";
import type { Route } from "./+types/post-file";

/** Files published beside a post, as Hugo does: its Markdown source and its page bundle's images. */
export async function loader({ params }: Route.LoaderArgs) {
  const post = (await loadSite()).bySlug.get(params.slug);
  if (post && params.file === "index.md") {
    return new Response(postSource(post), { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
  }
  if (!post || !post.assets.includes(params.file)) throw data(null, { status: 404 });
  const bytes = await readFile(postFileOnDisk(post, params.file));
  return new Response(bytes, { headers: { "Content-Type": BUNDLE_FILE_TYPES[path.extname(params.file).toLowerCase()] } });
}
