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
          // The search index: beside the rendering, or before it for a large site (search-index.server.ts).
          const { indexBeforeRendering } = await import("./src/build/search-index.server");
          return leaveToWorkers(pages.render, pages.required, posts, indexBeforeRendering);
        },
        // React Router renders in one thread, but several pages at a time overlap one page's file
        // writes with the next one's rendering: 15-20 % faster at 1,000 posts (4 against 1).
        concurrency: 4,
      },
  async buildEnd({ reactRouterConfig }) {
    const { finishBuild } = await import("./src/build/finish-build.server");
    await finishBuild(path.join(reactRouterConfig.buildDirectory, "client"));
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
