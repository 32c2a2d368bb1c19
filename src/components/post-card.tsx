import { Link } from "react-router";
import type { PostSummary } from "../content/post";
import { PostMeta } from "./post-meta";

/**
 * A post in a list: title, byline and summary, and its image (PostSummary.thumbnail) beside them.
 * `onFirstScreen`: one of the list's first cards (PostList: two, what a phone's first screen shows),
 * whose image loads at once; the others' wait until they come near the screen.
 */
export function PostCard({ post, onFirstScreen = false }: { post: PostSummary; onFirstScreen?: boolean }) {
  const { thumbnail } = post;
  return (
    <article className={thumbnail ? "post-card with-thumbnail" : "post-card"} aria-labelledby={`card-${post.slug}`}>
      <h2 id={`card-${post.slug}`}>
        <Link to={post.url}>{post.title}</Link>
      </h2>
      <PostMeta post={post} />
      <p className="summary">{post.summary}</p>
      {/* The title in the link's text (not an aria-label): screen readers and search engines get a
          descriptive link, and its accessible name still starts with the visible words. */}
      <Link to={post.url} className="read-more">
        Read more <span className="visually-hidden">of “{post.title}”</span>
      </Link>
      {thumbnail && (
        // Decorative beside the title, which says what the post is: no text for screen readers.
        <img
          className="post-thumbnail"
          src={thumbnail.src}
          alt=""
          width={thumbnail.width}
          height={thumbnail.height}
          srcSet={thumbnail.srcSet}
          // As wide as the card on a phone, 10rem beside the text otherwise (app.css, .post-thumbnail).
          sizes={thumbnail.srcSet && "(max-width: 36rem) 100vw, 10rem"}
          loading={onFirstScreen ? "eager" : "lazy"}
          decoding="async"
        />
      )}
    </article>
  );
}
