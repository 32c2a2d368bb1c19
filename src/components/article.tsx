import { Link, useHref } from "react-router";
import type { PostArticle, PostLink } from "../content/post";
import { absoluteUrl, paths, resolveUrl } from "../paths";
import { ArticleBody } from "./article-body";
import { ShareButtons } from "./share-buttons";
import { PostMeta } from "./post-meta";
import { TableOfContents } from "./table-of-contents";

/** A full post: header, featured image, table of contents, body and the links after it. */
export function Article({ post, older, newer }: { post: PostArticle; older?: PostLink; newer?: PostLink }) {
  const showToc = post.toc && post.headings.length > 0;
  // The post's URL under the base path: relative images and the Markdown source resolve against it.
  const postUrl = useHref(paths.post(post.slug));
  return (
    <div className={showToc ? "post-layout with-toc" : "post-layout"}>
      <article className="post" aria-labelledby="post-title">
        <header>
          <h1 id="post-title">{post.title}</h1>
          <PostMeta post={post} />
        </header>
        {showToc && <TableOfContents headings={post.headings} />}
        <ArticleBody key={post.slug} content={post.content} lightgallery={post.lightgallery}>
          {post.featuredImage && <img className="featured-image" src={resolveUrl(post.featuredImage, postUrl)} alt="" />}
        </ArticleBody>
        <footer className="post-footer">
          <ShareButtons url={absoluteUrl(paths.post(post.slug))} title={post.title} />
          {post.linkToMarkdown && (
            <p>
              <a href={resolveUrl("index.md", postUrl)}>Read the Markdown source</a>
            </p>
          )}
          {/* prefetch="intent": a pointer resting on a link, or focus, fetches that post's data before the click. */}
          <nav className="post-nav" aria-label="More posts">
            {older && (
              <Link to={paths.post(older.slug)} rel="prev" prefetch="intent">
                <span>Previous post</span> {older.title}
              </Link>
            )}
            {newer && (
              <Link to={paths.post(newer.slug)} rel="next" prefetch="intent">
                <span>Next post</span> {newer.title}
              </Link>
            )}
          </nav>
        </footer>
      </article>
    </div>
  );
}
