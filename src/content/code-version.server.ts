import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What is installed, whichever package manager installed it (npm keeps its own copy in node_modules). */
const LOCK_FILES = ["package-lock.json", "node_modules/.package-lock.json", "pnpm-lock.yaml", "yarn.lock"];
/** The build's configuration. */
const CONFIG_FILES = ["react-router.config.ts", "vite.config.ts", "tsconfig.json"];

let version: string | undefined;

/**
 * A hash of all the code a build's output depends on, besides the posts: every file under src/
 * (pipeline, plugins, components, site config), the build configuration, the lock files (the exact
 * version of every installed dependency) and the Node.js version (its Intl data). The build caches
 * key their entries with it, so any change of code or dependency invalidates them.
 */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash("sha256").update(process.version);
  const sources = readdirSync("src", { recursive: true, encoding: "utf8" }).map((file) => path.join("src", file));
  for (const file of [...LOCK_FILES, ...CONFIG_FILES, ...sources.sort()]) {
    try {
      hash.update(`\0${file}\0`).update(readFileSync(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EISDIR" && code !== "ENOENT") throw error;
    }
  }
  return (version = hash.digest("hex"));
}
