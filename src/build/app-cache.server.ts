import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { codeVersion } from "./code-version.server.ts";
import { bundleForThreads } from "./vite-worker.server.ts";

/**
 * The app's bundles, kept for posts-only builds (posts-only-build.server.ts). Most deploys change
 * posts and not code, and bundling the app again gives the same files: so a full build keeps its
 * server bundle in `.folio-cache/app/server/` and records, in `.folio-cache/app/app.json`, the code
 * it was made from and the files of the app it left in build/client (scripts, styles, fonts, the
 * public/ folder's files), each with its size and a hash of its content.
 * The next build whose code is the same, and whose build/client still holds those files as they
 * were, renders its pages with the kept server bundle without starting Vite. Nothing in the record
 * depends on where the project lies or on files' times: `.folio-cache/` and `build/` restored by a CI
 * cache (whose archive may keep times to the second only) or copied to another folder still count.
 */
const APP_DIR = path.resolve(".folio-cache", "app");
const RECORD = path.join(APP_DIR, "app.json");
/** The kept server bundle's folder; its entry is `index.js`. */
export const KEPT_SERVER_DIR = path.join(APP_DIR, "server");
const SERVER_ENTRY = path.join(KEPT_SERVER_DIR, "index.js");
/** The public/ folder, which Vite copies into build/client. */
const PUBLIC_DIR = "public";

/** A kept app: what `.folio-cache/app/app.json` holds. */
export interface KeptApp {
  /** appVersion() when it was kept. */
  version: string;
  /** The app's files in build/client (paths relative to it), each with its size and content's hash. */
  files: Record<string, [size: number, sha256: string]>;
  /** The posts-only build's own module, bundled (a path from the project's folder): scripts/react-router.mjs runs it. */
  runner: string;
}

/**
 * A hash of everything the app's bundles are made from: the code (code-version.server.ts: src/, the
 * configuration, the lock files, Node's version) and the public/ folder's files.
 */
export function appVersion(): string {
  const hash = createHash("sha256").update(codeVersion());
  if (existsSync(PUBLIC_DIR)) {
    for (const file of readdirSync(PUBLIC_DIR, { recursive: true, encoding: "utf8" }).sort()) {
      const full = path.join(PUBLIC_DIR, file);
      if (statSync(full).isFile()) hash.update(`\0${file}\0`).update(readFileSync(full));
    }
  }
  return hash.digest("hex");
}

/**
 * The `folio:app-cache` Vite plugin: once the server bundle is written (React Router deletes it after
 * prerendering: `ssr: false`), copies it into `.folio-cache/app/server/`. The record that makes it
 * usable is written at the end of the build (keepApp), so a build that stops halfway leaves none.
 */
export function folioAppCache(): Plugin {
  return {
    name: "folio:app-cache",
    apply: "build",
    writeBundle: {
      order: "pre",
      handler(options) {
        if (this.environment.name !== "ssr" || !options.dir) return;
        rmSync(RECORD, { force: true });
        rmSync(KEPT_SERVER_DIR, { recursive: true, force: true });
        mkdirSync(APP_DIR, { recursive: true });
        cpSync(options.dir, KEPT_SERVER_DIR, { recursive: true });
      },
    },
  };
}

/** At the end of a full build: records the app it bundled, for the next builds to reuse. */
export async function keepApp(clientDir: string): Promise<void> {
  if (!existsSync(SERVER_ENTRY)) return;
  const files: KeptApp["files"] = {};
  for (const file of appFiles(clientDir)) {
    const found = sizeAndHash(path.join(clientDir, file));
    if (found) files[file] = found;
  }
  const runner = path.relative(process.cwd(), fileURLToPath(await bundleForThreads("src/build/posts-only-build.server.ts")));
  const record: KeptApp = { version: appVersion(), files, runner };
  writeFileSync(RECORD, JSON.stringify(record));
}

/**
 * The kept app, if this build may reuse it: the code is the same, and build/client holds the app's
 * files as the build that kept it left them (a build/ deleted or emptied, as on a CI runner that
 * kept only `.folio-cache/`, bundles the app again).
 */
export function reusableApp(clientDir: string): KeptApp | undefined {
  let record: KeptApp;
  try {
    record = JSON.parse(readFileSync(RECORD, "utf8")) as KeptApp;
  } catch {
    return undefined;
  }
  if (record.version !== appVersion() || !existsSync(SERVER_ENTRY)) return undefined;
  // Hashing the app's files (~5 MB) takes ~20 ms; comparing times instead would miss no change but
  // would count a restored or copied build/ as changed.
  for (const [file, [size, hash]] of Object.entries(record.files)) {
    const found = sizeAndHash(path.join(clientDir, file));
    if (found?.[0] !== size || found[1] !== hash) return undefined;
  }
  return record;
}

/** A file's size and the SHA-256 of its content; undefined when it cannot be read. */
function sizeAndHash(file: string): KeptApp["files"][string] | undefined {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return undefined;
  }
  return [content.length, createHash("sha256").update(content).digest("hex")];
}

/** The app's files in build/client: its assets/ folder and the public/ folder's files. */
function appFiles(clientDir: string): string[] {
  const files: string[] = [];
  const list = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(prefix, path.relative(folder, path.join(entry.parentPath, entry.name))));
    }
  };
  list(path.join(clientDir, "assets"), "assets");
  list(PUBLIC_DIR, "");
  return files.sort();
}
