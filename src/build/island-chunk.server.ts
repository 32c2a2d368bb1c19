import path from "node:path";
import type { Plugin } from "vite";

/**
 * The lazily loaded chunks imported from their URL, each by the module that loads it and its
 * dynamic import, as written there: the islands' article, and search's code, which the header's
 * search field loads on its first focus.
 */
const LAZY_CHUNKS = [
  { importer: /[\\/]src[\\/]components[\\/]article-body\.tsx$/, lazyImport: 'import("./shortcode-island")', file: "shortcode-island.tsx" },
  { importer: /[\\/]src[\\/]components[\\/]search-box\.tsx$/, lazyImport: 'import("./search-lazy")', file: "search-lazy.ts" },
];

/**
 * The `folio:island-chunk` Vite plugin: in the browser's build, the article of a post with islands
 * (components/shortcode-island.tsx) and search's code (components/search-lazy.ts) are imported as
 * React Router imports a route module, from their chunk's URL, not through Vite's preload helper.
 *
 * Why: Vite wraps each dynamic import of the browser's bundle in a helper (~0.75 KB gzip) that first
 * preloads the imported chunk's own imports. Wrapping these put the helper in a chunk that every
 * page loads, so pages without islands, and pages not searching, carried it. The chunks are emitted
 * on their own instead; the islands' imports, the article's modules, are already loaded by the post
 * page that asks for it (search's few are fetched as it loads). The dev server and the server bundle
 * import them as written.
 */
export function folioIslandChunk(): Plugin {
  return {
    name: "folio:island-chunk",
    enforce: "pre",
    apply: "build",
    applyToEnvironment: (environment) => environment.config.consumer === "client",
    transform: {
      filter: { id: LAZY_CHUNKS.map(({ importer }) => importer) },
      handler(code, id) {
        const lazy = LAZY_CHUNKS.find(({ importer }) => importer.test(id))!;
        if (!code.includes(lazy.lazyImport)) this.error(`folio:island-chunk: ${id} no longer has ${lazy.lazyImport}; update this plugin`);
        const chunk = this.emitFile({ type: "chunk", id: path.join(path.dirname(id), lazy.file) });
        return code.replace(lazy.lazyImport, `import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${chunk})`);
      },
    },
  };
}
