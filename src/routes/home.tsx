import { data, redirect } from "react-router";
import { PostList } from "../components/post-list";
import { summaryOf } from "../content/site-index.server";
import { paginate } from "../content/pagination";
import { loadSite } from "../build/site.server";
import { pageMeta } from "./page-meta";
import { absoluteUrl, paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/home";

export async function loader({ params }: Route.LoaderArgs) {
  if (params.page === "1") throw redirect(paths.home());
  const page = parsePageParam(params.page);
  const site = await loadSite();
  const list = page && paginate(site.homePosts, page, siteConfig.postsPerPage);
  if (!list) throw data(null, { status: 404 });
  return { ...list, items: list.items.map((post) => summaryOf(post, site)) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return pageMeta({ title: "Page not found", description: siteConfig.description, path: paths.notFound(), noindex: true });
  const { page, items } = loaderData;
  return pageMeta({
    title: page > 1 ? `Page ${page}` : undefined,
    description: siteConfig.description,
    path: paths.home(page),
    jsonLd: {
      "@type": "Blog",
      blogPost: items.map((post) => ({
        "@type": "BlogPosting",
        headline: post.title,
        url: absoluteUrl(paths.post(post.slug)),
        datePublished: post.date,
      })),
    },
  });
};

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="list-title">{loaderData.page > 1 ? `Posts, page ${loaderData.page}` : "Latest posts"}</h1>
      <PostList list={loaderData} pageUrl={paths.home} />
    </>
  );
}
