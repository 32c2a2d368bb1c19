import type { ContentWarning } from "../content/parse-post.server";
import type { CachedPostFile } from "./parse-cache.server";
import { followPlan, planPages, type PagePlan } from "./page-cache.server";
import { buildFromCache, drawSiteDiagrams, getSite, keyPostsForBuild, prerenderPaths } from "./site.server";
import { planInThread } from "./plan-thread.server";

/** What a build renders, decided before React Router renders anything (react-router.config.ts). */
export interface BuildPlan {
  /** Every URL of the site. */
  urls: string[];
  /** Which of them to render, which to keep from the last build (page-cache.server.ts). */
  pages: PagePlan;
  /** Every post by its parse-cache key, for the sites built after planning (site.server.ts's `siteFromCache`). */
  posts: CachedPostFile[];
  /** The authors' warnings, printed with the build's summary. */
  warnings: ContentWarning[];
}

// React Router asks for the URLs more than once in a build, and buildEnd wants them too.
const shared = globalThis as { __folioBuildPlan?: Promise<BuildPlan> };

/**
 * The build's plan, made once per build (in a thread of its own: plan-thread.server.ts). From then on,
 * this thread builds its sites from the parse cache, as the render workers do.
 */
export function planBuild(): Promise<BuildPlan> {
  return (shared.__folioBuildPlan ??= planInThread().then((plan) => {
    followPlan(plan.pages);
    buildFromCache(plan.posts);
    return plan;
  }));
}

/** In the planning thread: parses what the cache lacks, lists the URLs and decides which pages to render. */
export async function makeBuildPlan(): Promise<BuildPlan> {
  const { posts, skipped } = await keyPostsForBuild();
  // Before the pages' fingerprints, which say whether each diagram is drawn.
  const diagramWarnings = await drawSiteDiagrams();
  const urls = prerenderPaths();
  return { urls, pages: await planPages(urls), posts, warnings: [...getSite().warnings, ...skipped, ...diagramWarnings] };
}
