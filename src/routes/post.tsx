import { data } from "react-router";
import { Article } from "../components/article";
import { articleOf, neighbours, postsIn } from "../content/site-index.server";
import { loadSite, postArticle } from "../build/site.server";
import { pageMeta } from "./page-meta";
import { paths, resolveUrl } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/post";

// A post (`/posts/<slug>/`), or its translation into another language (`/fr/posts/<slug>/`).
export async function loader({ params }: Route.LoaderArgs) {
  const site = await loadSite();
  const post = postsIn(site, params.lang)?.bySlug.get(params.slug);
  if (!post) throw data(null, { status: 404 });
  return { post: articleOf(post, postArticle(post), site), ...neighbours(site, post), ...(params.lang && { language: params.lang }) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return pageMeta({ title: "Page not found", description: siteConfig.description, path: paths.notFound(), noindex: true });
  const { post } = loaderData;
  return pageMeta({
    title: post.title,
    description: post.description,
    path: post.url,
    image: post.featuredImage && resolveUrl(post.featuredImage, paths.post(post.slug)),
    alternates: post.translations?.map(({ language, url }) => ({ language, path: url })),
    language: post.language,
    article: {
      published: post.date,
      modified: post.lastmod,
      authors: post.authors,
      section: post.categories[0]?.name,
      tags: post.tags.map((tag) => tag.name),
    },
  });
};

export default function PostPage({ loaderData }: Route.ComponentProps) {
  return <Article post={loaderData.post} older={loaderData.older} newer={loaderData.newer} />;
}
