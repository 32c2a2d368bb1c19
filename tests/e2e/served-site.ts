import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { buildAndServe, scratchProject, type ScratchOptions } from "./scratch-project";

/** A built scratch project served on 127.0.0.1, and Chromium to open it: filled in before the file's tests run. */
export interface ServedSite {
  origin: string;
  browser: Browser;
  /** What the build printed. */
  output: string;
}

/**
 * For a test file: a scratch project with `posts` (and the options of scratchProject; the suite's
 * own build's app reused unless `reuseApp: false`), changed by
 * `prepare` (files added beside them), built (with `buildEnv` added to its environment) and served,
 * and Chromium launched, before the tests; all of it closed and removed after.
 */
export function servedSite(
  posts: Record<string, string>,
  {
    prepare = () => {},
    buildEnv = {},
    ...options
  }: ScratchOptions & { prepare?: (dir: string) => void; buildEnv?: Record<string, string> } = {},
): ServedSite {
  const project = scratchProject(posts, { reuseApp: true, ...options });
  const site = {} as ServedSite;
  let server: Server | undefined;

  beforeAll(async () => {
    prepare(project.dir);
    let origin: string;
    ({ server, origin, output: site.output } = await buildAndServe(project.dir, "/", buildEnv));
    site.origin = origin;
    site.browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await site.browser?.close();
    server?.close();
    project.remove();
  });

  return site;
}
