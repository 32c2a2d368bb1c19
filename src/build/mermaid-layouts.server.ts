import { readdirSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** Mermaid's own chunks, one of which loads the ELK layout by a dynamic import of `./elk-<hash>.mjs`. */
const MERMAID_CHUNK = /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/][^\\/]+\.mjs$/;
const ELK = /^\.\/elk-[A-Z0-9]+\.mjs$/;
const DAGRE = /^dagre-[A-Z0-9]+\.mjs$/;

/**
 * The `folio:mermaid-layouts` Vite plugin: in the browser's build, Mermaid's ELK layout is its dagre
 * layout, as in Mermaid's own "tiny" build, which leaves ELK out and lays out with dagre the diagrams
 * that ask for it (`layout: elk` in their configuration).
 *
 * Why: ELK is 450 KB gzip of script, nine times dagre's, for a layout a diagram must ask for
 * (mermaid-diagram.tsx lays out with dagre). Only a page whose diagram asked would load it, but its
 * code also needs a `require` shim that Rolldown puts in the runtime chunk every page loads (+0.2 KB
 * gzip on a page without any diagram).
 */
export function folioMermaidLayouts(): Plugin {
  let redirected = false;
  return {
    name: "folio:mermaid-layouts",
    apply: "build",
    applyToEnvironment: (environment) => environment.config.consumer === "client",
    // Before Vite's own resolver, which would find the file.
    enforce: "pre",
    resolveId: {
      filter: { id: ELK },
      handler(source, importer) {
        if (!importer || !MERMAID_CHUNK.test(importer)) return null;
        const folder = path.dirname(importer);
        const dagre = readdirSync(folder).find((file) => DAGRE.test(file));
        if (!dagre) this.error(`folio:mermaid-layouts: no dagre-*.mjs beside ${importer}; update this plugin`);
        redirected = true;
        return path.join(folder, dagre);
      },
    },
    buildEnd() {
      // Mermaid loaded by a page (components/mermaid-diagram.tsx) but its ELK import not seen: a new
      // Mermaid loads ELK otherwise, and every page would carry the shim again.
      if (!redirected && [...this.getModuleIds()].some((id) => MERMAID_CHUNK.test(id)))
        this.error("folio:mermaid-layouts: Mermaid no longer imports its ELK layout as ./elk-*.mjs; update this plugin");
    },
  };
}
