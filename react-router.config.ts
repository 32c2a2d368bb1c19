import path from "node:path";
import type { Config } from "@react-router/dev/config";
import { basePath } from "./src/site-config";

export default {
  appDirectory: "src",
  basename: basePath,
  // A static site: every URL is prerendered at build time, then React takes over in the browser.
  ssr: false,
  prerender: {
    async paths() {
      const { rereadPostSources } = await import("./src/content/post-sources.server");
      const { parsePostsAhead, prerenderPaths } = await import("./src/content/site.server");
      const { planPages } = await import("./src/content/page-cache.server");
      // On the dev server, React Router asks again after posts change (posts-module.server.ts); a
      // build asks twice for the same posts.
      if (import.meta.env.DEV) rereadPostSources();
      await parsePostsAhead();
      // Only the pages that changed since the last build (see page-cache.server.ts).
      return planPages(prerenderPaths());
    },
    // Pages are rendered in one thread, but several at a time overlap one page's file writes with
    // the next one's rendering: 15-20 % faster at 1,000 posts (4 against 1).
    concurrency: 4,
  },
  async buildEnd({ reactRouterConfig }) {
    const { getSite, prerenderPaths } = await import("./src/content/site.server");
    const { finishStaticOutput } = await import("./src/content/static-output.server");
    const { pruneParseCache } = await import("./src/content/parse-cache.server");
    const { completePages } = await import("./src/content/page-cache.server");
    const clientDir = path.join(reactRouterConfig.buildDirectory, "client");
    await finishStaticOutput(clientDir, getSite(), prerenderPaths());
    await completePages(clientDir);
    pruneParseCache();
  },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
