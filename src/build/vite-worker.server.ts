import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { Rolldown } from "vite";
import { recordStage } from "./build-timings.server";

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
 * file URL. Named by its content (`build-plan-thread.server.<hash>.mjs`), so threads and processes
 * that bundle the same code share the file, and a bundle of other code replaces the older ones.
 */
export function bundleForThreads(moduleFile: string): Promise<string> {
  let bundle = bundles.get(moduleFile);
  if (!bundle) bundles.set(moduleFile, (bundle = writeBundle(moduleFile)));
  return bundle;
}

async function writeBundle(moduleFile: string): Promise<string> {
  const started = performance.now();
  // Imported here, not above: the threads' bundles include this module, and need no Vite.
  const { build } = await import("vite");
  const result = await build({
    configFile: false,
    logLevel: "error",
    mode: import.meta.env.MODE,
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
  const name = path.basename(moduleFile).replace(/\.tsx?$/, "");
  const hash = createHash("sha256")
    .update(chunk.type === "chunk" ? chunk.code : "")
    .digest("hex")
    .slice(0, 16);
  const file = path.resolve(BUNDLE_DIR, `${name}.${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    // Written whole before it has its name, as another process may be importing the same file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, chunk.type === "chunk" ? chunk.code : "");
    renameSync(partial, file);
    for (const other of readdirSync(BUNDLE_DIR)) {
      if (other.startsWith(`${name}.`) && other !== path.basename(file) && !other.endsWith(".partial")) {
        rmSync(path.join(BUNDLE_DIR, other), { force: true });
      }
    }
  }
  recordStage(`Bundling code for threads (${name})`, started);
  return pathToFileURL(file).href;
}
