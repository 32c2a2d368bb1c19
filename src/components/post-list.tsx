import type { Page } from "../content/pagination";
import type { PostSummary } from "../content/post";
import { Pagination } from "./pagination";
import { PostCard } from "./post-card";

/** A page of post cards with links to the list's other pages. */
export function PostList({ list, pageUrl }: { list: Page<PostSummary>; pageUrl: (page: number) => string }) {
  return (
    <>
      <div className="post-list">
        {list.items.map((post, index) => (
          <PostCard key={post.slug} post={post} onFirstScreen={index < 2} />
        ))}
      </div>
      <Pagination page={list.page} totalPages={list.totalPages} pageUrl={pageUrl} />
    </>
  );
}
