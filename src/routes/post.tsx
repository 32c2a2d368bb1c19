import { data } from "react-router";
import { Article } from "../components/article";
import { articleOf, neighbours } from "../content/build-site.server";
import { getSite } from "../content/site.server";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "../dev-revalidate";
import type { Route } from "./+types/post";

export function loader({ params }: Route.LoaderArgs) {
  const site = getSite();
  const post = site.bySlug.get(params.slug);
  if (!post) throw data(null, { status: 404 });
  return { post: articleOf(post), ...neighbours(site, post) };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [{ title: `${loaderData.post.title} – ${siteConfig.title}` }, { name: "description", content: loaderData.post.description }]
    : [{ title: `Page not found – ${siteConfig.title}` }];

export default function PostPage({ loaderData }: Route.ComponentProps) {
  return <Article post={loaderData.post} older={loaderData.older} newer={loaderData.newer} />;
}
