import { lazy, Suspense } from "react";
import { data, redirect } from "react-router";
import { PostList } from "../components/post-list";
import { postsIn, summaryOf } from "../content/site-index.server";
import { paginate } from "../content/pagination";
import { loadSite } from "../build/site.server";
import { notFoundMeta, pageMeta } from "./page-meta";
import { postPageData } from "./post-page.server";
import { postPageMeta } from "./post-meta";
import { absoluteUrl, paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/home";

// The article's code loads only for a post shown here, not with every home page (~3 KB gzip).
const Article = lazy(() => import("../components/article").then(({ Article }) => ({ default: Article })));

// The site's home list (`/`, `/page/2/`), and a language's (`/fr/`, `/fr/page/2/`). A post whose
// own `url` is one folder (`url: /hello/`, as WordPress addresses) lands here too, and is shown.
export async function loader({ params }: Route.LoaderArgs) {
  const { lang } = params;
  if (params.page === "1") throw redirect(paths.home(1, lang));
  const page = parsePageParam(params.page);
  const site = await loadSite();
  const atOwnUrl = lang !== undefined && params.page === undefined && site.customUrls.get(`/${lang}/`);
  if (atOwnUrl) return postPageData(site, atOwnUrl);
  const posts = postsIn(site, lang);
  const list = page && posts && paginate(posts.homePosts, page, siteConfig.postsPerPage);
  if (!list) throw data(null, { status: 404 });
  return { ...list, items: list.items.map((post) => summaryOf(post, site)), ...(lang && { language: lang }) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return notFoundMeta(siteConfig.description);
  if ("post" in loaderData) return postPageMeta(loaderData);
  const { page, items } = loaderData;
  const language = "language" in loaderData ? loaderData.language : undefined;
  return pageMeta({
    title: page > 1 ? `Page ${page}` : undefined,
    description: siteConfig.description,
    path: paths.home(page, language),
    // A language's home lists and links its own feeds.
    ...(language && { feedsOf: { title: `${siteConfig.title} (${language})`, listPath: paths.home(1, language) } }),
    jsonLd: {
      "@type": "Blog",
      blogPost: items.map((post) => ({
        "@type": "BlogPosting",
        headline: post.title,
        url: absoluteUrl(post.url),
        datePublished: post.date,
      })),
    },
  });
};

export default function Home({ loaderData }: Route.ComponentProps) {
  if ("post" in loaderData)
    return (
      <Suspense>
        <Article {...loaderData} />
      </Suspense>
    );
  return (
    <>
      <h1 className="list-title">{loaderData.page > 1 ? `Posts, page ${loaderData.page}` : "Latest posts"}</h1>
      <PostList list={loaderData} pageUrl={(page) => paths.home(page, "language" in loaderData ? loaderData.language : undefined)} />
    </>
  );
}
