import { Link } from "react-router";
import type { Term } from "../content/post";
import type { Taxonomy } from "../content/taxonomy";
import { paths } from "../paths";

/** Every tag or category with its post count, each a link to its list. */
export function TermCloud({ taxonomy, terms }: { taxonomy: Taxonomy; terms: readonly (Term & { count: number })[] }) {
  return (
    <ul className="term-cloud">
      {terms.map((term) => (
        <li key={term.slug}>
          <Link to={paths.term(taxonomy, term.slug)}>
            {term.name}{" "}
            <span className="count">
              ({term.count} {term.count === 1 ? "post" : "posts"})
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
