import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Plugin } from "vite";

const require = createRequire(import.meta.url);
/** Mermaid's own browser build: an ES module that imports each diagram's code from its `chunks/mermaid.esm.min/` folder. */
const DIST = path.dirname(require.resolve("mermaid/dist/mermaid.esm.min.mjs"));
const ENTRY = "mermaid.esm.min.mjs";
const CHUNKS = "chunks/mermaid.esm.min";
const { version } = JSON.parse(readFileSync(path.join(DIST, "..", "package.json"), "utf8")) as { version: string };
/** Where the site serves it, below the base path: the version in the folder name, so a host may cache it for good (its chunks' names are hashes). */
export const MERMAID_FOLDER = `assets/mermaid-${version}`;
/** ELK, the layout Mermaid loads when a diagram asks for it: 450 KB gzip; the site lays every diagram out with dagre (mermaid-diagram.tsx). */
const LEFT_OUT = /^elk-[A-Z0-9]+\.mjs$/;

/** Mermaid's files as the site serves them: path below MERMAID_FOLDER, and the file on disk. */
function mermaidFiles(): { name: string; file: string }[] {
  return [
    { name: ENTRY, file: path.join(DIST, ENTRY) },
    ...readdirSync(path.join(DIST, CHUNKS))
      .filter((name) => name.endsWith(".mjs") && !LEFT_OUT.test(name))
      .map((name) => ({ name: `${CHUNKS}/${name}`, file: path.join(DIST, CHUNKS, name) })),
  ];
}

/** A file as served: without its source map's comment (the maps are not copied). */
function served(file: string): string {
  return readFileSync(file, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
}

/**
 * The `folio:mermaid` Vite plugin: the browser loads Mermaid as Mermaid builds it for browsers
 * (`mermaid/dist/mermaid.esm.min.mjs` and its chunks), copied into the build as files, rather than
 * bundled by Vite. `import.meta.env.FOLIO_MERMAID` is its URL, which components/mermaid-diagram.tsx
 * imports when a diagram nears the screen.
 *
 * Why: bundling Mermaid (~700 modules) was most of the browser's bundle: at 100 posts it took 2.0 of
 * the bundle's 2.6 s and raised the build's peak memory from ~780 to ~1,070 MiB, in every build,
 * for a script that only pages with diagrams load. Copying its 100 files takes milliseconds.
 */
export function folioMermaid(): Plugin {
  return {
    name: "folio:mermaid",
    config: (config) => ({
      define: { "import.meta.env.FOLIO_MERMAID": JSON.stringify(`${config.base ?? "/"}${MERMAID_FOLDER}/${ENTRY}`) },
    }),
    // The dev server serves the same files at the same URLs.
    configureServer(server) {
      const files = new Map(mermaidFiles().map(({ name, file }) => [`${server.config.base}${MERMAID_FOLDER}/${name}`, file]));
      server.middlewares.use((request, response, next) => {
        const file = files.get((request.url ?? "").split("?")[0]);
        if (!file) return next();
        response.setHeader("Content-Type", "text/javascript");
        response.end(served(file));
      });
    },
    generateBundle() {
      if (this.environment.config.consumer !== "client") return;
      for (const { name, file } of mermaidFiles())
        this.emitFile({ type: "asset", fileName: `${MERMAID_FOLDER}/${name}`, source: served(file) });
    },
  };
}
