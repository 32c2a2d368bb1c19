import { data } from "react-router";
import { NotFound } from "../components/not-found";
import { loadSite } from "../build/site.server";
import { postPageData } from "./post-page.server";
import { notFoundMeta } from "./page-meta";
import { Article } from "../components/article";
import { postPageMeta, type PostPageData } from "./post-meta";
import { paths, sitePath } from "../paths";
import type { RouteHandle } from "./route-handle";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/catch-all";

// Every address no other route takes: a post at a URL of its own (Hugo's `url: /2019/05/hello/`),
// the not-found page (paths.notFound()), or a 404. The build copies the not-found page to 404.html,
// which static hosts serve at every unknown address: with no script, it cannot try to hydrate a
// route that address does not have. A post here hydrates as at /posts/<slug>/.
export async function loader({ request }: Route.LoaderArgs) {
  const path = sitePath(request);
  if (path === paths.notFound()) return { notFound: true as const };
  const site = await loadSite();
  const post = site.customUrls.get(path);
  if (!post) throw data(null, { status: 404 });
  return postPageData(site, post);
}

const isPost = (loaderData: unknown): loaderData is PostPageData =>
  typeof loaderData === "object" && loaderData !== null && "post" in loaderData;

export const handle: RouteHandle = { hydrate: isPost };

export const meta: Route.MetaFunction = ({ loaderData }) =>
  isPost(loaderData) ? postPageMeta(loaderData) : notFoundMeta(`There is nothing at this address on ${siteConfig.title}.`);

export default function CatchAll({ loaderData }: Route.ComponentProps) {
  return isPost(loaderData) ? <Article {...loaderData} /> : <NotFound />;
}
