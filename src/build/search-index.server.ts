import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { PagefindIndex } from "pagefind";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { searchPageHtml, recordVocabulary, type SearchRecord } from "../content/search-record.server";
import { urlOf, translationLanguage, type Site } from "../content/site-index.server";
import { siteConfig } from "../site-config";
import { logOnce, seconds } from "./build-log.server";
import { recordStage } from "./build-timings.server";
import { codeVersion } from "./code-version.server";
import { getSite, postArticle, postContentKey } from "./site.server";

/**
 * The search index (Pagefind's, written by its Node API) and the vocabulary for typos, made at build
 * time from the parse cache rather than from the built pages: each post becomes a small HTML page of
 * its title, terms, filters and text (content/search-record.server.ts), kept in
 * `.folio-cache/search/pages/` by its URL, and Pagefind indexes that folder. Each page is written
 * again only when its record changed (its post's parse-cache key, URL, language or this code); the
 * index is kept in `.folio-cache/search/index/<hash of every record>/`, so a build where no post
 * changed indexes nothing, and a build where one did indexes every page again (Pagefind has no
 * incremental index) without reading any other post's article.
 */
const SEARCH_CACHE = path.resolve(".folio-cache", "search");
const PAGES = path.join(SEARCH_CACHE, "pages");
const RECORDS = path.join(SEARCH_CACHE, "records.json");
const INDEXES = path.join(SEARCH_CACHE, "index");
const FULL_INDEX = path.join(SEARCH_CACHE, "full-index.json");
/** Changed pages are indexed apart from the full index while they are at most this share of all (and at least DELTA_MIN). */
const DELTA_SHARE = 0.02;
const DELTA_MIN = 50;

/** Where the index is published, under build/client/ (and so the URL the browser loads it from). */
export const SEARCH_OUTPUT = "pagefind";
/** The vocabulary's file, beside the index: words one a line, most frequent first. */
export const VOCABULARY_FILE = "folio-vocabulary.txt";
/** The file that tells the browser about the delta (SearchIndexState). */
export const STATE_FILE = "folio-search.json";
/** Of Pagefind's files, those the browser's search needs (not its ready-made UIs or playground). */
const PUBLISHED =
  /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|(index|filter|fragment)\/.*|folio-vocabulary\.txt)$/;
/** At most this many words in the vocabulary, names (titles, terms, authors) first, then the text's by how many posts use them. */
const VOCABULARY_LIMIT = 30_000;

interface RecordEntry {
  key: string;
  /** The words it gives the vocabulary (recordVocabulary). */
  names: string[];
  text: string[];
}

/** What the browser needs besides Pagefind's index (`folio-search.json`): whether there is a delta, and which pages of the full index it replaces. */
export interface SearchIndexState {
  /** Whether pages changed since the full index are indexed apart, at /pagefind/delta/ (merged by the browser). */
  delta: boolean;
  /** The full index's pages a later build changed or removed, by Pagefind's id, with their filters (for the counts). */
  superseded: Record<string, Record<string, string[]>>;
}

/** The full index's pages by URL (`full-index.json`). */
interface FullIndex {
  /** Its folder under index/. */
  key: string;
  pages: Record<string, { key: string; id: string; filters: Record<string, string[]> }>;
}

interface DeltaIndex {
  key: string;
  pages: number;
  superseded: SearchIndexState["superseded"];
}

/** What the index build did, for the end of the build and the benchmark. */
export interface SearchIndexResult {
  /** The full index's folder in the cache, whose files are published under build/client/pagefind/. */
  dir: string;
  /** Its files, relative to `dir`. */
  files: string[];
  /** The delta's folder, published under build/client/pagefind/delta/, when posts changed since the full index. */
  deltaDir?: string;
  deltaFiles?: string[];
  state: SearchIndexState;
  vocabulary: string[];
  /** Records written again (their post changed), of all. */
  changed: number;
  records: number;
  /** What Pagefind indexed: every page, the pages changed since the full index, or nothing (the cache had it). */
  indexed: "all" | "delta" | "none";
}

const shared = globalThis as { __folioSearchIndex?: Promise<SearchIndexResult> };

/**
 * Starts the search index for this build's site, once (react-router.config.ts starts it as soon as
 * the build is planned, so Pagefind, a process of its own, indexes while the pages render; the end of
 * the build waits for it).
 */
export function startSearchIndex(): Promise<SearchIndexResult> {
  return (shared.__folioSearchIndex ??= buildSearchIndex(getSite()));
}

async function buildSearchIndex(site: Site): Promise<SearchIndexResult> {
  const started = performance.now();
  const version = codeVersion(["src/build/search-index.server.ts"]);
  const previous = readRecords(version);
  const entries: Record<string, RecordEntry> = {};
  let changed = 0;
  let count = 0;
  for (const post of [...site.posts, ...[...site.languages.values()].flatMap((list) => list.posts)]) {
    const url = urlOf(site, post);
    const language = translationLanguage(site, post) ?? siteConfig.language;
    // Tags and categories as the site names them (terms differing only in case are one term, named
    // as most posts write it): another post can change them, so they are part of the record's key.
    const named = (taxonomy: "tags" | "categories") => post[taxonomy].map((term) => site.taxonomies[taxonomy].get(term.slug)?.term ?? term);
    const terms = { tags: named("tags"), categories: named("categories") };
    const key = createHash("sha256")
      .update(`${version}\0${postContentKey(post)}\0${url}\0${language}\0${JSON.stringify(terms)}`)
      .digest("hex");
    const file = pageFile(url);
    count++;
    const known = previous[url];
    if (known?.key === key && existsSync(file)) {
      entries[url] = known;
      continue;
    }
    const record: SearchRecord = {
      url,
      language,
      post: { ...post, ...terms },
      article: await postArticle(post),
    };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, searchPageHtml(record));
    entries[url] = { key, ...recordVocabulary(record) };
    // Reading articles is synchronous work in the build's thread: let the render workers' messages through.
    if (++changed % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  removeStalePages(entries);
  writeFileSync(RECORDS, JSON.stringify({ version, entries }));

  const { base, delta, indexed } = await indexPages(entries);
  for (const other of readdirSync(INDEXES)) {
    if (other !== base.key && other !== delta?.key) rmSync(path.join(INDEXES, other), { recursive: true, force: true });
  }
  const listFiles = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((file) => file.split(path.sep).join("/"))
      .filter((file) => PUBLISHED.test(file));
  recordStage("Search index: records and Pagefind (beside the rendering)", started);
  logOnce(
    indexed === "all"
      ? `folio: search index of ${count} posts (${changed} changed) made in ${seconds(started)}`
      : indexed === "delta"
        ? `folio: search index of ${count} posts: ${delta!.pages} changed since the full index indexed apart in ${seconds(started)}`
        : `folio: search index of ${count} posts unchanged (from .folio-cache/search/)`,
  );
  return {
    dir: path.join(INDEXES, base.key),
    files: listFiles(path.join(INDEXES, base.key)),
    ...(delta && { deltaDir: path.join(INDEXES, delta.key), deltaFiles: listFiles(path.join(INDEXES, delta.key)) }),
    state: { delta: Boolean(delta), superseded: delta?.superseded ?? {} },
    vocabulary: vocabulary(Object.values(entries)),
    changed,
    records: count,
    indexed,
  };
}

/**
 * The full index of the pages folder, kept while few posts changed since it was made; the pages
 * that changed since are indexed apart (the delta, which the browser merges), and the full index's
 * versions of them are left out of results by their Pagefind ids. Once more than 2 % of the posts
 * (at least 50) changed, or none was made, every page is indexed again.
 */
async function indexPages(
  entries: Record<string, RecordEntry>,
): Promise<{ base: FullIndex; delta?: DeltaIndex; indexed: "all" | "delta" | "none" }> {
  const urls = Object.keys(entries).sort();
  let base = readFullIndex();
  const stale = base ? urls.filter((url) => base!.pages[url]?.key !== entries[url].key) : urls;
  const removed = base ? Object.keys(base.pages).filter((url) => !(url in entries)) : [];
  const superseded = [...stale, ...removed].filter((url) => base?.pages[url]);
  const usable =
    base &&
    existsSync(path.join(INDEXES, base.key, "pagefind-entry.json")) &&
    stale.length + removed.length <= Math.max(DELTA_MIN, DELTA_SHARE * urls.length) &&
    superseded.every((url) => base!.pages[url].id);
  if (!base || !usable) {
    const key = createHash("sha256")
      .update(urls.map((url) => `${url}\0${entries[url].key}`).join("\n"))
      .digest("hex")
      .slice(0, 20);
    const dir = path.join(INDEXES, key);
    await writeIndex(dir, (index) => index.addDirectory({ path: PAGES }));
    base = { key, pages: pagesOfIndex(dir, entries) };
    writeFileSync(FULL_INDEX, JSON.stringify(base));
    return { base, indexed: "all" };
  }
  if (stale.length === 0 && removed.length === 0) return { base, indexed: "none" };
  const key = `delta-${createHash("sha256")
    .update(`${base.key}\n${stale.map((url) => `${url}\0${entries[url].key}`).join("\n")}\n${removed.join("\n")}`)
    .digest("hex")
    .slice(0, 20)}`;
  const dir = path.join(INDEXES, key);
  let indexed: "delta" | "none" = "none";
  if (!existsSync(path.join(dir, "pagefind-entry.json"))) {
    await writeIndex(dir, async (index) => {
      const errors: string[] = [];
      for (const url of stale) errors.push(...(await index.addHTMLFile({ url, content: readFileSync(pageFile(url), "utf8") })).errors);
      return { errors };
    });
    indexed = "delta";
  }
  const full = base;
  return {
    base,
    delta: {
      key,
      pages: stale.length,
      superseded: Object.fromEntries(superseded.map((url) => [full.pages[url].id, full.pages[url].filters])),
    },
    indexed,
  };
}

/**
 * Each page of a written index by its URL: its record's key, and Pagefind's id for it (its
 * fragment's name, which search results carry) with its filters, read from its fragment (gzip:
 * `pagefind_dcd` and JSON). A page whose fragment is not found gets no id (and a change to it
 * makes the next build index every page again).
 */
function pagesOfIndex(dir: string, entries: Record<string, RecordEntry>): FullIndex["pages"] {
  const pages: FullIndex["pages"] = {};
  for (const url of Object.keys(entries)) pages[url] = { key: entries[url].key, id: "", filters: {} };
  const fragments = path.join(dir, "fragment");
  for (const name of existsSync(fragments) ? readdirSync(fragments) : []) {
    const text = gunzipSync(readFileSync(path.join(fragments, name))).toString("utf8");
    const fragment = JSON.parse(text.slice(text.indexOf("{"))) as { url?: string; filters?: Record<string, string[]> };
    const url = fragment.url && decodeURI(fragment.url);
    if (url && pages[url]) pages[url] = { ...pages[url], id: name.replace(/\.pf_fragment$/, ""), filters: fragment.filters ?? {} };
  }
  return pages;
}

function readFullIndex(): FullIndex | undefined {
  try {
    return JSON.parse(readFileSync(FULL_INDEX, "utf8")) as FullIndex;
  } catch {
    return undefined;
  }
}

/** A Pagefind index of what `add` adds, written to `dir` (whole or not at all). */
async function writeIndex(dir: string, add: (index: PagefindIndex) => Promise<{ errors: string[] }>): Promise<void> {
  const pagefind = await import("pagefind");
  const temporary = `${dir}.partial`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`folio: Pagefind could not start: ${errors.join("; ")}`);
    const added = await add(index);
    if (added.errors.length > 0) throw new Error(`folio: Pagefind could not index the search pages: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: temporary });
    if (written.errors.length > 0) throw new Error(`folio: Pagefind could not write the search index: ${written.errors.join("; ")}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(temporary, dir);
  } finally {
    await pagefind.close();
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * The words a typo may be corrected to: titles', terms' and authors' words (by how many posts use
 * them), then the text's words that posts use twice or more, by how many posts do; folded
 * (content/search-words.ts).
 */
export function vocabulary(entries: readonly Pick<RecordEntry, "names" | "text">[]): string[] {
  const names = new Map<string, number>();
  const text = new Map<string, number>();
  for (const entry of entries) {
    for (const word of entry.names) names.set(word, (names.get(word) ?? 0) + 1);
    for (const word of entry.text) text.set(word, (text.get(word) ?? 0) + 1);
  }
  const byUse = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const words = [...byUse(names), ...byUse(text).filter((word) => !names.has(word))];
  return words.slice(0, VOCABULARY_LIMIT);
}

/** A record's page in the pages folder: `/posts/x/` is `pages/posts/x/index.html` (Pagefind makes the URL from the path). */
function pageFile(url: string): string {
  return path.join(PAGES, ...decodeURI(url).split("/").filter(Boolean), "index.html");
}

function readRecords(version: string): Record<string, RecordEntry> {
  try {
    const stored = JSON.parse(readFileSync(RECORDS, "utf8")) as { version: string; entries: Record<string, RecordEntry> };
    if (stored.version === version) return stored.entries;
  } catch {
    // None yet, or unreadable: every record is written again.
  }
  rmSync(PAGES, { recursive: true, force: true });
  mkdirSync(INDEXES, { recursive: true });
  return {};
}

/** Pages of posts no longer in the site (deleted, or moved to another URL). */
function removeStalePages(entries: Record<string, RecordEntry>): void {
  mkdirSync(PAGES, { recursive: true });
  mkdirSync(INDEXES, { recursive: true });
  const wanted = new Set(Object.keys(entries).map(pageFile));
  for (const file of readdirSync(PAGES, { recursive: true, encoding: "utf8" })) {
    const full = path.join(PAGES, file);
    if (file.endsWith("index.html") && !wanted.has(full) && statSync(full).isFile()) rmSync(full);
  }
}

/**
 * Publishes the index at build/client/pagefind/: the full index's files and the delta's
 * (`delta/`), linked from the cache (their folders are named by their records and never written
 * again; copied where links cannot be made), and the vocabulary and the state, written. Returns
 * their paths under build/client/, which the end of the build keeps.
 */
export function publishSearchIndex(
  clientDir: string,
  { dir, files, deltaDir, deltaFiles = [], state, vocabulary }: SearchIndexResult,
): string[] {
  const link = (from: string, file: string, to: string) => {
    const relative = path.join(SEARCH_OUTPUT, to, file);
    const source = path.join(from, file);
    const target = path.join(clientDir, relative);
    if (statSync(target, { throwIfNoEntry: false })?.ino !== statSync(source).ino) {
      mkdirSync(path.dirname(target), { recursive: true });
      rmSync(target, { force: true });
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
    return relative;
  };
  const write = (file: string, content: string) => {
    const relative = path.join(SEARCH_OUTPUT, file);
    const target = path.join(clientDir, relative);
    rmSync(target, { force: true });
    writeFileSync(target, content);
    return relative;
  };
  return [
    ...files.map((file) => link(dir, file, "")),
    ...(deltaDir
      ? deltaFiles.filter((file) => !/^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(file)).map((file) => link(deltaDir, file, "delta"))
      : []),
    write(VOCABULARY_FILE, vocabulary.join("\n")),
    write(STATE_FILE, JSON.stringify(state)),
  ];
}
