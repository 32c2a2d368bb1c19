import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Plugin } from "vite";
import { logOnce, seconds, startProgress, type Progress } from "./build-log.server.ts";
import { recordStage } from "./build-timings.server.ts";
import type { CachedPostFile } from "./parse-cache.server.ts";
import { postsFolder } from "./posts-folder.server.ts";

/**
 * React Router prerenders a build's pages one after another in the build's thread: ~8.5 ms a page,
 * 140 s of a 10,000-post build (16,443 pages). The `folio:prerender` Vite plugin renders them in
 * worker threads instead, one per core (prerender-worker.mjs): each loads the server build React
 * Router has just written and makes the same requests React Router's prerender makes, writing the
 * same files. React Router then renders the pages it needs itself (it checks each route's exports
 * against one of its pages, and writes the SPA fallback from the home page's), which are the
 * first page of each route and `/`.
 *
 * `FOLIO_PRERENDER_WORKERS=<n>` sets the number of workers whatever the number of pages (0: React
 * Router renders every page).
 */
const MIN_PAGES_PER_WORKER = 200;
/** Pages handed to a worker at a time: small enough that the workers finish together. */
const BATCH_SIZE = 50;
/** Pages a worker renders at a time: another page's work fills the gaps where React yields while rendering one. */
const CONCURRENCY = 4;

/**
 * The workers' script, from the project's folder: this module also runs bundled elsewhere (a
 * posts-only build's, in .folio-cache/threads/), where `import.meta.url` is not beside it.
 */
const WORKER_FILE = path.resolve("src/build/prerender-worker.mjs");
/** Given to a worker as a page to render: React Router's SPA fallback (prerender-worker.mjs). */
const SPA_FALLBACK = "__spa-fallback.html";

interface Shared {
  /**
   * Every page this build renders, those left to the workers, and the posts the workers build their
   * site from, set when React Router asks for the URLs.
   */
  __folioWorkerPages?: { all: string[]; todo: string[]; workers: number; posts: CachedPostFile[] };
  /**
   * What must happen before the pages render (search-index.server.ts's `indexBeforeRendering`),
   * handed over by React Router's config: the site's modules cannot be imported by Vite's config.
   */
  __folioBeforeRendering?: () => Promise<void>;
  /** The "Rendering pages" progress: advanced by the workers' batches and by React Router's log of the pages it writes (vite-logger.server.ts). */
  __folioRenderProgress?: Progress;
}
const shared = globalThis as Shared;

/** The progress of rendering this build's pages, once React Router has asked for them. */
export function renderProgress(): Progress | undefined {
  return shared.__folioRenderProgress;
}

/**
 * Given the pages this build renders, those React Router must render itself, and the posts (for the
 * workers' sites: build-plan.server.ts), returns the pages to list in React Router's
 * `prerender.paths`; the rest are left to the `folio:prerender` plugin, which first runs `beforeRendering`.
 */
export function leaveToWorkers(
  render: string[],
  required: ReadonlySet<string>,
  posts: CachedPostFile[],
  beforeRendering: () => Promise<void>,
): string[] {
  shared.__folioRenderProgress ??= startProgress("Rendering pages", render.length);
  shared.__folioBeforeRendering = beforeRendering;
  const own = (url: string) => url === "/" || required.has(url);
  const todo = render.filter((url) => !own(url));
  const workers = workerCount(todo.length);
  if (workers === 0) {
    delete shared.__folioWorkerPages;
    return render;
  }
  shared.__folioWorkerPages = { all: render, todo, workers, posts };
  return render.filter(own);
}

function workerCount(pages: number): number {
  const requested = process.env.FOLIO_PRERENDER_WORKERS;
  if (requested) {
    const workers = Number(requested);
    if (!Number.isInteger(workers) || workers < 0)
      throw new Error(`FOLIO_PRERENDER_WORKERS=${requested}: a whole number of worker threads, 0 for none`);
    return pages === 0 ? 0 : workers;
  }
  const workers = Math.min(availableParallelism(), Math.floor(pages / MIN_PAGES_PER_WORKER));
  // One worker alone would only take the build's thread's place: that thread waits for the workers.
  return workers > 1 ? workers : 0;
}

/**
 * The `folio:prerender` plugin: once the server build is written, and before React Router's own
 * prerender (its `writeBundle` runs next), renders the pages left to the workers into build/client.
 */
export function folioPrerender(): Plugin {
  let root = process.cwd();
  return {
    name: "folio:prerender",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    writeBundle: {
      order: "pre",
      async handler(options, bundle) {
        if (this.environment.name !== "ssr") return;
        // Before any page renders (React Router renders its own next): a large site's search index first.
        await shared.__folioBeforeRendering?.();
        const pages = shared.__folioWorkerPages;
        if (!pages) return;
        const entry = Object.values(bundle).find((chunk) => chunk.type === "chunk" && chunk.isEntry);
        if (!entry || !options.dir) throw new Error("folio:prerender: the server build has no entry file");
        await renderInWorkers(pages, {
          serverBuild: pathToFileURL(path.join(options.dir, entry.fileName)).href,
          root,
          mode: this.environment.config.mode,
          heapLimitMb: heapLimit(options.dir, postsFolder(root)),
        });
      },
    },
  };
}

/**
 * A posts-only build (posts-only-build.server.ts): every page it renders, `/` and each route's first
 * page included, in workers loading the server bundle the last full build kept (app-cache.server.ts).
 * At least one worker, whatever the number of pages: this thread has React Router's part to play no more.
 */
export async function renderAllInWorkers(render: string[], posts: CachedPostFile[], serverDir: string): Promise<void> {
  shared.__folioRenderProgress ??= startProgress("Rendering pages", render.length + 1);
  const root = process.cwd();
  const workers = Math.max(1, workerCount(render.length));
  // React Router's SPA fallback, which it writes after its prerender, is rendered with the pages.
  await renderInWorkers(
    { all: render, todo: [SPA_FALLBACK, ...render], workers, posts },
    {
      serverBuild: pathToFileURL(path.join(serverDir, "index.js")).href,
      root,
      mode: "production",
      heapLimitMb: heapLimit(serverDir, postsFolder(root)),
    },
  );
}

/**
 * Each worker's heap limit, from the size of what it loads: the server build and the posts. Left
 * to itself, V8 lets a busy worker's heap grow to gigabytes before it collects: two workers took a
 * 10,000-post build to 3.2 GB. What a worker keeps grows with the posts (the site built from them;
 * their text too, until workers built their site from the parse cache), so the limit is four times
 * their size, plus 512 MB for rendering. At 10,000 posts (83 MB of text), workers held to this
 * rendered as fast as unbounded ones, and the build peaked at 2.4 GB instead of 3.2. It is a
 * ceiling: a worker now holds ~100 MB after a collection, ~165-235 MB between collections.
 */
function heapLimit(serverDir: string, postsDir: string): number {
  const bytes = filesSize(serverDir) + filesSize(postsDir, (file) => file.endsWith(".md"));
  return 512 + Math.ceil((4 * bytes) / 2 ** 20);
}

function filesSize(folder: string, include = (_file: string) => true): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && include(entry.name)) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

async function renderInWorkers(
  { all, todo, workers, posts }: NonNullable<Shared["__folioWorkerPages"]>,
  { heapLimitMb, ...where }: { serverBuild: string; root: string; mode: string; heapLimitMb: number },
) {
  const started = performance.now();
  const workerData = { ...where, urls: all, posts, concurrency: CONCURRENCY };
  const threads: Worker[] = [];
  let next = 0;
  let failure: string | undefined;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(WORKER_FILE, {
        workerData,
        resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
      });
      threads.push(worker);
      return new Promise<void>((resolve) => {
        const stop = (error: string) => {
          failure ??= error;
          for (const thread of threads) void thread.terminate();
        };
        // A number is how many pages the last batch rendered (0 when the worker has just started), then it gets the next batch.
        worker.on("message", (message: number | { error: string } | { listed: string[] }) => {
          if (typeof message === "object" && "listed" in message) return message.listed.forEach((line) => console.log(line));
          if (typeof message !== "number") return stop(message.error);
          if (message === 0) recordStage("Worker start-up (each render worker)", started);
          if (message > 0) renderProgress()?.advance(message);
          const batch = todo.slice(next, (next += BATCH_SIZE));
          if (batch.length > 0 && failure === undefined) worker.postMessage(batch);
          else void worker.terminate();
        });
        worker.on("error", (error) => stop(String(error.stack ?? error)));
        worker.on("exit", () => resolve());
      });
    }),
  );
  if (failure !== undefined) throw new Error(`folio: a page could not be prerendered: ${failure}`);
  recordStage("Rendering pages in worker threads", started);
  // A posts-only build's workers render every page, and React Router's SPA fallback besides.
  const pages = todo.filter((url) => url !== SPA_FALLBACK).length;
  const others = all.length - pages;
  logOnce(
    `folio: ${pages} pages rendered in ${workers} worker thread${workers === 1 ? "" : "s"} in ${seconds(started)}${others ? `; React Router renders the other ${others}` : ""}`,
  );
}
