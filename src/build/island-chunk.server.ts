import path from "node:path";
import type { Plugin } from "vite";

/** The module that loads the islands' article lazily, and its dynamic import of it, as written there. */
const IMPORTER = /[\\/]src[\\/]components[\\/]article-body\.tsx$/;
const LAZY_IMPORT = 'import("./shortcode-island")';

/**
 * The `folio:island-chunk` Vite plugin: in the browser's build, the article of a post with islands
 * (components/shortcode-island.tsx) is imported as React Router imports a route module, from its
 * chunk's URL, not through Vite's preload helper.
 *
 * Why: Vite wraps each dynamic import of the browser's bundle in a helper (~0.75 KB gzip) that first
 * preloads the imported chunk's own imports. Wrapping this one put the helper in a chunk that every
 * post page loads, so pages without islands carried it. The chunk is emitted on its own instead; its
 * imports, the article's modules, are already loaded by the post page that asks for it. The dev
 * server and the server bundle import it as written.
 */
export function folioIslandChunk(): Plugin {
  return {
    name: "folio:island-chunk",
    enforce: "pre",
    apply: "build",
    applyToEnvironment: (environment) => environment.config.consumer === "client",
    transform: {
      filter: { id: IMPORTER },
      handler(code, id) {
        if (!code.includes(LAZY_IMPORT)) this.error(`folio:island-chunk: ${id} no longer has ${LAZY_IMPORT}; update this plugin`);
        const chunk = this.emitFile({ type: "chunk", id: path.join(path.dirname(id), "shortcode-island.tsx") });
        return code.replace(LAZY_IMPORT, `import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${chunk})`);
      },
    },
  };
}
