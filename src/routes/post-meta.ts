import type { ArchiveEntry, PostArticle, PostLink } from "../content/post";
import { pageMeta } from "./page-meta";
import { paths, resolveUrl } from "../paths";

/** A post page's loader data (post-page.server.ts). */
export interface PostPageData {
  post: PostArticle;
  older?: PostLink;
  newer?: PostLink;
  /** Up to five posts like it (content/related-posts.server.ts). */
  related: ArchiveEntry[];
}

/** A post page's title, description, link preview, structured data and translations' alternates. */
export function postPageMeta({ post }: PostPageData) {
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
}
