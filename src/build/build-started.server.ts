import { statSync } from "node:fs";

/**
 * build/ is kept from one build to the next (page-cache.server.ts), so what this build wrote there is
 * what was modified after it started. The `folio:posts` Vite plugin records the start, when Vite
 * begins the client build, the first thing a build writes.
 */
export function writtenByThisBuild(file: string): boolean {
  const { __folioBuildStarted: started } = globalThis as { __folioBuildStarted?: number };
  if (started === undefined) throw new Error("the folio:posts Vite plugin did not record when the build started");
  return statSync(file).mtimeMs >= started;
}
