import { Link } from "react-router";
import type { PostSummary } from "../content/post";
import { PostMeta } from "./post-meta";

/** A post in a list: title, byline and summary. */
export function PostCard({ post }: { post: PostSummary }) {
  return (
    <article className="post-card" aria-labelledby={`card-${post.slug}`}>
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
    </article>
  );
}
