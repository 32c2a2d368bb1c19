import { data, redirect } from "react-router";
import { postsIn } from "../content/site-index.server";
import { loadSite, siteProblems } from "../build/site.server";
import { postPageData } from "./post-page.server";
import { notFoundMeta } from "./page-meta";
import { Article } from "../components/article";
import { postPageMeta } from "./post-meta";
import { siteConfig } from "../site-config";
import { paths } from "../paths";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/post";

// A post (`/posts/<slug>/`), or its translation into another language (`/fr/posts/<slug>/`). A post
// with a `url` of its own is there instead (catch-all.tsx), and this address redirects to it.
export async function loader({ params }: Route.LoaderArgs) {
  const site = await loadSite();
  const post = postsIn(site, params.lang)?.bySlug.get(params.slug);
  if (!post) {
    // On the dev server, a post left out for a problem shows it here, where the post would be.
    const brokenPost = siteProblems().find((problem) => problem.url === paths.post(params.slug, params.lang));
    throw brokenPost ? data({ brokenPost }, { status: 500 }) : data(null, { status: 404 });
  }
  if (post.customUrl) throw redirect(post.customUrl);
  return postPageData(site, post);
}

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? postPageMeta(loaderData) : notFoundMeta(siteConfig.description));

export default function PostRoute({ loaderData }: Route.ComponentProps) {
  return <Article {...loaderData} />;
}
