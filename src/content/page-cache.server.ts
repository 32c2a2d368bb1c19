import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { matchRoutes, type RouteObject } from "react-router";
import routeConfig from "../routes";
import { codeVersion } from "./code-version.server";
import { inParallel } from "./in-parallel.server";
import { logOnce, seconds } from "./build-log.server";

/**
 * Incremental builds: a page is rendered again only when what it shows may have changed.
 *
 * Every page's fingerprint is a hash of the code (code-version.server.ts: sources, configuration,
 * dependencies) and of what its route's loader returns for it: the data React Router would render
 * it from, obtained by calling the same loader. A page whose fingerprint is the one recorded by the
 * last build is copied from `.folio-cache/pages/` instead of rendered. Editing a post therefore
 * renders that post's page, the list pages and feeds that show it, and its neighbours (whose
 * previous/next links carry its title); a change of code or dependency renders everything.
 * React Router needs one rendered page of each route, so the first page of every route is always rendered.
 */
const CACHE_DIR = path.resolve(".folio-cache", "pages");
const MANIFEST = path.join(CACHE_DIR, "manifest.json");

interface Manifest {
  /** The client assets the cached pages load: a page may be reused only with the same ones. */
  assets: string[];
  /** Fingerprint of each cached page, by URL. */
  pages: Record<string, string>;
}

interface Plan {
  /** The last build's manifest, if there is one. */
  previous?: Manifest;
  fingerprints: Map<string, string>;
  render: string[];
  reuse: string[];
}

// The plan is made when React Router first asks for the URLs (it asks more than once in a build) and
// used at the end of the build, from a different copy of this module: it lives on globalThis.
const shared = globalThis as { __folioPagePlan?: Promise<Plan> };

type Loader = (args: { params: Record<string, string | undefined>; request: Request; context: unknown }) => unknown;
const routeModules = import.meta.glob<{ loader?: Loader }>("/src/routes/*.{ts,tsx}");
const routeFiles = new Map(routeConfig.map((route) => [route.id ?? route.file, route.file]));
const routes: RouteObject[] = [
  { id: "root", path: "/", children: routeConfig.map((route) => ({ id: route.id ?? route.file, path: route.path, index: route.index }) as RouteObject) },
];

/** Decides which of `urls` to render and which to reuse from the last build; returns the ones to render. */
export async function planPages(urls: readonly string[]): Promise<string[]> {
  // The dev server asks for the URLs too, and serves only those listed: all of them, always.
  if (import.meta.env.DEV) return [...urls];
  return (await (shared.__folioPagePlan ??= makePlan(urls))).render;
}

async function makePlan(urls: readonly string[]): Promise<Plan> {
  const started = performance.now();
  const previous = await readManifest();
  const plan: Plan = { previous, fingerprints: new Map(), render: [], reuse: [] };
  const routesSeen = new Set<string>();
  for (const url of urls) {
    const { routeId, fingerprint } = await pageFingerprint(url);
    plan.fingerprints.set(url, fingerprint);
    const firstOfRoute = !routesSeen.has(routeId);
    routesSeen.add(routeId);
    if (!firstOfRoute && previous?.pages[url] === fingerprint) plan.reuse.push(url);
    else plan.render.push(url);
  }
  logOnce(`folio: ${plan.render.length} of ${urls.length} pages to render, the rest unchanged (fingerprinted in ${seconds(started)})`);
  return plan;
}

/**
 * After React Router rendered the planned pages (and finishStaticOutput finished them): copies the
 * reused pages in from the cache, then records this build's pages in the cache for the next one.
 */
export async function completePages(clientDir: string): Promise<void> {
  const plan = await shared.__folioPagePlan;
  if (!plan) throw new Error("page cache: planPages did not run in this build");
  const started = performance.now();
  const { previous } = plan;
  const assets = (await readdir(path.join(clientDir, "assets"))).sort();
  if (plan.reuse.length > 0 && (!previous || previous.assets.join() !== assets.join())) {
    // Cannot happen when builds are deterministic; never ship pages that load missing scripts.
    await rm(CACHE_DIR, { recursive: true, force: true });
    throw new Error("The page cache was made with other client assets than this build's: it has been deleted; run the build again.");
  }
  try {
    await inParallel(plan.reuse, (url) => copyPage(CACHE_DIR, clientDir, url));
  } catch (error) {
    await rm(CACHE_DIR, { recursive: true, force: true });
    throw new Error(`The page cache in ${CACHE_DIR} is missing files (${(error as Error).message}): it has been deleted; run the build again.`);
  }
  await inParallel(plan.render, (url) => copyPage(clientDir, CACHE_DIR, url));
  const gone = Object.keys(previous?.pages ?? {}).filter((url) => !plan.fingerprints.has(url));
  await inParallel(gone.flatMap(pageFiles), (file) => rm(path.join(CACHE_DIR, file), { force: true }));
  const pages = Object.fromEntries(plan.fingerprints);
  await writeFile(MANIFEST, JSON.stringify({ assets, pages } satisfies Manifest));
  logOnce(`folio: ${plan.reuse.length} unchanged pages copied from the cache, ${plan.render.length} stored, in ${seconds(started)}`);
}

/** The files a page is written to: `index.html` and React Router's `_.data` for a page, the file itself for a feed or image. */
function pageFiles(url: string): string[] {
  const parts = url.split("/").filter(Boolean);
  return url.endsWith("/") ? [path.join(...parts, "index.html"), path.join(...parts, "_.data")] : [path.join(...parts)];
}

async function copyPage(fromDir: string, toDir: string, url: string): Promise<void> {
  for (const file of pageFiles(url)) {
    const target = path.join(toDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(fromDir, file), target);
    } catch (error) {
      // A redirect page has no data file; anything else missing means a broken cache: fail the build.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !file.endsWith("_.data")) throw error;
    }
  }
}

async function pageFingerprint(url: string): Promise<{ routeId: string; fingerprint: string }> {
  const match = matchRoutes(routes, url)?.at(-1);
  const routeId = match?.route.id ?? "none";
  const hash = createHash("sha256").update(codeVersion()).update(`\0${url}\0`);
  const file = routeFiles.get(routeId);
  const loader = file ? (await routeModules[`/src/${file}`]()).loader : undefined;
  if (loader && match) hash.update(await loaderOutput(loader, match.params, url));
  return { routeId, fingerprint: hash.digest("hex") };
}

/** What a loader returns or throws for a URL, as bytes: data as JSON, a response as its status, headers and body. */
async function loaderOutput(loader: Loader, params: Record<string, string | undefined>, url: string): Promise<string | Uint8Array> {
  let result: unknown;
  try {
    result = await loader({ params, request: new Request(new URL(url, "http://localhost")), context: {} });
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
