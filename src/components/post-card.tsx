import { Link } from "react-router";
import type { PostSummary } from "../content/post";
import { paths } from "../paths";
import { PostMeta } from "./post-meta";

/** A post in a list: title, byline and summary. */
export function PostCard({ post }: { post: PostSummary }) {
  return (
    <article className="post-card" aria-labelledby={`card-${post.slug}`}>
      <h2 id={`card-${post.slug}`}>
        <Link to={paths.post(post.slug)}>{post.title}</Link>
      </h2>
      <PostMeta post={post} />
      <p className="summary">{post.summary}</p>
      <Link to={paths.post(post.slug)} className="read-more" aria-label={`Read “${post.title}”`}>
        Read more
      </Link>
    </article>
  );
}
