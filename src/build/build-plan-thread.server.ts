// The planning thread's entry (build-plan.server.ts). Vite's `runnerImport` closes its module runner
// once the import is done, and planning loads the routes' modules as it goes (page-cache.server.ts):
// so the plan is made while this module loads.
import { workerData } from "node:worker_threads";
import { makeBuildPlan, type PlanningOptions } from "./build-plan.server";

export const plan = await makeBuildPlan((workerData as { folioPlanning?: PlanningOptions }).folioPlanning);
