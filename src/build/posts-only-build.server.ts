import { KEPT_SERVER_DIR, reusableApp } from "./app-cache.server";
import { print } from "./build-log.server";
import { planBuild } from "./build-plan.server";
import { finishBuild } from "./finish-build.server";
import { CLIENT_DIR } from "./page-cache.server";
import { renderAllInWorkers } from "./prerender-workers.server";
import { indexBeforeRendering } from "./search-index.server";

/**
 * A posts-only build: when the app's code is what the last full build bundled and build/client
 * still holds that build's scripts (app-cache.server.ts), `npm run build` renders the posts with the
 * kept server bundle instead of starting Vite and React Router's build: planning, rendering in
 * workers, the search index and the end of the build are the full build's own, and the output is
 * the same, byte for byte. Returns false, having done nothing, when the app must be bundled again
 * (scripts/react-router.mjs then runs React Router's build). `FOLIO_FULL_BUILD=1` always bundles.
 */
export async function postsOnlyBuild(): Promise<boolean> {
  const app = reusableApp(CLIENT_DIR);
  if (!app) return false;
  // What build-started.server.ts compares files with (the folio:posts plugin records it in a full build).
  (globalThis as { __folioBuildStarted?: number }).__folioBuildStarted = Date.now();
  print("folio: the app's code is unchanged since the last build: its bundles are reused (FOLIO_FULL_BUILD=1 bundles it again)");
  const plan = await planBuild();
  // As in a full build (prerender-workers.server.ts); finishBuild waits for it.
  await indexBeforeRendering();
  await renderAllInWorkers(plan.pages.render, plan.posts, KEPT_SERVER_DIR);
  await finishBuild(CLIENT_DIR, app);
  return true;
}
