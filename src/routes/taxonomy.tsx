import { data, Link, redirect } from "react-router";
import { PostList } from "../components/post-list";
import { TermCloud } from "../components/term-cloud";
import { EMPTY_SEARCH, searchQuery } from "../components/search-state";
import { summaryOf } from "../content/site-index.server";
import { paginate } from "../content/pagination";
import { loadSite } from "../build/site.server";
import { isTaxonomy, TAXONOMY_LABELS } from "../content/taxonomy";
import { notFoundMeta, pageMeta } from "./page-meta";
import { absoluteUrl, firstSegment, paths, parsePageParam } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "./dev-revalidate";
import type { Route } from "./+types/taxonomy";

// One route for `/tags/`, `/tags/<tag>/` and `/tags/<tag>/page/<n>/` (and the same for categories):
// a static build must prerender at least one URL of every route with a loader, and `/tags/`
// always exists, even on a blog whose posts have no tags yet.
const TERM_PATH = /^(?:([^/]+)(?:\/page\/([^/]+))?)?\/?$/;

export async function loader({ params, request }: Route.LoaderArgs) {
  const taxonomy = firstSegment(request);
  const match = TERM_PATH.exec(params["*"] ?? "");
  if (!isTaxonomy(taxonomy) || !match) throw data(null, { status: 404 });
  const [, termSlug, pageParam] = match;
  const site = await loadSite();
  const index = site.taxonomies[taxonomy];
  if (termSlug === undefined) {
    const terms = [...index.values()].map(({ term, posts }) => ({ ...term, count: posts.length }));
    return { kind: "index" as const, taxonomy, terms };
  }
  const entry = index.get(termSlug);
  if (!entry) throw data(null, { status: 404 });
  // Like Hugo, `page/1/` redirects to the list itself. Location headers are ASCII: `/tags/数据/` travels encoded.
  if (pageParam === "1") throw redirect(encodeURI(paths.term(taxonomy, entry.term.slug)));
  const page = parsePageParam(pageParam);
  const list = page && paginate(entry.posts, page, siteConfig.postsPerPage);
  if (!list) throw data(null, { status: 404 });
  return {
    kind: "term" as const,
    taxonomy,
    term: entry.term,
    total: entry.posts.length,
    list: { ...list, items: list.items.map((post) => summaryOf(post, site)) },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return notFoundMeta(siteConfig.description);
  const labels = TAXONOMY_LABELS[loaderData.taxonomy];
  const blog = { "@type": "Blog", name: siteConfig.title, url: absoluteUrl(paths.home()) };
  if (loaderData.kind === "index") {
    return pageMeta({
      title: labels.plural,
      description: `All ${loaderData.terms.length} ${loaderData.taxonomy} of ${siteConfig.title}, with their post counts.`,
      path: paths.taxonomy(loaderData.taxonomy),
      jsonLd: { "@type": "CollectionPage", isPartOf: blog },
    });
  }
  const { taxonomy, term, total, list } = loaderData;
  const title = `${labels.singular}: ${term.name}`;
  return pageMeta({
    title: list.page > 1 ? `${title}, page ${list.page}` : title,
    description: `${total} ${total === 1 ? "post" : "posts"} in the ${labels.singular.toLowerCase()} “${term.name}” on ${siteConfig.title}.`,
    path: paths.term(taxonomy, term.slug, list.page),
    feedsOf: { title: `${siteConfig.title}: ${title}`, listPath: paths.term(taxonomy, term.slug) },
    jsonLd: {
      "@type": "CollectionPage",
      isPartOf: blog,
      hasPart: list.items.map((post) => ({ "@type": "BlogPosting", headline: post.title, url: absoluteUrl(post.url) })),
    },
  });
};

export default function TaxonomyPage({ loaderData }: Route.ComponentProps) {
  const labels = TAXONOMY_LABELS[loaderData.taxonomy];
  if (loaderData.kind === "index") {
    return (
      <section aria-labelledby="list-title">
        <h1 id="list-title" className="list-title">
          {labels.plural}
        </h1>
        <TermCloud taxonomy={loaderData.taxonomy} terms={loaderData.terms} />
      </section>
    );
  }
  const { taxonomy, term, total, list } = loaderData;
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title" className="list-title">
        {labels.singular}: {term.name}{" "}
        <span className="count">
          ({total} {total === 1 ? "post" : "posts"})
        </span>
      </h1>
      <p className="refine">
        <Link
          to={paths.search(searchQuery({ ...EMPTY_SEARCH, ...(taxonomy === "tags" ? { tags: [term.name] } : { category: term.name }) }))}
        >
          Refine: combine with other tags, a category, a year, an author or words
        </Link>
      </p>
      <PostList list={list} pageUrl={(page) => paths.term(taxonomy, term.slug, page)} />
    </section>
  );
}
