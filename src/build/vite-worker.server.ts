import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker thread that loads `moduleFile` (a path from the project root) through Vite's
 * `runnerImport`, as React Router loads the config: TypeScript and `import.meta.env`, without the
 * project's Vite plugins. Then it runs `body`, JavaScript that sees the module's exports as `module`
 * and `parentPort`. It takes about a second to start. If loading or `body` throws, the thread posts
 * `{ error, name }`: a post's problems (ContentErrors) as their message, which names each file,
 * line and fix; anything else with its stack. With `relayOutput`, what the thread prints through
 * build-log.server.ts comes to this thread as messages, for `printRelayed`.
 */
export function viteModuleWorker(moduleFile: string, body: string, { relayOutput = false } = {}): Worker {
  const vite = pathToFileURL(createRequire(path.resolve("package.json")).resolve("vite")).href;
  const code = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { runnerImport } = await import(workerData.vite);
  const { module } = await runnerImport(workerData.module, { configFile: false, logLevel: "error", mode: workerData.mode });
  ${body}
})().catch((error) => {
  const content = error?.name === "ContentErrors" || error?.name === "ContentError";
  parentPort.postMessage({ error: String(content ? error.message : (error?.stack ?? error)), name: error?.name });
});
`;
  return new Worker(code, {
    eval: true,
    workerData: { vite, module: path.resolve(moduleFile), mode: import.meta.env.MODE, folioRelayOutput: relayOutput },
  });
}
