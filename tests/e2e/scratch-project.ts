import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
// @ts-expect-error: a plain ES module script without type declarations
import { writeDevServerConfig } from "../../scripts/bench/corpus.mjs";
// @ts-expect-error: a plain ES module script without type declarations
import { serveStatic } from "../../scripts/serve.mjs";
import { buildEnv } from "./global-setup";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Options for scratchProject. */
export interface ScratchOptions {
  /** Copy the bundled posts/ too. Default false. */
  bundledPosts?: boolean;
  /** Replace `baseUrl` in src/site-config.ts. */
  baseUrl?: string;
  /** Let the dev server serve the linked node_modules, which lie outside the copy (a wrapping vite.config.ts). */
  devServer?: boolean;
  /**
   * Start from the app the suite's own build bundled (global-setup.ts), as a deploy restoring its
   * CI cache does: the first build is a posts-only build (app-cache.server.ts) unless the project's
   * code differs. For tests about what the site shows, not about bundling.
   */
  reuseApp?: boolean;
}

/** A throwaway copy of Folio with its own posts (node_modules linked), for build and dev-server tests. */
export function scratchProject(posts: Record<string, string>, options: ScratchOptions = {}): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "folio-"));
  for (const file of ["package.json", "package-lock.json", "react-router.config.ts", "tsconfig.json"]) {
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  if (options.devServer) writeDevServerConfig(dir);
  else cpSync(path.join(ROOT, "vite.config.ts"), path.join(dir, "vite.config.ts"));
  for (const folder of ["src", "public", "scripts"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  if (options.bundledPosts) cpSync(path.join(ROOT, "posts"), path.join(dir, "posts"), { recursive: true });
  if (options.baseUrl) {
    const config = path.join(dir, "src/site-config.ts");
    const source = readFileSync(config, "utf8");
    const changed = source.replace(/baseUrl: "[^"]*"/, `baseUrl: ${JSON.stringify(options.baseUrl)}`);
    if (changed === source) throw new Error("baseUrl not found in src/site-config.ts");
    writeFileSync(config, changed);
  }
  for (const [name, source] of Object.entries(posts)) {
    const file = path.join(dir, "posts", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
  if (options.reuseApp) copyKeptApp(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Copies the app the suite's own build kept into a project: `.folio-cache/app/` and the thread
 * bundles, and the app's files in build/client (its record lists them), not the build's pages.
 */
function copyKeptApp(dir: string): void {
  const cache = path.join(ROOT, ".folio-cache");
  const record = JSON.parse(readFileSync(path.join(cache, "app/app.json"), "utf8")) as { files: Record<string, unknown> };
  for (const folder of ["app", "threads"]) cpSync(path.join(cache, folder), path.join(dir, ".folio-cache", folder), { recursive: true });
  for (const file of Object.keys(record.files)) {
    cpSync(path.join(ROOT, "build/client", file), path.join(dir, "build/client", file));
  }
}

/** Runs the production build in a project folder, with `env` added; the caller decides what its exit means. */
export function runBuild(dir: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  // What `npm run build` runs.
  return spawnSync("node", ["scripts/react-router.mjs", "build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...buildEnv(), ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Builds a project (with `env` added to the build's environment) and serves its build/client on
 * 127.0.0.1 at `base`, as a static host would; `output` is what the build printed.
 */
export async function buildAndServe(
  dir: string,
  base = "/",
  env: Record<string, string> = {},
): Promise<{ origin: string; server: Server; output: string }> {
  const build = runBuild(dir, env);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const server = (await serveStatic({ dir: path.join(dir, "build/client"), port: 0, base })) as Server;
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, output: build.stdout + build.stderr };
}

/**
 * Every file of a project's build output, by path, with its content (base64), to compare two builds. Throws on a file it cannot read.
 */
export function buildOutput(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const client = path.join(dir, "build/client");
  for (const file of readdirSync(client, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.startsWith(".vite") || statSync(path.join(client, file)).isDirectory()) continue;
    files.set(file, readFileSync(path.join(client, file), "base64"));
  }
  return files;
}
