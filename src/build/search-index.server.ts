import { createHash } from "node:crypto";
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
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { searchPageHtml, recordVocabulary, type SearchRecord } from "../content/search-record.server";
import { urlOf, translationLanguage, type Site } from "../content/site-index.server";
import { siteConfig } from "../site-config";
import { logOnce, seconds } from "./build-log.server";
import { recordStage } from "./build-timings.server";
import { codeVersion } from "./code-version.server";
import { getSite, postArticle, postContentKey } from "./site.server";
import { removeUnused } from "./cache-folder.server";

/**
 * The search index (Pagefind's, written by its Node API) and the vocabulary for typos, made at build
 * time from the parse cache rather than from the built pages: each post becomes a small HTML page of
 * its title, terms, filters and text (content/search-record.server.ts), kept in
 * `.folio-cache/search/pages/` by its URL and written again only when its record changed (its post's
 * parse-cache key, URL, language or this code). Each language's posts are indexed in shards
 * (shardsOf), one Pagefind process after another, each shard kept in
 * `.folio-cache/search/index/<shard>-<hash of its records>/`: a build indexes again only the shards
 * whose records changed, and the browser merges a language's shards (Pagefind's `mergeIndex`).
 */
const SEARCH_CACHE = path.resolve(".folio-cache", "search");
const PAGES = path.join(SEARCH_CACHE, "pages");
const RECORDS = path.join(SEARCH_CACHE, "records.json");
const INDEXES = path.join(SEARCH_CACHE, "index");
/**
 * The most posts a shard holds on average (`FOLIO_SEARCH_SHARD_SIZE` sets it, for tests). Pagefind
 * holds a whole index in memory while it writes it (2,074 MiB for 9,438 posts in one index; 559 MiB
 * for a shard of ~2,360), and each shard the browser merges costs the first query its metadata file
 * (~7 KB plus ~8 bytes a post) and an index chunk more: at 10,000 posts, 4 shards fetched 321 KB
 * where one index fetched 314 KB.
 */
const SHARD_SIZE = Number(process.env.FOLIO_SEARCH_SHARD_SIZE) || 2500;
/** Pages handed to Pagefind at a time (each `addHTMLFile` is a message to its process). */
const ADD_BATCH = 64;

/** Where the index is published, under build/client/ (and so the URL the browser loads it from). */
export const SEARCH_OUTPUT = "pagefind";
/** The vocabulary's file, beside the index: words one a line, most frequent first. */
export const VOCABULARY_FILE = "folio-vocabulary.txt";
/** The file that names each language's shards for the browser (SearchIndexState). */
export const STATE_FILE = "folio-search.json";
/** Of Pagefind's files, those the browser's search needs (not its ready-made UIs or playground). */
const PUBLISHED =
  /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|(index|filter|fragment)\/.*)$/;
/** At most this many words in the vocabulary, names (titles, terms, authors) first, then the text's by how many posts use them. */
const VOCABULARY_LIMIT = 30_000;

interface RecordEntry {
  key: string;
  /** Its page's language (`<html lang>`): each language has shards of its own. */
  language: string;
  /** The words it gives the vocabulary, separated by spaces (recordVocabulary). */
  names: string;
  text: string;
}

/** What the browser needs besides Pagefind's indexes (`folio-search.json`): each language's shards, by their folder under /pagefind/. */
export interface SearchIndexState {
  shards: Record<string, string[]>;
}

/** One shard's index: its published name (`en-0`), its folder in the cache, and its files there. */
export interface SearchShard {
  name: string;
  dir: string;
  files: string[];
}

/** What the index build did, for the end of the build and the benchmark. */
export interface SearchIndexResult {
  shards: SearchShard[];
  state: SearchIndexState;
  vocabulary: string[];
  /** Records written again (their post changed), of all. */
  changed: number;
  records: number;
  /** Shards Pagefind indexed in this build (the others were in the cache). */
  indexed: number;
}

const shared = globalThis as { __folioSearchIndex?: Promise<SearchIndexResult> };

/**
 * Starts the search index for this build's site, once; the end of the build waits for it.
 */
export function startSearchIndex(): Promise<SearchIndexResult> {
  return (shared.__folioSearchIndex ??= buildSearchIndex(getSite()));
}

/**
 * Called just before the pages render: starts the search index and, for a site of more than one
 * shard's worth of posts, waits for it. A small site's index (one Pagefind process of a few hundred
 * MiB at most) is made beside the rendering, at no cost in wall time. A large one is made first,
 * while the build holds little else: beside two render workers, each shard's Pagefind process
 * (~560 MiB) took a 10,000-post build to 1.5-1.7 GiB, where the rendering alone stays under 0.9.
 * A cold 10,000-post build took as long as with Pagefind beside the rendering (325 s, one after the
 * other): the rendering is faster without Pagefind beside it on two cores.
 */
export async function indexBeforeRendering(): Promise<void> {
  const index = startSearchIndex();
  if (searchablePosts(getSite()).length <= SHARD_SIZE) return void index.catch(() => {});
  const waited = performance.now();
  await index;
  recordStage("Search index: the rendering waiting for it", waited);
}

/** Every post the search indexes, translations included. */
const searchablePosts = (site: Site) => [...site.posts, ...[...site.languages.values()].flatMap((list) => list.posts)];

async function buildSearchIndex(site: Site): Promise<SearchIndexResult> {
  const started = performance.now();
  const { keys, changed, words } = await writeRecords(site);
  const planned = [...shardsOf(keys)].map(([name, urls]) => {
    const key = createHash("sha256")
      .update(urls.map((url) => `${url}\0${keys[url].key}`).join("\n"))
      .digest("hex")
      .slice(0, 20);
    const dir = path.join(INDEXES, `${name}-${key}`);
    return { name, urls, dir, cached: existsSync(path.join(dir, "pagefind-entry.json")) };
  });
  if (planned.some((shard) => !shard.cached)) await releaseGarbage();
  const shards: SearchShard[] = [];
  let indexed = 0;
  for (const { name, urls, dir, cached } of planned) {
    if (!cached) {
      // One shard after another, each in a Pagefind process of its own: its memory goes with it.
      await writeIndex(dir, urls);
      indexed++;
    }
    shards.push({ name, dir, files: listFiles(dir) });
  }
  const kept = new Set(shards.map((shard) => path.basename(shard.dir)));
  removeUnused(INDEXES, kept);
  recordStage("Search index: records and Pagefind", started);
  const count = Object.keys(keys).length;
  logOnce(
    indexed > 0
      ? `folio: search index of ${count} posts (${changed} changed): ${indexed} of ${shards.length} shards indexed in ${seconds(started)}`
      : `folio: search index of ${count} posts unchanged (from .folio-cache/search/)`,
  );
  const state: SearchIndexState = { shards: {} };
  for (const { name } of shards) (state.shards[languageOfShard(name)] ??= []).push(name);
  return { shards, state, vocabulary: words, changed, records: count, indexed };
}

/**
 * Writes the search page of each post whose record changed and the records' file, and makes the
 * vocabulary. Returns each post's record key and language by URL, not the records' words, which
 * are not kept while Pagefind runs (at 10,000 posts, ~20 MB).
 */
async function writeRecords(site: Site) {
  const version = codeVersion(["src/build/search-index.server.ts"]);
  const previous = readRecords(version);
  const entries: Record<string, RecordEntry> = {};
  let changed = 0;
  for (const post of searchablePosts(site)) {
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
    entries[url] = { key, language, ...recordVocabulary(record) };
    // Reading articles is synchronous work in the build's thread: let the render workers' messages through.
    if (++changed % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  removeStalePages(entries);
  writeFileSync(RECORDS, JSON.stringify({ version, entries }));
  const keys: Record<string, Pick<RecordEntry, "key" | "language">> = {};
  for (const [url, { key, language }] of Object.entries(entries)) keys[url] = { key, language };
  return { keys, changed, words: vocabulary(Object.values(entries)) };
}

/**
 * The shards of the records, by name (`en-0`, `en-1`, `zh-0`), each with its URLs in order: each
 * language's posts split by a hash of their URL into a power of two of shards, as few as hold at most
 * SHARD_SIZE posts each on average. A post stays in its shard whatever other posts are added, changed
 * or removed (an edit indexes one shard again), until the number of shards doubles or halves.
 */
export function shardsOf(entries: Record<string, Pick<RecordEntry, "language">>, size = SHARD_SIZE): Map<string, string[]> {
  const byLanguage = new Map<string, string[]>();
  for (const url of Object.keys(entries).sort()) {
    const language = entries[url].language.toLowerCase();
    if (!byLanguage.has(language)) byLanguage.set(language, []);
    byLanguage.get(language)!.push(url);
  }
  const shards = new Map<string, string[]>();
  for (const [language, urls] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = 2 ** Math.ceil(Math.log2(Math.max(1, urls.length / size)));
    for (const url of urls) {
      const name = `${language}-${createHash("sha256").update(url).digest().readUInt32BE(0) % count}`;
      if (!shards.has(name)) shards.set(name, []);
      shards.get(name)!.push(url);
    }
  }
  return new Map([...shards].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })));
}

/** A shard's language, from its name (`zh-hant-1` is `zh-hant`'s). */
const languageOfShard = (name: string) => name.slice(0, name.lastIndexOf("-"));

/** A shard's files the browser may need, relative to its folder. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => PUBLISHED.test(file));
}

/**
 * A Pagefind index of the pages of `urls`, written to `dir` (whole or not at all) by a Pagefind
 * process that is closed before this returns. Tried and not kept: Pagefind reading the pages itself
 * from a folder of links to them (`addDirectory`) indexed a shard of 2,360 pages in 3.9-5.7 s
 * instead of 5.6-6.8, but its process peaked at 616-618 MiB instead of 584-585, and a cold
 * 10,000-post build at 1,041 MiB, over the 1 GiB target.
 */
async function writeIndex(dir: string, urls: readonly string[]): Promise<void> {
  const pagefind = await import("pagefind");
  const temporary = `${dir}.partial`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`folio: Pagefind could not start: ${errors.join("; ")}`);
    for (let start = 0; start < urls.length; start += ADD_BATCH) {
      const added = await Promise.all(
        urls.slice(start, start + ADD_BATCH).map((url) => index.addHTMLFile({ url, content: readFileSync(pageFile(url), "utf8") })),
      );
      const failed = added.flatMap((result) => result.errors);
      if (failed.length > 0) throw new Error(`folio: Pagefind could not index the search pages: ${failed.join("; ")}`);
    }
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
 * Collects this thread's garbage and gives V8 a moment to return the freed pages, before Pagefind's
 * processes start. Reading every post's article for the records leaves the build's heap full of
 * garbage that V8, with nothing else to do while Pagefind works, would keep: at 10,000 posts
 * ~60 MB of a 212 MB heap, and the build's process held 404 MiB instead of 444 beside Pagefind (its
 * peak, 996 MiB instead of 1,035). `gc` is V8's own, exposed to a new context only.
 */
async function releaseGarbage(): Promise<void> {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** A record's words (RecordEntry's `names` or `text`). */
const words = (list: string) => (list ? list.split(" ") : []);

/**
 * The words a typo may be corrected to: titles', terms' and authors' words (by how many posts use
 * them), then the text's words that posts use twice or more, by how many posts do; folded
 * (content/search-words.ts).
 */
export function vocabulary(entries: readonly Pick<RecordEntry, "names" | "text">[]): string[] {
  const names = new Map<string, number>();
  const text = new Map<string, number>();
  for (const entry of entries) {
    for (const word of words(entry.names)) names.set(word, (names.get(word) ?? 0) + 1);
    for (const word of words(entry.text)) text.set(word, (text.get(word) ?? 0) + 1);
  }
  const byUse = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  return [...byUse(names), ...byUse(text).filter((word) => !names.has(word))].slice(0, VOCABULARY_LIMIT);
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
 * Publishes the index at build/client/pagefind/: each shard's files under its name (`en-0/`), linked
 * from the cache (its folder is named by its records and never written again; copied where links
 * cannot be made), and the vocabulary and the state, written. Returns their paths under
 * build/client/, which the end of the build keeps.
 */
export function publishSearchIndex(clientDir: string, { shards, state, vocabulary }: SearchIndexResult): string[] {
  const link = (shard: SearchShard, file: string) => {
    const relative = path.join(SEARCH_OUTPUT, shard.name, file);
    const source = path.join(shard.dir, file);
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
    mkdirSync(path.dirname(target), { recursive: true });
    rmSync(target, { force: true });
    writeFileSync(target, content);
    return relative;
  };
  return [
    ...shards.flatMap((shard) => shard.files.map((file) => link(shard, file))),
    write(VOCABULARY_FILE, vocabulary.join("\n")),
    write(STATE_FILE, JSON.stringify(state)),
  ];
}
