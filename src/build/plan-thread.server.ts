import type { Plugin } from "vite";
import type { PlanningAnswer, PlanningOptions } from "./build-plan.server.ts";
import { printRelayed } from "./build-log.server.ts";
import { viteModuleWorker } from "./vite-worker.server.ts";

// The build's first planning thread, whichever starts it first: the folio:plan-early plugin, or planBuild.
const shared = globalThis as { __folioFirstPlanning?: Promise<PlanningAnswer> };

/** The first planning thread's answer (build-plan.server.ts): the plan, or the diagrams to draw first. */
export function firstPlanningAnswer(): Promise<PlanningAnswer> {
  return (shared.__folioFirstPlanning ??= runPlanningThread({}));
}

/**
 * The `folio:plan-early` Vite plugin: starts planning (reading and parsing the posts) as the build
 * starts, beside Vite's bundles, rather than when React Router first asks for the pages, after
 * both. A plan that fails (a broken post) stops the build where it is awaited, as before.
 */
export function folioPlanEarly(): Plugin {
  return {
    name: "folio:plan-early",
    apply: "build",
    buildStart() {
      // Its failure is reported where the plan is awaited (react-router.config.ts).
      if (this.environment.name === "client") firstPlanningAnswer().catch(() => {});
    },
  };
}

/**
 * Runs a planning thread (build-plan-thread.server.ts) to its end: its answer, or the error that
 * stops the build. Planning reads every post, builds the site and fingerprints every page; done in
 * the build's own thread (when it also held the posts' text: ~235 MB at 10,000 posts, and as much
 * again in garbage), V8 kept all of it (~400 MB of heap) until well into rendering, beside the
 * render workers. A thread's memory goes when it ends. What the plan carries is small: URLs,
 * fingerprints and a key per post.
 */
export async function runPlanningThread(options: PlanningOptions): Promise<PlanningAnswer> {
  // build-plan-thread.server.ts makes the plan as it loads; the thread answers with it or with the
  // error that stops the build (a post's problems read as they would in this thread).
  const worker = await viteModuleWorker("src/build/build-plan-thread.server.ts", "parentPort.postMessage({ plan: module.plan });", {
    relayOutput: true,
    data: { folioPlanning: options },
  });
  try {
    const answer = await new Promise<{ plan?: PlanningAnswer; error?: string; name?: string }>((resolve, reject) => {
      // What the thread prints comes as messages too (build-log.server.ts).
      worker.on("message", (message) => printRelayed(message) || resolve(message));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`folio: the planning thread exited (${code}) without a plan`)));
    });
    if (answer.error !== undefined) throw Object.assign(new Error(answer.error), { name: answer.name ?? "Error" });
    return answer.plan!;
  } finally {
    await worker.terminate();
  }
}
