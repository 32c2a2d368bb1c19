import { data, redirect } from "react-router";
import { PostList } from "../components/post-list";
import { summaryOf } from "../content/build-site.server";
import { paginate } from "../content/pagination";
import { getSite } from "../content/site.server";
import { isTaxonomy, TAXONOMY_LABELS } from "../content/taxonomy";
import { paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "../dev-revalidate";
import type { Route } from "./+types/term";

export function loader({ params }: Route.LoaderArgs) {
  const { taxonomy } = params;
  const page = parsePageParam(params.page);
  const entry = isTaxonomy(taxonomy) ? getSite().taxonomies[taxonomy].get(params.term) : undefined;
  if (!isTaxonomy(taxonomy) || !entry) throw data(null, { status: 404 });
  // Location headers are ASCII: `/tags/数据/` travels as `/tags/%E6%95%B0%E6%8D%AE/`.
  if (params.page === "1") throw redirect(encodeURI(paths.term(taxonomy, entry.term.slug)));
  const list = page && paginate(entry.posts, page, siteConfig.postsPerPage);
  if (!list) throw data(null, { status: 404 });
  return { taxonomy, term: entry.term, total: entry.posts.length, list: { ...list, items: list.items.map(summaryOf) } };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [{ title: `Page not found – ${siteConfig.title}` }];
  const { taxonomy, term, total, list } = loaderData;
  const label = TAXONOMY_LABELS[taxonomy].singular;
  const page = list.page > 1 ? `, page ${list.page}` : "";
  return [
    { title: `${label}: ${term.name}${page} – ${siteConfig.title}` },
    { name: "description", content: `${total} ${total === 1 ? "post" : "posts"} in the ${label.toLowerCase()} “${term.name}” on ${siteConfig.title}.` },
  ];
};

export default function TermPage({ loaderData: { taxonomy, term, total, list } }: Route.ComponentProps) {
  return (
    <section aria-labelledby="term-title">
      <h1 id="term-title" className="list-title">
        {TAXONOMY_LABELS[taxonomy].singular}: {term.name} <span className="count">({total} {total === 1 ? "post" : "posts"})</span>
      </h1>
      <PostList list={list} pageUrl={(page) => paths.term(taxonomy, term.slug, page)} />
    </section>
  );
}
