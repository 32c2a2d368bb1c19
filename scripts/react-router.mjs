// React Router's command line (`react-router dev`, `build`, `typegen`), without one notice a Folio
// user can do nothing about. React Router 7 starts Vite servers of its own with `envFile: false`,
// which Vite 8 reports as deprecated ("The `envFile` option is deprecated, please use `envDir: false`
// instead.") up to seven times a build; React Router 8, which needs Node.js 22, passes `envDir`.
// Every other line, warnings included, is printed as it is.
//
// `build` with no other argument is first offered to Folio's posts-only build
// (src/build/posts-only-build.server.ts): when the app's code has not changed since the last build,
// it renders the posts with that build's bundles and React Router's build does not run.
// `FOLIO_FULL_BUILD=1` skips it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Rolldown, Vite's bundler, allocates with mimalloc, which by default commits its arena of 1 GiB up
// front and keeps the pages rolldown has freed: ~150-200 MiB stayed resident in the build's process
// from the bundles to the end of the build, while rolldown itself held ~20 to 50 MiB. Committed as
// used and returned when freed, the build's process peaked at 550-565 MB instead of 722-747 at 100
// posts (four builds each way), and a 10,000-post build's process held ~460 MiB instead of ~515
// while the search index was made. Parsing took the same time (1,000 posts, three pairs of builds).
// mimalloc reads these when rolldown's library loads (below); they apply to the dev server too.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= "0";
process.env.MIMALLOC_PURGE_DELAY ??= "0";

const NOTICE = "The `envFile` option is deprecated";
const warn = console.warn;
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].includes(NOTICE)) return;
  warn(...args);
};

if (process.argv.length === 3 && process.argv[2] === "build" && process.env.FOLIO_FULL_BUILD !== "1") {
  const built = await postsOnlyBuild();
  if (built) process.exit(0);
}

const require = createRequire(import.meta.url);
require(path.join(path.dirname(require.resolve("@react-router/dev/package.json")), "bin.js"));

/** Runs the posts-only build the last full build recorded, if any: true when it built the site. */
async function postsOnlyBuild() {
  let runner;
  try {
    runner = JSON.parse(readFileSync(".folio-cache/app/app.json", "utf8")).runner;
  } catch {
    return false;
  }
  // A path from the project's folder (app-cache.server.ts).
  if (typeof runner !== "string" || !existsSync(runner)) return false;
  // As React Router's command line does before it loads React.
  process.env.NODE_ENV ??= "production";
  try {
    const { postsOnlyBuild } = await import(pathToFileURL(path.resolve(runner)).href);
    return await postsOnlyBuild();
  } catch (error) {
    // As React Router's command line reports a failed build.
    console.error(error);
    process.exit(1);
  }
}
