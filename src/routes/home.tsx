import { data, redirect } from "react-router";
import { PostList } from "../components/post-list";
import { summaryOf } from "../content/build-site.server";
import { paginate } from "../content/pagination";
import { getSite } from "../content/site.server";
import { paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "../dev-revalidate";
import type { Route } from "./+types/home";

export function loader({ params }: Route.LoaderArgs) {
  if (params.page === "1") throw redirect(paths.home());
  const page = parsePageParam(params.page);
  const list = page && paginate(getSite().homePosts, page, siteConfig.postsPerPage);
  if (!list) throw data(null, { status: 404 });
  return { ...list, items: list.items.map(summaryOf) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData && loaderData.page > 1 ? `Page ${loaderData.page} – ${siteConfig.title}` : siteConfig.title },
  { name: "description", content: siteConfig.description },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="list-title">{loaderData.page > 1 ? `Posts, page ${loaderData.page}` : "Latest posts"}</h1>
      <PostList list={loaderData} pageUrl={paths.home} />
    </>
  );
}
