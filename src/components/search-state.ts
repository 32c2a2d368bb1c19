/**
 * The search page's state as its URL holds it (`/search/?q=protein+folding&tags=ai,ethics&category=Healthcare&year=2024`),
 * so that a shared or reloaded link, and the browser's back and forward, show the same search.
 */
export interface SearchState {
  /** The words searched for; empty lists every post the filters let through. */
  q: string;
  /** Tag names, in the order chosen. */
  tags: string[];
  /** Whether a post needs all the tags (default) or any of them. */
  tagMode: "all" | "any";
  category?: string;
  year?: string;
  author?: string;
}

/** The state of no search. */
export const EMPTY_SEARCH: SearchState = { q: "", tags: [], tagMode: "all" };

/** Reads a search's state from a URL's query (`?q=…&tags=a,b&match=any&category=…&year=…&author=…`); what is missing or unknown is left out. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const single = (name: string) => params.get(name)?.trim() || undefined;
  const tags = [
    ...new Set(
      (params.get("tags") ?? "")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  const year = single("year");
  return {
    q: (params.get("q") ?? "").trim(),
    tags,
    tagMode: params.get("match") === "any" && tags.length > 1 ? "any" : "all",
    ...(single("category") && { category: single("category") }),
    ...(year && /^\d{4}$/.test(year) && { year }),
    ...(single("author") && { author: single("author") }),
  };
}

/** A search's state as a URL query, in a fixed order, without empty parts: `?q=cancer&tags=ai,ethics`; empty for no search. */
export function searchQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.tags.length > 0) params.set("tags", state.tags.join(","));
  if (state.tagMode === "any" && state.tags.length > 1) params.set("match", "any");
  if (state.category) params.set("category", state.category);
  if (state.year) params.set("year", state.year);
  if (state.author) params.set("author", state.author);
  // Commas between tags read better as written (`tags=ai,ethics`); URLSearchParams reads them either way.
  const query = params.toString().replace(/%2C/g, ",");
  return query ? `?${query}` : "";
}

/** Whether the state asks for anything: words or a filter. */
export function isSearching(state: SearchState): boolean {
  return state.q.trim() !== "" || state.tags.length > 0 || !!state.category || !!state.year || !!state.author;
}

/** Pagefind's `filters` option for a state: each filter must match, tags all of them or any. */
export function pagefindFilters(state: SearchState): Record<string, string[] | { any: string[] }> {
  const filters: Record<string, string[] | { any: string[] }> = {};
  if (state.tags.length > 0) filters.tags = state.tagMode === "any" ? { any: state.tags } : state.tags;
  if (state.category) filters.category = [state.category];
  if (state.year) filters.year = [state.year];
  if (state.author) filters.author = [state.author];
  return filters;
}
