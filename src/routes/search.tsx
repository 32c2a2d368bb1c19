import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { allFilterCounts, search, type FilterCounts, type SearchAnswer } from "../components/search-engine";
import { SearchHitContent } from "../components/search-hit";
import { EMPTY_SEARCH, isSearching, parseSearchState, searchQuery, type SearchState } from "../components/search-state";
import { pageMeta } from "./page-meta";
import { paths } from "../paths";
import { siteConfig } from "../site-config";

// The search page (`/search/?q=protein+folding&tags=ai,ethics&match=any&category=Healthcare&year=2024&author=…`):
// one prerendered page whose state is its URL's query (components/search-state.ts), searched in the
// browser with the index the build wrote (components/search-engine.ts). A year's posts are at
// `/search/?year=2024` (the archive's year headings link there).

export const meta = () =>
  pageMeta({
    title: "Search",
    description: `Search the posts of ${siteConfig.title} by words, tags, category, year and author.`,
    path: paths.search(),
  });

/** Nothing to subscribe to: `useSyncExternalStore` tells the prerendered page (false) from the browser's (true) without an effect. */
const noChange = () => () => {};

/** Results shown at first, and added by "More results". */
const PAGE = 20;

export default function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const scripted = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  // The page was prerendered without a query: it hydrates as such, then shows the URL's search.
  const state = scripted ? parseSearchState(params) : EMPTY_SEARCH;
  const key = searchQuery(state);
  const [more, setMore] = useState({ key, limit: PAGE });
  const limit = more.key === key ? more.limit : PAGE;
  const [found, setFound] = useState<{ key: string; answer?: SearchAnswer; error?: true }>();
  const [totals, setTotals] = useState<FilterCounts>();
  // What is typed, ahead of the URL, which follows it (trimmed, and a moment later); the URL's words
  // when they changed otherwise (back, forward, a link).
  const [typing, setTyping] = useState<{ text: string; before: string }>();
  const typed = typing && (state.q === typing.before || state.q === typing.text.trim()) ? typing.text : state.q;
  const inputId = useId();

  useEffect(() => {
    let current = true;
    allFilterCounts().then(
      (counts) => current && setTotals(counts),
      () => current && setFound({ key: "", error: true }),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!isSearching(state)) return;
    let current = true;
    search(state, limit).then(
      (answer) => current && setFound({ key, answer }),
      () => current && setFound({ key, error: true }),
    );
    return () => {
      current = false;
    };
    // `key` is the state, written out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, limit]);

  /** Changes the state: typing replaces the history entry (one per search, not per letter); a filter adds one. */
  const update = (change: Partial<SearchState>, { replace = false } = {}) =>
    // The query as searchQuery writes it (`tags=ai,ethics`): setSearchParams would write `%2C`.
    navigate({ search: searchQuery({ ...state, ...change }) }, { replace, preventScrollReset: true });

  const answer = found?.key === key ? found.answer : undefined;
  const searching = isSearching(state);
  const counts = answer?.filters ?? totals ?? {};
  const values = (filter: string) =>
    sortedValues(filter, totals?.[filter] ?? {}, counts[filter] ?? {}, filter === "tags" ? state.tags : []);

  return (
    <section aria-labelledby="list-title" className="search-page">
      <h1 id="list-title" className="list-title">
        Search
      </h1>
      {!scripted && (
        <p className="search-no-script">
          Search runs in your browser, and needs JavaScript, which is off or has not loaded. You can still find posts by their{" "}
          <Link to={paths.taxonomy("tags")}>tags</Link>, <Link to={paths.taxonomy("categories")}>categories</Link> or in the{" "}
          <Link to={paths.archive()}>archive</Link> (every post by year and month).
        </p>
      )}
      <search>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: typed });
          }}
        >
          <label htmlFor={inputId}>Words</label>
          <input
            id={inputId}
            type="search"
            name="q"
            value={typed}
            autoComplete="off"
            onChange={(event) => {
              setTyping({ text: event.target.value, before: state.q });
              update({ q: event.target.value }, { replace: true });
            }}
          />
        </form>
        <div className="search-filters">
          <fieldset>
            <legend>Tags</legend>
            <div className="search-tag-mode" role="radiogroup" aria-label="Posts with">
              {(["all", "any"] as const).map((mode) => (
                <label key={mode}>
                  <input
                    type="radio"
                    name="match"
                    value={mode}
                    checked={state.tagMode === mode}
                    onChange={() => update({ tagMode: mode })}
                  />{" "}
                  {mode === "all" ? "all of them" : "any of them"}
                </label>
              ))}
            </div>
            <ul className="search-tags">
              {values("tags").map(({ value, count }) => (
                <li key={value}>
                  <label>
                    <input
                      type="checkbox"
                      checked={state.tags.includes(value)}
                      onChange={(event) =>
                        update({ tags: event.target.checked ? [...state.tags, value] : state.tags.filter((tag) => tag !== value) })
                      }
                    />{" "}
                    {value} <span className="count">({count})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {(["category", "year", "author"] as const).map((filter) => (
            <FilterSelect
              key={filter}
              label={filter === "category" ? "Category" : filter === "year" ? "Year" : "Author"}
              value={state[filter]}
              options={values(filter)}
              onChange={(value) => update({ [filter]: value })}
            />
          ))}
          {searching && (
            <p>
              <Link to={paths.search()} onClick={() => setTyping(undefined)}>
                Clear the search
              </Link>
            </p>
          )}
        </div>
      </search>
      <p role="status" className="search-status">
        {!scripted ? "" : found?.error ? "Search is not available: the site's search index did not load." : statusText(state, answer)}
      </p>
      {searching && answer && answer.hits.length > 0 && (
        <>
          <ol className="search-results">
            {answer.hits.map((hit) => (
              <li key={hit.url}>
                <Link to={hit.url}>
                  <SearchHitContent hit={hit} />
                </Link>
              </li>
            ))}
          </ol>
          {answer.total > answer.hits.length && (
            <button type="button" className="search-more" onClick={() => setMore({ key, limit: limit + PAGE })}>
              More results
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** A filter of one value (category, year, author) as a labelled select with each value's count. */
function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; count: number }[];
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  const known = options.some((option) => option.value === value);
  return (
    <p className="search-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">Any</option>
        {value && !known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value} ({option.count})
          </option>
        ))}
      </select>
    </p>
  );
}

/** Tags offered as checkboxes: the chosen ones and the most used, up to this many (a large blog has hundreds). */
const TAGS_SHOWN = 40;

/**
 * A filter's values: every value the site has, each with its count among the results; years newest
 * first, the rest by how many posts have them, then by name; tags the most used and the chosen.
 */
function sortedValues(
  filter: string,
  all: Record<string, number>,
  counts: Record<string, number>,
  chosen: readonly string[],
): { value: string; count: number }[] {
  const values = Object.keys(all).map((value) => ({ value, count: counts[value] ?? 0 }));
  if (filter === "year") return values.sort((a, b) => (a.value < b.value ? 1 : -1));
  values.sort((a, b) => (all[b.value] ?? 0) - (all[a.value] ?? 0) || a.value.localeCompare(b.value));
  if (filter !== "tags") return values;
  const shown = values.filter((option, index) => index < TAGS_SHOWN || chosen.includes(option.value));
  // A chosen tag the index does not have (a link to a tag since removed) still shows, with no posts.
  for (const tag of chosen) if (!(tag in all)) shown.push({ value: tag, count: 0 });
  return shown;
}

function statusText(state: SearchState, answer: SearchAnswer | undefined): string {
  if (!isSearching(state)) return "Type words, or choose tags, a category, a year or an author.";
  if (!answer) return "Searching…";
  const count = `${answer.total === 0 ? "No posts" : `${answer.total} ${answer.total === 1 ? "post" : "posts"}`}`;
  const corrected = answer.corrected ? ` Showing results for “${answer.corrected}” too.` : "";
  return `${count} found.${corrected}`;
}
