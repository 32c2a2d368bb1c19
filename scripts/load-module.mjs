// Loads one of Folio's TypeScript modules from a plain Node.js script, as React Router loads its
// config: through Vite's module runner, without the project's Vite plugins.
import path from "node:path";
import { runnerImport } from "vite";

/** The exports of `file` (a path from the project's folder, e.g. `src/build/check.server.ts`). */
export async function loadModule(file) {
  const { module } = await runnerImport(path.resolve(file), { configFile: false, logLevel: "error" });
  return module;
}
