import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What is installed, whichever package manager installed it (npm keeps its own copy in node_modules). */
const LOCK_FILES = ["package-lock.json", "node_modules/.package-lock.json", "pnpm-lock.yaml", "yarn.lock"];
/** The build's configuration. */
const CONFIG_FILES = ["react-router.config.ts", "vite.config.ts", "tsconfig.json"];

/** A module's unit test beside it (`rehype-reparse.test.ts`): no build runs it. */
const TEST_FILE = /\.test\.tsx?$/;

const versions = new Map<string, string>();

/**
 * A hash of all the code a build's output depends on, besides the posts: the files under src/
 * (pipeline, plugins, components, site config; not the tests beside them), the build configuration, the lock files (the exact
 * version of every installed dependency) and the Node.js version (its Intl data). The build caches
 * key their entries with it, so any change of code or dependency invalidates them.
 *
 * With `entries` (paths under src/), only those files and the files under src/ they import,
 * followed through their own imports, count from src/: the parse cache keys posts with the code
 * that parses them, so a change to a component or the style sheet does not parse every post again.
 */
export function codeVersion(entries?: readonly string[]): string {
  const key = entries?.join("\0") ?? "";
  const known = versions.get(key);
  if (known) return known;
  const hash = createHash("sha256").update(process.version);
  const sources = entries
    ? localImports(entries)
    : readdirSync("src", { recursive: true, encoding: "utf8" })
        .filter((file) => !TEST_FILE.test(file))
        .map((file) => path.join("src", file));
  for (const file of [...LOCK_FILES, ...CONFIG_FILES, ...sources.sort()]) {
    try {
      hash.update(`\0${file}\0`).update(readFileSync(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EISDIR" && code !== "ENOENT") throw error;
    }
  }
  const version = hash.digest("hex");
  versions.set(key, version);
  return version;
}

/** `import … from "…"`, `export … from "…"`, `import "…"` and `import("…")`: the specifier. */
const IMPORT = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/**
 * `import.meta.glob("./dir/*.tsx")` or `import.meta.glob(["./dir/*.tsx", "!./dir/*.test.tsx"])`: the
 * patterns (the shortcodes' folders are read so). A pattern that starts with `!` leaves files out.
 */
const GLOB_IMPORT = /\bimport\.meta\.glob(?:<[^>]*>)?\(\s*(\[[^\]]*\]|["'][^"']+["'])/g;
const STRING = /["']([^"']+)["']/g;

/** `entries` and every file they import by a relative path (or a relative `import.meta.glob`), transitively. */
function localImports(entries: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(file, "utf8");
    for (const [, specifier] of code.matchAll(IMPORT)) {
      if (specifier.startsWith(".")) visit(resolveImport(file, specifier));
    }
    for (const [, argument] of code.matchAll(GLOB_IMPORT)) {
      const patterns = Array.from(argument.matchAll(STRING), ([, pattern]) => pattern);
      const excluded = new Set(
        patterns.filter((pattern) => pattern.startsWith("!./")).flatMap((pattern) => globFiles(file, pattern.slice(1))),
      );
      for (const pattern of patterns.filter((each) => each.startsWith(".")))
        globFiles(file, pattern)
          .filter((matched) => !excluded.has(matched))
          .forEach(visit);
    }
  };
  for (const entry of entries) visit(path.normalize(entry));
  return [...found];
}

/** The files a one-folder glob (`./dir/*.tsx`) matches, beside `importer`. */
function globFiles(importer: string, pattern: string): string[] {
  const folder = path.join(path.dirname(importer), path.dirname(pattern));
  const name = new RegExp(
    `^${path
      .basename(pattern)
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")}$`,
  );
  if (/[*?[{]/.test(path.dirname(pattern)))
    throw new Error(`code version: ${importer} globs "${pattern}": only a file pattern in one folder is followed`);
  const names = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(folder) : [];
  return names.filter((entry) => name.test(entry)).map((entry) => path.join(folder, entry));
}

function resolveImport(importer: string, specifier: string): string {
  const base = path.join(path.dirname(importer), specifier.replace(/\?.*$/, ""));
  const file = EXTENSIONS.map((extension) => base + extension).find((candidate) =>
    statSync(candidate, { throwIfNoEntry: false })?.isFile(),
  );
  // Never guess: a cache keyed without a file the parser runs could serve stale posts.
  if (!file) throw new Error(`code version: ${importer} imports "${specifier}", which is not a file under src/`);
  return file;
}
