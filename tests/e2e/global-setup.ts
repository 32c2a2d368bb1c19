import { spawnSync } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
// @ts-expect-error: a plain ES module script without type declarations
import { ensureChromium } from "../../scripts/find-chromium.mjs";
// @ts-expect-error: a plain ES module script without type declarations
import { serveStatic } from "../../scripts/serve.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: Server | undefined;

/**
 * Finds Chromium first (installing Debian's as root on Debian; else the run stops at once, saying how
 * to install it: the browser tests never skip), then builds the production site once and serves
 * build/client on 127.0.0.1 as a plain static host would. The tests that run alone (the dev
 * server's, vite.config.ts) need Chromium only.
 */
export async function setup(project: TestProject) {
  ensureChromium();
  if (project.name === "e2e-alone") return;
  const build = spawnSync("node", ["scripts/react-router.mjs", "build"], { encoding: "utf8", env: buildEnv() });
  if (build.status !== 0) throw new Error(`react-router build failed:\n${build.stdout}\n${build.stderr}`);
  server = (await serveStatic({ dir: "build/client", port: 0 })) as Server;
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
}

/** The environment for a real build: without Vitest's variables, which turn the React Router plugin off. */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  env.NODE_ENV = "production";
  return env;
}

export async function teardown() {
  // Without a server (the tests that run alone start none), there is nothing to wait for.
  if (server) await new Promise((resolve) => server!.close(resolve));
}
