import type { Plugin } from "vite";
import type { BuildPlan } from "./build-plan.server.ts";
import { printRelayed } from "./build-log.server.ts";
import { recordStage } from "./build-timings.server.ts";
import { viteModuleWorker } from "./vite-worker.server.ts";

// One planning thread per build, whichever asks first: the folio:plan-early plugin, or planBuild.
const shared = globalThis as { __folioPlanThread?: Promise<BuildPlan> };

/** The build's plan, from its planning thread, started at the first call. */
export function planInThread(): Promise<BuildPlan> {
  return (shared.__folioPlanThread ??= planThread());
}

/**
 * The `folio:plan-early` Vite plugin: starts planning (reading and parsing the posts) as the build
 * starts, beside Vite's bundles, rather than when React Router first asks for the pages, after
 * both. A plan that fails (a broken post) stops the build there, as before.
 */
export function folioPlanEarly(): Plugin {
  return {
    name: "folio:plan-early",
    apply: "build",
    buildStart() {
      // Its failure is reported where the plan is awaited (react-router.config.ts).
      if (this.environment.name === "client") planInThread().catch(() => {});
    },
  };
}

/**
 * Plans the build in a worker thread that ends when the plan is made. Planning reads every post,
 * builds the site and fingerprints every page; done in the build's own thread (when it also held
 * the posts' text: ~235 MB at 10,000 posts, and as much again in garbage), V8 kept all of it
 * (~400 MB of heap) until well into rendering, beside the render workers. A thread's memory goes
 * when it ends. What the plan carries is small: URLs, fingerprints and a key per post.
 */
async function planThread(): Promise<BuildPlan> {
  const started = performance.now();
  // build-plan-thread.server.ts makes the plan as it loads; the thread answers with it or with the
  // error that stops the build (a post's problems read as they would in this thread).
  const worker = await viteModuleWorker("src/build/build-plan-thread.server.ts", "parentPort.postMessage({ plan: module.plan });", {
    relayOutput: true,
  });
  try {
    const answer = await new Promise<{ plan?: BuildPlan; error?: string; name?: string }>((resolve, reject) => {
      // What the thread prints comes as messages too (build-log.server.ts).
      worker.on("message", (message) => printRelayed(message) || resolve(message));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`folio: the planning thread exited (${code}) without a plan`)));
    });
    if (answer.error !== undefined) throw Object.assign(new Error(answer.error), { name: answer.name ?? "Error" });
    recordStage("Planning (its thread, in all)", started);
    return answer.plan!;
  } finally {
    await worker.terminate();
  }
}
