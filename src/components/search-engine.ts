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

/** Pagefind started for a language's shards, that language, and how many shards it merged. */
interface Instance {
  pagefind: Pagefind;
  language: string;
  shards: number;
}

/** The synthetic filter (Pagefind's `mergeFilter`) that names each result's shard, so filters alone can list each shard's posts in its own order. */
const SHARD_FILTER = "folio-shard";

const instances = new Map<string, Promise<Instance>>();

/**
 * Pagefind for a language's index, loaded once: the page's own (`<html lang>`), or another's. The
 * build indexes each language in shards (build/search-index.server.ts, which names them in
 * `folio-search.json`); a language's instance is Pagefind's script from its first shard, with the
 * other shards merged in (`mergeIndex`). Each language is an instance of its own (another shard's
 * script is a module of its own), so a Chinese query searches the Chinese posts, segmented as
 * Chinese. Pagefind 1.6 takes the language from `<html lang>` as it starts, and nowhere else
 * (`init`'s language is not used for the first index): the attribute is set to the language for
 * that moment.
 */
function pagefind(language?: string): Promise<Instance> {
  const key = language ?? "";
  let instance = instances.get(key);
  if (!instance) {
    instance = indexState().then(async ({ shards: byLanguage }) => {
      const root = document.documentElement;
      const pageLanguage = root.lang;
      const wanted = (language ?? pageLanguage).toLowerCase();
      const shards = shardsFor(byLanguage, wanted);
      const module = (await import(/* @vite-ignore */ withBase(`/pagefind/${shards[0]}/pagefind.js`))) as Pagefind;
      // Result URLs stay site paths: the router adds the base path.
      await module.options({ baseUrl: "/", excerptLength: 24, mergeFilter: { [SHARD_FILTER]: "0" } });
      root.lang = wanted;
      const started = module.init();
      root.lang = pageLanguage;
      await started;
      await Promise.all(
        shards
          .slice(1)
          .map((shard, i) =>
            module.mergeIndex(withBase(`/pagefind/${shard}/`), { language: wanted, mergeFilter: { [SHARD_FILTER]: String(i + 1) } }),
          ),
      );
      return { pagefind: module, language: wanted, shards: shards.length };
    });
    instance.catch(() => instances.delete(key));
    instances.set(key, instance);
  }
  return instance;
}

/** A language's shards: its own, else its main language's (`en` for `en-gb`), else the site's, else the language with the most. */
function shardsFor(byLanguage: IndexState["shards"], language: string): string[] {
  const largest = Object.values(byLanguage).sort((a, b) => b.length - a.length)[0];
  const shards = byLanguage[language] ?? byLanguage[language.split("-")[0]] ?? byLanguage[siteConfig.language.toLowerCase()] ?? largest;
  if (!shards?.length) throw new Error("folio: the search index has no shards (pagefind/folio-search.json)");
  return shards;
}

/** What the build says besides the index (build/search-index.server.ts's SearchIndexState): each language's shards. */
interface IndexState {
  shards: Record<string, string[]>;
}

let state: Promise<IndexState> | undefined;
function indexState(): Promise<IndexState> {
  // Checked with the host each time: a stale list of shards would search another build's.
  return (state ??= fetch(withBase("/pagefind/folio-search.json"), { cache: "no-cache" }).then(
    (response) => response.json() as Promise<IndexState>,
  ));
}

/** Starts loading search (its script and the index's entry): on a search field's first focus or keystroke. */
export function preloadSearch(): void {
  pagefind().catch(() => {});
}

/** The languages the index holds. */
const indexLanguages = async () => Object.keys((await indexState()).shards);

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
  return withoutShards(await (await pagefind()).pagefind.filters());
}

/** Counts without the synthetic shard filter. */
const withoutShards = (counts: FilterCounts): FilterCounts =>
  Object.fromEntries(Object.entries(counts).filter(([name]) => name !== SHARD_FILTER));

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
  const engines = await instancesFor(query);
  const run = async (term: string | null) => {
    const answers = (await Promise.all(engines.map(({ pagefind: engine }) => engine.search(term, { filters })))).filter(
      (answer): answer is PagefindSearch => answer !== null,
    );
    return {
      results: answers.flatMap((answer) => answer.results).sort((a, b) => b.score - a.score),
      filters: withoutShards(answers[0]?.filters ?? {}),
      allFilters: withoutShards(answers[0]?.totalFilters ?? {}),
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
    : await newest(engines, filters, limit);
  const hits = shown.map(hitOf);
  return { hits, total: found.results.length, filters: found.filters, allFilters: found.allFilters, ...(corrected && { corrected }) };
}

/**
 * The newest `limit` posts the filters let through: Pagefind sorts each shard's results by date, but
 * merges shards by score, so each shard is listed apart (by its synthetic filter), and the first
 * `limit` of each merged by date.
 */
async function newest(engines: readonly Instance[], filters: ReturnType<typeof pagefindFilters>, limit: number): Promise<PagefindData[]> {
  const lists = await Promise.all(
    engines.flatMap(({ pagefind: engine, shards }) =>
      Array.from({ length: shards }, (_, shard) =>
        engine.search(null, { filters: { ...filters, [SHARD_FILTER]: [String(shard)] }, sort: { date: "desc" } }),
      ),
    ),
  );
  const data = await Promise.all(lists.flatMap((list) => (list?.results ?? []).slice(0, limit).map((result) => result.data())));
  return data.sort((a, b) => (b.meta.date ?? "").localeCompare(a.meta.date ?? "")).slice(0, limit);
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
