import { reactRouter } from "@react-router/dev/vite";
import { configDefaults, defineConfig } from "vitest/config";
import { folioAppCache } from "./src/build/app-cache.server.ts";
import { folioStageTimings } from "./src/build/build-timings.server.ts";
import { folioPosts } from "./src/build/posts-plugin.server.ts";
import { folioIslandChunk } from "./src/build/island-chunk.server.ts";
import { folioMermaid } from "./src/build/mermaid-static.server.ts";
import { folioPlanEarly } from "./src/build/plan-thread.server.ts";
import { folioPrerender } from "./src/build/prerender-workers.server.ts";
import { folioViteLogger } from "./src/build/vite-logger.server.ts";
import { woff2FontsOnly } from "./src/build/woff2-fonts.server.ts";
import { basePath } from "./src/site-config.ts";

/** Browser and build tests: the production site built once (global-setup.ts), and scratch projects. */
const E2E = {
  include: ["tests/e2e/**/*.test.ts"],
  environment: "node",
  globalSetup: ["tests/e2e/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 120_000,
};
/** Tests that run with no other test file beside them. */
const ALONE = ["tests/e2e/dev-server.test.ts"];

export default defineConfig({
  base: basePath,
  // React Router's plugin builds the app; Vitest renders components on its own.
  plugins: process.env.VITEST
    ? []
    : [
        folioStageTimings(),
        folioPlanEarly(),
        folioPosts(),
        folioIslandChunk(),
        folioMermaid(),
        folioPrerender(),
        folioAppCache(),
        reactRouter(),
      ],
  // Fonts as WOFF2 only: the math style sheet's (KaTeX's) other formats would be copied into the build unused.
  css: { postcss: { plugins: [woff2FontsOnly()] } },
  // Vite's output, above Folio's progress, without React Router's line per file written (FOLIO_VERBOSE=1 shows them).
  customLogger: folioViteLogger(),
  // The browser's dependencies, pre-bundled by the dev server: React, React DOM and React Router
  // (React Router's own `optimizeDeps.include`), and react-markdown, whose URL filter paths.ts uses.
  // Left to discover them, Vite's dev server also found the build-only packages behind the route
  // modules (front-matter, postcss, unified, …), pre-bundled them at the first page and reloaded it.
  // A browser dependency added later goes here. (Mermaid is not one: the browser loads Mermaid's own
  // build, copied as files: build/mermaid-static.server.ts.)
  optimizeDeps: { noDiscovery: true, include: ["react-markdown"] },
  // build/ is kept from one build to the next: unchanged pages stay in place, and the build deletes
  // what it did not write itself (src/build/page-cache.server.ts). Emptying it took ~6 s at 10,000 posts.
  build: {
    emptyOutDir: false,
    // A font stays a file of its own, fetched only by a page whose text needs it: inlined in the style
    // sheet (Vite's default below 4 KB; one of KaTeX's fonts), every page with math would carry it.
    assetsInlineLimit: (file) => (file.endsWith(".woff2") ? false : undefined),
    // Planning and prerendering run in React Router's and Folio's plugin hooks by design: they are
    // most of a large build's time, which Rolldown would report after each build as slow plugins.
    // The server bundle renders every page, so it holds the article and the islands (src/shortcodes/
    // islands.ts) that the browser's bundle loads lazily: Rolldown's notice that those lazy imports
    // change nothing there is expected, and nothing for an author to act on.
    rolldownOptions: { checks: { bundlerTimings: false, ineffectiveDynamicImport: false } },
  },
  // The browser's bundle: React, React DOM and React Router, which every page runs, in one chunk. Left
  // to itself, Rolldown splits them by which entries import them, and the islands' article (an entry
  // of its own, island-chunk.server.ts) imports React alone: every page then loaded React Router as
  // a chunk apart, ~0.3 KB gzip more.
  environments: {
    client: {
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: { groups: [{ name: "react", test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }] },
          },
        },
      },
    },
  },
  test: {
    // Two test files at a time (Vitest's default on two cores is one): most of a browser test is
    // waiting, for a page's network, a build's subprocess, Chromium.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // A module's own test sits beside it (the Markdown pipeline's plugins); the rest are in tests/.
          include: ["src/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}", "tests/conformance/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["tests/unit/setup.ts"],
        },
      },
      {
        extends: true,
        test: { ...E2E, name: "e2e", exclude: [...configDefaults.exclude, ...ALONE] },
      },
      {
        extends: true,
        // The dev server's tests wait for its file watcher and its reloads within set times: they run
        // alone, after the rest (in the fourth of four runs beside a build, two of them timed out).
        test: { ...E2E, name: "e2e-alone", include: ALONE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
