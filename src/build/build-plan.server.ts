import type { ContentWarning } from "../content/parse-post.server";
import type { CachedPostFile } from "./parse-cache.server";
import { followPlan, planPages, type PagePlan } from "./page-cache.server";
import {
  buildFromCache,
  drawBuildDiagrams,
  getSite,
  keyPostsForBuild,
  missingSiteDiagrams,
  prerenderPaths,
  siteDiagramWarnings,
} from "./site.server";
import type { DrawingResult } from "./diagrams.server";
import { recordStage } from "./build-timings.server";
import { firstPlanningAnswer, runPlanningThread } from "./plan-thread.server";

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
 * The build's plan, made once per build (in threads of their own: planBuildInWorker). From then on,
 * this thread builds its sites from the parse cache, as the render workers do.
 */
export function planBuild(): Promise<BuildPlan> {
  return (shared.__folioBuildPlan ??= planBuildInWorker().then((plan) => {
    followPlan(plan.pages);
    buildFromCache(plan.posts);
    return plan;
  }));
}

/**
 * Plans the build in worker threads that end when the plan is made (plan-thread.server.ts). The
 * first starts with the build (the folio:plan-early plugin).
 *
 * Diagrams the cache lacks are drawn between two planning threads: the first parses the posts (into
 * the parse cache) and answers with the diagrams to draw; this thread draws them in Chromium
 * (diagrams.server.ts) once the first has ended; a second thread reads the posts from the cache and
 * makes the plan. Chromium (~400 MiB) then runs beside Vite's thread alone, not beside a thread
 * holding the whole site: in the planning thread, a 100-post build peaked at 1,104 MiB PSS.
 */
async function planBuildInWorker(): Promise<BuildPlan> {
  const started = performance.now();
  let answer = await firstPlanningAnswer();
  if ("draw" in answer) {
    const drawing = await drawBuildDiagrams(answer.draw);
    answer = await runPlanningThread({ drawing });
  }
  if ("draw" in answer) throw new Error("folio: the planning thread asked for its diagrams to be drawn twice");
  recordStage("Planning (its thread, in all)", started);
  return answer;
}

/** What a planning thread is told: whether this build has drawn its diagrams, and what came of it. */
export interface PlanningOptions {
  drawing?: DrawingResult;
}

/** A planning thread's answer: the plan, or the diagrams to draw before it is made. */
export type PlanningAnswer = BuildPlan | { draw: string[] };

/**
 * In the planning thread: parses what the cache lacks, lists the URLs and decides which pages to
 * render. When the diagram cache lacks some of the site's diagrams and this build has not drawn them
 * yet (`options.drawing`), answers with them instead, for the build's thread to draw.
 */
export async function makeBuildPlan(options: PlanningOptions = {}): Promise<PlanningAnswer> {
  const { posts, skipped } = await keyPostsForBuild();
  if (!options.drawing) {
    const draw = missingSiteDiagrams();
    if (draw.length > 0) return { draw };
  }
  // Before the pages' fingerprints, which say whether each diagram is drawn.
  const diagramWarnings = siteDiagramWarnings(options.drawing);
  const urls = prerenderPaths();
  return { urls, pages: await planPages(urls), posts, warnings: [...getSite().warnings, ...skipped, ...diagramWarnings] };
}
