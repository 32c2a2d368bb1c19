import { data, redirect } from "react-router";
import { ArchiveList } from "../components/archive-list";
import { Pagination } from "../components/pagination";
import { archiveEntryOf, archivePosts } from "../content/site-index.server";
import { paginate } from "../content/pagination";
import { loadSite } from "../build/site.server";
import { notFoundMeta, pageMeta } from "./page-meta";
import { absoluteUrl, paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/archive";

// The archive (`/posts/`, `/posts/page/2/`): Hugo's section URL, which links from Hugo sites point
// to, showing every post by year and month as LoveIt's archive does.
export async function loader({ params }: Route.LoaderArgs) {
  if (params.page === "1") throw redirect(paths.archive());
  const page = parsePageParam(params.page);
  const site = await loadSite();
  const posts = archivePosts(site);
  const list = page && paginate(posts, page, siteConfig.archivePerPage);
  if (!list) throw data(null, { status: 404 });
  const years = new Set(list.items.map((post) => post.date.slice(0, 4)));
  // Each year's count in the whole archive, for the years this page shows: a page's data stays the same size as the blog grows.
  const yearCounts: Record<string, number> = {};
  for (const post of posts) {
    const year = post.date.slice(0, 4);
    if (years.has(year)) yearCounts[year] = (yearCounts[year] ?? 0) + 1;
  }
  return { ...list, items: list.items.map((post) => archiveEntryOf(post, site)), total: posts.length, yearCounts };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return notFoundMeta(siteConfig.description);
  const { page, total, items } = loaderData;
  return pageMeta({
    title: page > 1 ? `Archive, page ${page}` : "Archive",
    description: `All ${total} ${total === 1 ? "post" : "posts"} of ${siteConfig.title}, by year and month, newest first.`,
    path: paths.archive(page),
    jsonLd: {
      "@type": "CollectionPage",
      isPartOf: { "@type": "Blog", name: siteConfig.title, url: absoluteUrl(paths.home()) },
      hasPart: items.map((post) => ({ "@type": "BlogPosting", headline: post.title, url: absoluteUrl(post.url) })),
    },
  });
};

export default function Archive({ loaderData }: Route.ComponentProps) {
  const { page, totalPages, total, items, yearCounts } = loaderData;
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title" className="list-title">
        {page > 1 ? `Archive, page ${page}` : "Archive"}{" "}
        <span className="count">
          ({total} {total === 1 ? "post" : "posts"})
        </span>
      </h1>
      <ArchiveList entries={items} yearCounts={yearCounts} />
      <Pagination page={page} totalPages={totalPages} pageUrl={paths.archive} />
    </section>
  );
}
