import { postArticle } from "../build/site.server";
import type { Post } from "../content/post";
import { articleOf, neighbours, relatedOf, translationLanguage, type Site } from "../content/site-index.server";

/**
 * What a post's page shows: its article, its neighbours, its related posts, and its language when it is a translation.
 * The same wherever the post's URL leads: `/posts/<slug>/` (post.tsx), or a URL of its own (Hugo's
 * `url`) that lands on the home route (`/hello/`, home.tsx) or the catch-all (`/2019/05/hello/`, catch-all.tsx).
 * Its meta: post-meta.ts.
 */
export async function postPageData(site: Site, post: Post) {
  const language = translationLanguage(site, post);
  return {
    post: articleOf(post, await postArticle(post), site),
    ...neighbours(site, post),
    related: relatedOf(site, post),
    ...(language && { language }),
  };
}
