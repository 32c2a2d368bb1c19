import path from "node:path";
import type { Config } from "@react-router/dev/config";
import { basePath } from "./src/site-config";

export default {
  appDirectory: "src",
  basename: basePath,
  // A static site: every URL is prerendered at build time, then React takes over in the browser.
  ssr: false,
  async prerender() {
    const { prerenderPaths } = await import("./src/content/site.server");
    return prerenderPaths();
  },
  async buildEnd({ reactRouterConfig }) {
    const { getSite, prerenderPaths } = await import("./src/content/site.server");
    const { finishStaticOutput } = await import("./src/content/static-output.server");
    await finishStaticOutput(path.join(reactRouterConfig.buildDirectory, "client"), getSite(), prerenderPaths());
  },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
