import path from "node:path";
import { keepApp, type KeptApp } from "./app-cache.server";
import { printBuildSummary } from "./build-log.server";
import { planBuild } from "./build-plan.server";
import { recordStage } from "./build-timings.server";
import { imageVariantFiles, pruneImageCache } from "./image-variants.server";
import { completePages } from "./page-cache.server";
import { pruneParseCache } from "./parse-cache.server";
import { renderProgress } from "./prerender-workers.server";
import { publishSearchIndex, startSearchIndex } from "./search-index.server";
import { getSite } from "./site.server";
import { finishStaticOutput, removeStaleOutput } from "./static-output.server";

/**
 * The end of every build, once its pages are rendered into `clientDir` (react-router.config.ts's
 * `buildEnd` after a full build; posts-only-build.server.ts after one that reused the app): the
 * static output finished (static-output.server.ts), the search index published, the page cache
 * recorded, stale files deleted, the caches pruned and the summary printed. A full build then keeps
 * its app for the next (app-cache.server.ts); a posts-only build passes the app it reused, whose
 * files it did not write but which belong to it.
 */
export async function finishBuild(clientDir: string, reused?: KeptApp): Promise<void> {
  const started = performance.now();
  renderProgress()?.end();
  const plan = await planBuild();
  const site = getSite();
  const { published, files } = finishStaticOutput(clientDir, site, plan.urls, await imageVariantFiles(site));
  const waited = performance.now();
  const searchIndex = await startSearchIndex();
  // What the index adds to the build's wall time: how long its end waited for it (it runs beside the rendering).
  recordStage("Search index: the end of the build waiting for it", waited);
  published.push(...publishSearchIndex(clientDir, searchIndex));
  const appFiles = Object.keys(reused?.files ?? {});
  const kept = await completePages(clientDir, new Set(appFiles));
  const removed = removeStaleOutput(clientDir, files, [...published, ...kept, ...appFiles]);
  pruneParseCache();
  pruneImageCache();
  if (!reused) await keepApp(clientDir);
  recordStage("End of build: copies beside pages, redirects, stale files, caches", started);
  printBuildSummary({
    posts: plan.posts.length,
    pages: plan.urls.length,
    rendered: plan.pages.render.length,
    removed,
    warnings: plan.warnings,
    outDir: path.relative(process.cwd(), clientDir),
    appReused: Boolean(reused),
  });
}
