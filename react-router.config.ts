import { copyFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "src",
  // A static site: every URL is prerendered at build time, then React takes over in the browser.
  ssr: false,
  async prerender() {
    const { prerenderPaths } = await import("./src/content/site.server");
    return prerenderPaths();
  },
  async buildEnd({ reactRouterConfig }) {
    // Static hosts (GitHub Pages, Netlify, nginx `error_page`) serve /404.html for unknown URLs.
    const client = path.join(reactRouterConfig.buildDirectory, "client");
    await copyFile(path.join(client, "404", "index.html"), path.join(client, "404.html"));
  },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
