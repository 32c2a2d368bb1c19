import { formatCalendarDate } from "../content/calendar-date";
import type { PostSummary } from "../content/post";
import { TermLinks } from "./term-links";

/** "A, B and C". */
const names = new Intl.ListFormat("en", { type: "conjunction" });

/** A post's byline: date (and "updated" date), author, reading time, categories and tags. */
export function PostMeta({ post }: { post: PostSummary }) {
  return (
    <div className="post-meta">
      <p>
        {post.draft && <span className="badge">Draft</span>}
        {post.unpublished && <span className="badge">{post.unpublished === "scheduled" ? "Scheduled" : "Expired"}</span>}
        <time dateTime={post.date}>{formatCalendarDate(post.date)}</time>
        {post.lastmod && (
          <>
            {" · "}updated <time dateTime={post.lastmod}>{formatCalendarDate(post.lastmod)}</time>
          </>
        )}
        {post.authors.length > 0 && <> · by {names.format(post.authors)}</>}
        {" · "}
        {post.readingMinutes} min read
      </p>
      <div className="post-terms">
        <TermLinks taxonomy="categories" terms={post.categories} />
        <TermLinks taxonomy="tags" terms={post.tags} />
      </div>
    </div>
  );
}
