import { data, Link } from "react-router";
import { getSite } from "../content/site.server";
import { isTaxonomy, TAXONOMY_LABELS } from "../content/taxonomy";
import { paths } from "../paths";
import { siteConfig } from "../site-config";
export { shouldRevalidate } from "../dev-revalidate";
import type { Route } from "./+types/taxonomy";

export function loader({ params }: Route.LoaderArgs) {
  const { taxonomy } = params;
  if (!isTaxonomy(taxonomy)) throw data(null, { status: 404 });
  const terms = [...getSite().taxonomies[taxonomy].values()].map(({ term, posts }) => ({ ...term, count: posts.length }));
  return { taxonomy, terms };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { title: `${TAXONOMY_LABELS[loaderData.taxonomy].plural} – ${siteConfig.title}` },
        { name: "description", content: `All ${loaderData.terms.length} ${loaderData.taxonomy} of ${siteConfig.title}, with their post counts.` },
      ]
    : [{ title: `Page not found – ${siteConfig.title}` }];

export default function TaxonomyPage({ loaderData: { taxonomy, terms } }: Route.ComponentProps) {
  return (
    <section aria-labelledby="taxonomy-title">
      <h1 id="taxonomy-title" className="list-title">
        {TAXONOMY_LABELS[taxonomy].plural}
      </h1>
      <ul className="term-cloud">
        {terms.map((term) => (
          <li key={term.slug}>
            <Link to={paths.term(taxonomy, term.slug)}>
              {term.name} <span className="count">({term.count} {term.count === 1 ? "post" : "posts"})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
