import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { Rolldown } from "vite";
import { recordStage } from "./build-timings.server.ts";
import { codeVersion } from "./code-version.server.ts";

/**
 * The mode the bundles are made for. Vite sets it where it loads this module (the routes, the dev
 * server); a build's Vite config loads it as it is (the folio:plan-early plugin), without
 * `import.meta.env`: only builds do, in production.
 */
const MODE: string = import.meta.env?.MODE ?? "production";

/** Where bundled thread modules are written: inside the project, so that their imports find node_modules. */
const BUNDLE_DIR = ".folio-cache/threads";

/**
 * A worker thread that loads `moduleFile` (a path from the project root) bundled by Vite, as React
 * Router loads the config: TypeScript and `import.meta.env`, without the project's Vite plugins,
 * packages left to Node. Then it runs `body`, JavaScript that sees the module's exports as `module`
 * and `parentPort`. If loading or `body` throws, the thread posts `{ error, name }`: a post's
 * problems (ContentErrors) as their message, which names each file, line and fix; anything else with
 * its stack. With `relayOutput`, what the thread prints through build-log.server.ts comes to this
 * thread as messages, for `printRelayed`. `data`'s keys are added to the thread's `workerData`.
 *
 * The module is bundled once per thread that starts workers (bundleForThreads), and the thread
 * imports the bundle as plain JavaScript. Loading it through Vite's `runnerImport` in each thread
 * instead took ~1 s and ~150 MB a thread (Vite's own machinery); a bundle loads in ~0.3 s and ~45 MB.
 */
export async function viteModuleWorker(
  moduleFile: string,
  body: string,
  {
    relayOutput = false,
    resourceLimits,
    data = {},
  }: { relayOutput?: boolean; resourceLimits?: ResourceLimits; data?: Record<string, unknown> } = {},
): Promise<Worker> {
  const code = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const module = await import(workerData.module);
  ${body}
})().catch((error) => {
  const content = error?.name === "ContentErrors" || error?.name === "ContentError";
  parentPort.postMessage({ error: String(content ? error.message : (error?.stack ?? error)), name: error?.name });
});
`;
  const module = await bundleForThreads(moduleFile);
  return new Worker(code, { eval: true, workerData: { ...data, module, folioRelayOutput: relayOutput }, resourceLimits });
}

const bundles = new Map<string, Promise<string>>();

/**
 * `moduleFile` and the project files it imports, bundled into one ES module for worker threads; its
 * file URL. Named by the code it is made from (`build-plan-thread.server.<hash>.mjs`: all of src/,
 * the lock files, the configuration and Node's version, as the page cache keys pages, with the
 * module's path and the mode; not only the files the module imports, which code-version.server.ts
 * follows through relative imports but not through `import.meta.glob("/src/routes/*")`), so a build
 * whose code has not changed since the last one bundles nothing (starting Vite to bundle took
 * ~0.5 s of every build), threads and processes share the file, and a bundle of other code replaces
 * the older ones.
 */
export function bundleForThreads(moduleFile: string): Promise<string> {
  let bundle = bundles.get(moduleFile);
  if (!bundle) bundles.set(moduleFile, (bundle = bundled(moduleFile)));
  return bundle;
}

async function bundled(moduleFile: string): Promise<string> {
  const name = path.basename(moduleFile).replace(/\.tsx?$/, "");
  const hash = createHash("sha256").update(`${codeVersion()}\0${moduleFile}\0${MODE}`).digest("hex").slice(0, 16);
  const file = path.resolve(BUNDLE_DIR, `${name}.${hash}.mjs`);
  if (!existsSync(file)) await writeBundle(moduleFile, file);
  return pathToFileURL(file).href;
}

async function writeBundle(moduleFile: string, file: string): Promise<void> {
  const started = performance.now();
  // Imported here, not above: the threads' bundles include this module, and need no Vite.
  const { build } = await import("vite");
  const result = await build({
    configFile: false,
    logLevel: "error",
    mode: MODE,
    build: {
      ssr: path.resolve(moduleFile),
      write: false,
      minify: false,
      copyPublicDir: false,
      // One file: a thread imports it whole.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const [chunk] = (Array.isArray(result) ? result[0] : (result as Rolldown.RolldownOutput)).output;
  mkdirSync(BUNDLE_DIR, { recursive: true });
  // Written whole before it has its name, as another process may be importing the same file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, chunk.type === "chunk" ? chunk.code : "");
  renameSync(partial, file);
  const name = path.basename(file).replace(/\.[0-9a-f]+\.mjs$/, "");
  for (const other of readdirSync(BUNDLE_DIR)) {
    if (other.startsWith(`${name}.`) && other !== path.basename(file) && !other.endsWith(".partial")) {
      rmSync(path.join(BUNDLE_DIR, other), { force: true });
    }
  }
  recordStage(`Bundling code for threads (${name})`, started);
}
