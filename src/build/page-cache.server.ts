import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createStaticHandler, type RouteObject } from "react-router";
import routeConfig from "../routes";
import { codeVersion } from "./code-version.server";
import { logOnce, seconds, startProgress } from "./build-log.server";
import { recordStage } from "./build-timings.server";
import { writtenByThisBuild } from "./build-started.server";
import { forFingerprint } from "./site.server";

/**
 * Incremental builds: a page is rendered again only when what it shows may have changed, or when
 * its files in build/ are no longer the ones the last build left there.
 *
 * Every page's fingerprint is a hash of the code (code-version.server.ts: sources, configuration,
 * dependencies) and of what its route's loader returns for it: the data React Router would render
 * it from, obtained by calling the same loader (with a post's article given as its key in the parse
 * cache: `forFingerprint` in site.server.ts). build/ is kept from one build to the next
 * (vite.config.ts: `build.emptyOutDir: false`), and the manifest records each page's fingerprint
 * and the size and modification time of its files. A page whose fingerprint is unchanged and whose
 * files are as recorded stays where it is; any other is rendered. So editing a post renders that
 * post's page, the list pages and feeds that show it, and its neighbours (whose previous/next links
 * carry its title); a change of code or dependency renders everything; a page deleted or edited in
 * build/ is rendered again; and with build/ deleted, every page is. What this build neither wrote
 * nor kept is then deleted (`removeStaleOutput` in static-output.server.ts).
 * React Router needs one rendered page of each route, so the first page of every route is always rendered.
 */
const MANIFEST = path.resolve(".folio-cache", "pages.json");
/** Where the build leaves the pages, as React Router's default `buildDirectory`. */
export const CLIENT_DIR = path.resolve("build", "client");
/** Where Folio kept a copy of every page until it kept them in build/. */
const OLD_CACHE_DIR = path.resolve(".folio-cache", "pages");

/** A file of a page as the build left it: its size and modification time (ms). */
type FileStamp = [size: number, mtimeMs: number];

interface Manifest {
  /** The client assets the kept pages load: a page may be kept only with the same ones. */
  assets: string[];
  /** Each page by URL: its fingerprint and its files (relative to build/client) as the build left them. */
  pages: Record<string, { fingerprint: string; files: Record<string, FileStamp> }>;
}

/** Which pages a build renders and which it keeps (planPages). */
export interface PagePlan {
  /** The last build's manifest, if there is one. */
  previous?: Manifest;
  fingerprints: Map<string, string>;
  render: string[];
  /** The first page of each route, always rendered: React Router checks each route against one of its pages. */
  required: Set<string>;
  reuse: string[];
}

// The plan is made in the build's planning thread (build-plan.server.ts) and used at the end of the
// build, from a different copy of this module: it lives on globalThis.
const shared = globalThis as { __folioPagePlan?: PagePlan };

type Loader = (args: { params: Record<string, string | undefined>; request: Request; context: unknown }) => unknown;
const routeModules = import.meta.glob<{ loader?: Loader }>("/src/routes/*.{ts,tsx}");
const routeFiles = new Map(routeConfig.map((route) => [route.id ?? route.file, route.file]));
const routes: RouteObject[] = [
  {
    id: "root",
    path: "/",
    children: routeConfig.map((route) => ({ id: route.id ?? route.file, path: route.path, index: route.index }) as RouteObject),
  },
];
// Matches URLs against the routes (which have no loaders here: the handler runs none). `matchRoutes`
// ranks the routes anew at every call, ~0.36 ms: 6 s of a 10,000-post build; the handler ranks them
// once, and matches in ~0.05 ms.
const matcher = createStaticHandler(routes);

/**
 * Decides which of `urls` to render and which to keep from the last build: `render` lists the ones
 * to render, and `required` those among them React Router must render (the first page of each route).
 */
export async function planPages(urls: readonly string[]): Promise<PagePlan> {
  const started = performance.now();
  const previous = await readManifest();
  const plan: PagePlan = { previous, fingerprints: new Map(), render: [], required: new Set(), reuse: [] };
  const routesSeen = new Set<string>();
  const progress = startProgress("Planning pages", urls.length);
  for (const url of urls) {
    const { routeId, fingerprint } = await pageFingerprint(url);
    progress.advance();
    plan.fingerprints.set(url, fingerprint);
    const firstOfRoute = !routesSeen.has(routeId);
    routesSeen.add(routeId);
    if (firstOfRoute) plan.required.add(url);
    const before = previous?.pages[url];
    if (!firstOfRoute && before?.fingerprint === fingerprint && unchangedOnDisk(before.files)) plan.reuse.push(url);
    else plan.render.push(url);
  }
  progress.end();
  recordStage("Planning: fingerprinting pages", started);
  logOnce(`folio: ${plan.render.length} of ${urls.length} pages to render, the rest unchanged (fingerprinted in ${seconds(started)})`);
  return plan;
}

/** Makes `plan` the one completePages records at the end of this build. */
export function followPlan(plan: PagePlan): void {
  shared.__folioPagePlan = plan;
}

/** Whether a page's files are in build/client as the last build left them. */
function unchangedOnDisk(files: Record<string, FileStamp>): boolean {
  return Object.entries(files).every(([file, [size, mtimeMs]]) => {
    const found = statSync(path.join(CLIENT_DIR, file), { throwIfNoEntry: false });
    return found?.size === size && found.mtimeMs === mtimeMs;
  });
}

/**
 * After React Router rendered the planned pages and finishStaticOutput finished them: records this
 * build's pages for the next one. Returns the files of the pages kept from the last build (relative
 * to `clientDir`), which were not written by this build but belong to it. `appFiles` are the app's
 * files a posts-only build reused (app-cache.server.ts): not written by it either, but its own.
 */
export async function completePages(clientDir: string, appFiles: ReadonlySet<string> = new Set()): Promise<string[]> {
  const plan = shared.__folioPagePlan;
  if (!plan) throw new Error("page cache: this build followed no plan (followPlan)");
  if (path.resolve(clientDir) !== CLIENT_DIR)
    throw new Error(`page cache: pages are kept in ${CLIENT_DIR}, not ${clientDir}: leave React Router's buildDirectory as it is`);
  const { previous } = plan;
  // The scripts and styles of this build: those of earlier ones stay in assets/ until the end of the build.
  // (Its folders are Mermaid's versioned files, which the scripts name: build/mermaid-static.server.ts.)
  const assets: string[] = [];
  for (const entry of (await readdir(path.join(clientDir, "assets"), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join("assets", entry.name);
    if (entry.isFile() && (appFiles.has(file) || writtenByThisBuild(path.join(clientDir, file)))) assets.push(entry.name);
  }
  if (plan.reuse.length > 0 && (!previous || previous.assets.join() !== assets.join())) {
    // Cannot happen when builds are deterministic; never ship pages that load missing scripts.
    await rm(MANIFEST, { force: true });
    throw new Error(
      "The pages kept from the last build load other client assets than this build's: their record has been deleted; run the build again.",
    );
  }
  const pages: Manifest["pages"] = {};
  for (const url of plan.reuse) pages[url] = previous!.pages[url];
  for (const url of plan.render) pages[url] = { fingerprint: plan.fingerprints.get(url)!, files: stampFiles(clientDir, url) };
  await mkdir(path.dirname(MANIFEST), { recursive: true });
  await writeFile(MANIFEST, JSON.stringify({ assets, pages } satisfies Manifest));
  await rm(OLD_CACHE_DIR, { recursive: true, force: true });
  return plan.reuse.flatMap((url) => Object.keys(pages[url].files));
}

/** The files a page is written to: `index.html` and React Router's `_.data` for a page, the file itself for a feed or image. */
function pageFiles(url: string): string[] {
  const parts = url.split("/").filter(Boolean);
  return url.endsWith("/") ? [path.join(...parts, "index.html"), path.join(...parts, "_.data")] : [path.join(...parts)];
}

/** Synchronous, as finishStaticOutput's calls: at 10,000 posts, ~33,000 promise-based `stat` calls took ~4 s. */
function stampFiles(clientDir: string, url: string): Record<string, FileStamp> {
  const files: Record<string, FileStamp> = {};
  for (const file of pageFiles(url)) {
    const found = statSync(path.join(clientDir, file), { throwIfNoEntry: false });
    if (found) files[file] = [found.size, found.mtimeMs];
    // A redirect page has no data file; anything else missing is a page React Router did not write.
    else if (!file.endsWith("_.data")) throw new Error(`page cache: React Router did not write ${file}`);
  }
  return files;
}

const loaders = new Map<string, Promise<Loader | undefined>>();

/**
 * A route's loader, imported once: the config's module runner resolves each dynamic import anew,
 * checking the file system (~0.3 s of 16,443 fingerprints).
 */
function routeLoader(routeId: string): Promise<Loader | undefined> {
  let loader = loaders.get(routeId);
  if (!loader) {
    const file = routeFiles.get(routeId);
    loader = file ? routeModules[`/src/${file}`]().then((module) => module.loader) : Promise.resolve(undefined);
    loaders.set(routeId, loader);
  }
  return loader;
}

async function pageFingerprint(url: string): Promise<{ routeId: string; fingerprint: string }> {
  const request = new Request(new URL(url, "http://localhost"));
  const context = await matcher.query(request);
  const match = context instanceof Response || context.errors ? undefined : context.matches.at(-1);
  const routeId = match?.route.id ?? "none";
  const hash = createHash("sha256").update(codeVersion()).update(`\0${url}\0`);
  const loader = await routeLoader(routeId);
  if (loader && match) hash.update(await loaderOutput(loader, match.params, request));
  return { routeId, fingerprint: hash.digest("hex") };
}

/** What a loader returns or throws for a URL, as bytes: data as JSON, a response as its status, headers and body. */
async function loaderOutput(loader: Loader, params: Record<string, string | undefined>, request: Request): Promise<string | Uint8Array> {
  let result: unknown;
  try {
    result = await forFingerprint(() => loader({ params, request, context: {} }));
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const head = `${result.status}\0${JSON.stringify([...result.headers])}\0`;
    return Buffer.concat([Buffer.from(head), Buffer.from(await result.arrayBuffer())]);
  }
  return JSON.stringify(result, (_key, value) => (value instanceof Map || value instanceof Set ? [...value] : value));
}

async function readManifest(): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(MANIFEST, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}
