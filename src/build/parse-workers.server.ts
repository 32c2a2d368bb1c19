import { availableParallelism } from "node:os";
import { logOnce, seconds, startProgress } from "./build-log.server";
import { recordStage } from "./build-timings.server";
import { cachedParse, cachedPostFile, postFileByKey, uncached, type CachedPostFile } from "./parse-cache.server";
import { parsePost, type PostFile } from "../content/parse-post.server";
import { viteModuleWorker } from "./vite-worker.server";

/**
 * Parsing is most of a cold build's work (~25 ms a post) and runs in one thread. Before the site is
 * built, the posts the parse cache lacks are parsed in worker threads, one per core, which fill the
 * cache; `getSite()` then reads every post from it. A worker loads the parser bundled by Vite
 * (vite-worker.server.ts) and takes about a third of a second to start: with few posts to parse the
 * main thread does it alone. `FOLIO_PARSE_WORKERS=<n>` sets the number of
 * workers whatever the number of posts (0: parse in the main thread).
 */
const MIN_POSTS_PER_WORKER = 100;
/** The workers `count` posts to parse get, unless FOLIO_PARSE_WORKERS says: one per core, each with at least MIN_POSTS_PER_WORKER. */
const workersFor = (count: number) => Math.min(availableParallelism(), Math.floor(count / MIN_POSTS_PER_WORKER));
/** One worker alone would only take the main thread's place. */
const enoughForWorkers = (workers: number) => workers >= 2;
/** A parse worker's young generation (see below). */
const YOUNG_GENERATION_MB = 64;
/** Posts handed to a worker at a time: small enough that the workers finish together. */
const BATCH_SIZE = 20;

/**
 * A parse worker's old generation, in MB: 192 MB, and more for a long post. Left to itself, V8 let
 * each worker's heap grow to ~250 MB for ~70 MB of live objects (its grammars, parser, KaTeX),
 * collecting rarely: with two workers, a 10,000-post build peaked at ~1,100 MiB while parsing. V8
 * sizes its first collections by this limit: a worker's heap then stays at ~160 MB (with 128 MB too,
 * which collected more often), and a 10,000-post build peaked at ~860 MiB while parsing. Parsing a post
 * takes up to ~140 times its size in heap (a five-megabyte post took ~700 MB), hence the allowance.
 * A post that needs more stops its worker, and is parsed again, with the rest of its batch, outside it.
 */
function oldGenerationMb(posts: readonly PostFile[]): number {
  const longest = posts.reduce((most, post) => Math.max(most, post.source.length), 0);
  return 192 + Math.ceil((160 * longest) / 2 ** 20);
}

/** What a worker runs once it has loaded this module: parses the batches it is sent into the cache. */
const WORKER_BODY = `
  parentPort.on("message", (files) => parentPort.postMessage(module.parseIntoCache(files)));
  parentPort.postMessage(0);
`;

/**
 * Parses into the cache the `files` it lacks, in worker threads when there are enough of them.
 * Never throws: a post a worker could not parse (or a worker that failed) is parsed again by
 * `getSite()` in the main thread, which reports its error with the file and line as usual.
 */
export async function parseAheadInWorkers(files: PostFile[]): Promise<void> {
  const requested = process.env.FOLIO_PARSE_WORKERS;
  // Even if the cache lacked every one of `files`, too few for workers: the cache is not listed. On
  // the dev server an edit asks about the post edited, and listing a 10,000-post cache (~30,000
  // files) took 45-60 ms of each edit.
  if (!requested && !enoughForWorkers(workersFor(files.length))) return;
  const lacking = uncached(files);
  // Each post by its key, not its text: a worker reads the text from posts/ itself.
  const todo = lacking.map(cachedPostFile);
  const workers = requested ? Number(requested) : workersFor(todo.length);
  if (!Number.isInteger(workers) || workers < 0)
    throw new Error(`FOLIO_PARSE_WORKERS=${requested}: a whole number of worker threads, 0 for none`);
  if (todo.length === 0 || workers === 0 || (!requested && !enoughForWorkers(workers))) return;
  const started = performance.now();
  const progress = startProgress("Parsing posts", todo.length);
  let next = 0;
  let parsed = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      // A young generation of 64 MB (V8's default is 16 to 32) parses a third faster: most of a post's
      // objects die young, and a small one promotes them to the old generation, which is slow to collect.
      // 3,000 posts parsed in 22-25 s instead of 34-35, and the build peaked at ~920 MiB.
      const worker = await viteModuleWorker("src/build/parse-workers.server.ts", WORKER_BODY, {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb(lacking) },
      }).catch((error: unknown) => {
        failures.push(String((error as Error)?.stack ?? error));
      });
      if (!worker) return;
      return new Promise<void>((resolve) => {
        const sendBatch = () => {
          const batch = todo.slice(next, (next += BATCH_SIZE));
          if (batch.length > 0) worker.postMessage(batch);
          else void worker.terminate();
        };
        // A number is how many posts the last batch parsed (0 when the worker has just started), then it gets the next batch.
        worker.on("message", (message: number | { error: string }) => {
          if (message === 0) recordStage("Worker start-up (each parse worker)", started);
          if (typeof message === "number") {
            parsed += message;
            progress.advance(message);
            sendBatch();
          } else {
            failures.push(message.error);
            void worker.terminate();
          }
        });
        worker.on("error", (error) => failures.push(String(error.stack ?? error)));
        worker.on("exit", () => resolve());
      });
    }),
  );
  progress.end();
  for (const failure of new Set(failures))
    logOnce(`folio: a parse worker failed, its posts are parsed in the main thread: ${failure}`, { warn: true });
  recordStage("Planning: parsing posts in worker threads", started);
  logOnce(`folio: ${parsed} of ${todo.length} uncached posts parsed in ${workers} worker threads in ${seconds(started)}`);
}

/** In a worker: parses `files` into the cache, and answers how many it parsed; a post that fails is left to the main thread. */
export function parseIntoCache(files: CachedPostFile[]): number {
  let parsed = 0;
  for (const file of files) {
    try {
      cachedParse(postFileByKey(file), parsePost);
      parsed += 1;
    } catch {
      // getSite() parses it again and reports the error.
    }
  }
  return parsed;
}
