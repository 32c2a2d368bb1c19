import { correctedQuery, hasCjk } from "../content/search-words";
import { withBase } from "../paths";
import { siteConfig } from "../site-config";
import { pagefindFilters, type SearchState } from "./search-state";

/**
 * The browser's side of search: Pagefind's script and index, written by the build to /pagefind/
 * (build/search-index.server.ts), loaded the first time a reader focuses or types in a search field,
 * never before: a page that is not searching downloads nothing for search. Its URL is built at run
 * time, so Vite leaves the import alone (the file is not part of the app's bundle).
 */

/** One post found: what a result shows, and where it leads (the heading whose passage matched, when there is one). */
export interface SearchHit {
  /** Its page's site path, with the heading's `#id` when the match is under one. */
  url: string;
  title: string;
  date?: string;
  /** The matching passage, as Pagefind gives it: text with the words found in `<mark>`. */
  excerpt: string;
  /** The heading the passage is under, when the result opens there. */
  heading?: string;
  tags: string[];
}

/** Values of each filter with how many posts of the results have them (Pagefind's counts). */
export type FilterCounts = Record<string, Record<string, number>>;

/** A search's answer: the first `limit` results, how many there are, the filters' counts, and the corrected query when the words had no match. */
export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  filters: FilterCounts;
  /** All posts' counts for each filter (the filters' values whatever the search). */
  allFilters: FilterCounts;
  /** The query searched instead (`cancer` for `canser`), when the words as typed found nothing or little. */
  corrected?: string;
}

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  anchor?: { id?: string; element?: string };
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(language?: string): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> },
  ): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/** Pagefind started for a language's index (its own module), and that language. */
interface Instance {
  pagefind: Pagefind;
  language: string;
}

const instances = new Map<string, Promise<Instance>>();

/**
 * Pagefind for a language's index, loaded once: the page's own (`<html lang>`), or another's. Each
 * language is an instance of its own (the same script under another query string is a module of its
 * own), so a Chinese query searches the Chinese posts, segmented as Chinese. Pagefind 1.6 takes the
 * language from `<html lang>` as it starts, and nowhere else (`init`'s and `mergeIndex`'s language
 * are not used for the first index): the attribute is set to the language for that moment. Posts
 * changed since the build's full index are in a delta index, merged in (build/search-index.server.ts).
 */
function pagefind(language?: string): Promise<Instance> {
  const key = language ?? "";
  let instance = instances.get(key);
  if (!instance) {
    const url = withBase(`/pagefind/pagefind.js${language ? `?language=${encodeURIComponent(language)}` : ""}`);
    instance = Promise.all([import(/* @vite-ignore */ url) as Promise<Pagefind>, indexState()]).then(async ([module, state]) => {
      // Result URLs stay site paths: the router adds the base path.
      await module.options({ baseUrl: "/", excerptLength: 24 });
      const root = document.documentElement;
      const pageLanguage = root.lang;
      if (language) root.lang = language;
      const started = module.init();
      root.lang = pageLanguage;
      await started;
      if (state.delta) await module.mergeIndex(withBase("/pagefind/delta/"));
      return { pagefind: module, language: (language ?? pageLanguage).toLowerCase() };
    });
    instance.catch(() => instances.delete(key));
    instances.set(key, instance);
  }
  return instance;
}

/** What the build says besides the index (build/search-index.server.ts's SearchIndexState): whether a delta index is merged in, and the full index's pages it replaces. */
interface IndexState {
  delta: boolean;
  superseded: Record<string, Record<string, string[]>>;
}

let state: Promise<IndexState> | undefined;
function indexState(): Promise<IndexState> {
  return (state ??= fetch(withBase("/pagefind/folio-search.json")).then((response) => response.json() as Promise<IndexState>));
}

/** Whether a result is the full index's version of a page a later build changed or removed (its current version, if any, is the delta's). */
const isSuperseded = (id: string, superseded: IndexState["superseded"]) => Object.hasOwn(superseded, id);

/**
 * Filter counts without the superseded pages: those among `results` (for the counts of a search),
 * or all of them of the instance's language (for the counts of all posts).
 */
function withoutSuperseded(counts: FilterCounts, superseded: IndexState["superseded"], ids: Iterable<string>): FilterCounts {
  const adjusted: FilterCounts = Object.fromEntries(Object.entries(counts).map(([name, values]) => [name, { ...values }]));
  for (const id of ids) {
    for (const [name, values] of Object.entries(superseded[id] ?? {})) {
      for (const value of values) if (adjusted[name]?.[value]) adjusted[name][value]--;
    }
  }
  return adjusted;
}

/** Starts loading search (its script and the index's entry): on a search field's first focus or keystroke. */
export function preloadSearch(): void {
  pagefind().catch(() => {});
}

let languages: Promise<string[]> | undefined;
/** The languages the index holds (Pagefind's entry file), loaded only for a query in Chinese, Japanese or Korean. */
function indexLanguages(): Promise<string[]> {
  return (languages ??= fetch(withBase("/pagefind/pagefind-entry.json"))
    .then((response) => response.json() as Promise<{ languages: Record<string, unknown> }>)
    .then((entry) => Object.keys(entry.languages)));
}

const CJK_LANGUAGE = /^(zh|ja|ko)\b/i;

/**
 * The indexes to search for a query: the page's language's; for a query in CJK letters on a page in
 * another language, the CJK languages' the index holds; for one in other letters on a CJK page, the
 * site's own language's.
 */
async function instancesFor(query: string): Promise<Instance[]> {
  const cjkPage = CJK_LANGUAGE.test(document.documentElement.lang);
  if (hasCjk(query) && !cjkPage) {
    const cjk = (await indexLanguages()).filter((language) => CJK_LANGUAGE.test(language));
    if (cjk.length > 0) return Promise.all(cjk.map((language) => pagefind(language)));
  }
  if (query && !hasCjk(query) && cjkPage) return [await pagefind(siteConfig.language)];
  return [await pagefind()];
}

let vocabulary: Promise<string[]> | undefined;
/** The words typos are corrected to (build/search-index.server.ts), fetched the first time a query finds little. */
function loadVocabulary(): Promise<string[]> {
  return (vocabulary ??= fetch(withBase("/pagefind/folio-vocabulary.txt"))
    .then((response) => (response.ok ? response.text() : ""))
    .then((text) => text.split("\n").filter(Boolean)));
}

/** Every filter's values with how many posts have each (for the search page before anything is chosen). */
export async function allFilterCounts(): Promise<FilterCounts> {
  const [{ pagefind: engine, language }, { superseded }] = await Promise.all([pagefind(), indexState()]);
  const ids = Object.keys(superseded).filter((id) => id.startsWith(`${language}_`));
  return withoutSuperseded(await engine.filters(), superseded, ids);
}

/** Fewer results than this for words typed, and the words are checked for typos. */
const FEW = 3;

/**
 * Searches the index for a state's words and filters (an empty query with filters lists the posts
 * the filters let through); when the words find fewer than three posts, the nearest words of the
 * vocabulary are searched too, and their results follow.
 */
export async function search(state: SearchState, limit = 10): Promise<SearchAnswer> {
  const query = state.q.trim();
  const filters = pagefindFilters(state);
  const [engines, { superseded }] = await Promise.all([instancesFor(query), indexState()]);
  const run = async (term: string | null) => {
    // Words are ranked by relevance; filters alone list the newest posts first.
    const options = term === null ? { filters, sort: { date: "desc" as const } } : { filters };
    const answers = (await Promise.all(engines.map(({ pagefind: engine }) => engine.search(term, options)))).filter(
      (answer): answer is PagefindSearch => answer !== null,
    );
    const all = answers.flatMap((answer) => answer.results);
    const gone = all.filter((result) => isSuperseded(result.id, superseded)).map((result) => result.id);
    const language = engines[0].language;
    return {
      results: all.filter((result) => !isSuperseded(result.id, superseded)).sort((a, b) => b.score - a.score),
      // Each index's results in its own order (by date, for filters alone), for merging by date.
      lists: answers.map((answer) => answer.results.filter((result) => !isSuperseded(result.id, superseded))),
      filters: withoutSuperseded(answers[0]?.filters ?? {}, superseded, gone),
      allFilters: withoutSuperseded(
        answers[0]?.totalFilters ?? {},
        superseded,
        Object.keys(superseded).filter((id) => id.startsWith(`${language}_`)),
      ),
    };
  };
  let found = await run(query || null);
  let corrected: string | undefined;
  if (query && found.results.length < FEW) {
    const words = await loadVocabulary();
    corrected = correctedQuery(query, words);
    if (corrected) {
      const more = await run(corrected);
      const seen = new Set(found.results.map((result) => result.id));
      found = { ...more, results: [...found.results, ...more.results.filter((result) => !seen.has(result.id))] };
    }
  }
  const shown = query
    ? await Promise.all(found.results.slice(0, limit).map((result) => result.data()))
    : // Filters alone: each index (the full one, the delta) lists its posts newest first; merged by date,
      // the newest `limit` are among each list's first `limit`.
      (await Promise.all(found.lists.flatMap((list) => list.slice(0, limit).map((result) => result.data()))))
        .sort((a, b) => (b.meta.date ?? "").localeCompare(a.meta.date ?? ""))
        .slice(0, limit);
  const hits = shown.map(hitOf);
  return { hits, total: found.results.length, filters: found.filters, allFilters: found.allFilters, ...(corrected && { corrected }) };
}

/** A result as a hit: the post and its passage with the most matches, opening at its heading when it is under one. */
function hitOf(data: PagefindData): SearchHit {
  const top = [...(data.sub_results ?? [])].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  const best = top?.anchor?.id && top.url.includes("#") ? top : undefined;
  return {
    url: best ? best.url : data.url,
    title: data.meta.title ?? data.url,
    date: data.meta.date,
    excerpt: best ? best.excerpt : data.excerpt,
    ...(best && { heading: best.title }),
    tags: data.filters.tags ?? [],
  };
}

/** Splits Pagefind's excerpt (text with the words found in `<mark>`, entities escaped) into text and marked parts. */
export function excerptParts(excerpt: string): { text: string; marked: boolean }[] {
  const decode = (text: string) =>
    text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, entity: string) =>
      entity === "lt" ? "<" : entity === "gt" ? ">" : entity === "quot" ? '"' : entity === "amp" ? "&" : "'",
    );
  const parts: { text: string; marked: boolean }[] = [];
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((part) => {
    if (!part) return;
    const marked = part.startsWith("<mark>");
    const text = decode(marked ? part.slice(6, -7) : part.replace(/<[^>]*>/g, ""));
    if (text) parts.push({ text, marked });
  });
  return parts;
}
