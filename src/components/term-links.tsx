import { Link } from "react-router";
import type { Term } from "../content/post";
import { TAXONOMY_LABELS, type Taxonomy } from "../content/taxonomy";
import { paths } from "../paths";

/** A post's tags or categories as links to their lists. */
export function TermLinks({ taxonomy, terms }: { taxonomy: Taxonomy; terms: readonly Term[] }) {
  if (terms.length === 0) return null;
  return (
    <span className={`terms terms-${taxonomy}`}>
      <span className="visually-hidden">{TAXONOMY_LABELS[taxonomy].plural}: </span>
      <ul aria-label={TAXONOMY_LABELS[taxonomy].plural}>
        {terms.map((term) => (
          <li key={term.slug}>
            <Link to={paths.term(taxonomy, term.slug)} rel="tag">
              {taxonomy === "tags" ? `#${term.name}` : term.name}
            </Link>
          </li>
        ))}
      </ul>
    </span>
  );
}
