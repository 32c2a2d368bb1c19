import path from "node:path";
import type { Config } from "@react-router/dev/config";
import { basePath } from "./src/site-config";

/**
 * The dev server renders each page when it is asked for, as `hugo server` does: it needs no list of
 * every URL, which at 10,000 posts took seconds to make and for React Router to check, at start and
 * after every edit. An unknown URL is a 404 there as in the build: the routes' loaders decide.
 */
const dev = import.meta.env.DEV;

export default {
  appDirectory: "src",
  basename: basePath,
  // A static site: every URL is prerendered at build time, then React takes over in the browser.
  ssr: dev,
  prerender: dev
    ? false
    : {
        async paths() {
          const { planBuild } = await import("./src/build/build-plan.server");
          const { leaveToWorkers } = await import("./src/build/prerender-workers.server");
          // Only the pages that changed since the last build (see page-cache.server.ts), decided in a
          // thread of its own (build-plan.server.ts); most of them are rendered in worker threads by the
          // folio:prerender plugin, before React Router renders the rest.
          const { pages, posts } = await planBuild();
          // The search index is made while the pages render (Pagefind is a process of its own); buildEnd waits for it.
          const { startSearchIndex } = await import("./src/build/search-index.server");
          startSearchIndex().catch(() => {});
          return leaveToWorkers(pages.render, pages.required, posts);
        },
        // React Router renders in one thread, but several pages at a time overlap one page's file
        // writes with the next one's rendering: 15-20 % faster at 1,000 posts (4 against 1).
        concurrency: 4,
      },
  async buildEnd({ reactRouterConfig }) {
    const started = performance.now();
    const { getSite } = await import("./src/build/site.server");
    const { planBuild } = await import("./src/build/build-plan.server");
    const { finishStaticOutput, removeStaleOutput } = await import("./src/build/static-output.server");
    const { pruneParseCache } = await import("./src/build/parse-cache.server");
    const { imageVariantFiles, pruneImageCache } = await import("./src/build/image-variants.server");
    const { completePages } = await import("./src/build/page-cache.server");
    const { renderProgress } = await import("./src/build/prerender-workers.server");
    const { printBuildSummary } = await import("./src/build/build-log.server");
    const { recordStage } = await import("./src/build/build-timings.server");
    renderProgress()?.end();
    const plan = await planBuild();
    const clientDir = path.join(reactRouterConfig.buildDirectory, "client");
    const site = getSite();
    const { startSearchIndex, publishSearchIndex } = await import("./src/build/search-index.server");
    const { published, files } = finishStaticOutput(clientDir, site, plan.urls, await imageVariantFiles(site));
    const waited = performance.now();
    const searchIndex = await startSearchIndex();
    // What the index adds to the build's wall time: how long its end waited for it (it runs beside the rendering).
    recordStage("Search index: the end of the build waiting for it", waited);
    published.push(...publishSearchIndex(clientDir, searchIndex));
    const kept = await completePages(clientDir);
    const removed = removeStaleOutput(clientDir, files, [...published, ...kept]);
    pruneParseCache();
    pruneImageCache();
    recordStage("End of build: copies beside pages, redirects, stale files, caches", started);
    printBuildSummary({
      posts: plan.posts.length,
      pages: plan.urls.length,
      rendered: plan.pages.render.length,
      removed,
      warnings: plan.warnings,
      outDir: path.relative(process.cwd(), clientDir),
    });
  },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
    // Not yet: the Environment API changes how the client and server are built (one Vite builder,
    // plugins shared between them), which the build's plugins and workers would have to be checked
    // against; React Router 8 (Node 22) makes it the only way.
    v8_viteEnvironmentApi: false,
  },
} satisfies Config;
