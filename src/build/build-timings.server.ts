import { appendFileSync } from "node:fs";
import type { Plugin } from "vite";

/**
 * Where a build's time goes, for the benchmark (scripts/bench/build-stages.mjs): with
 * `FOLIO_TIMINGS=<file>` in the environment, each stage of the build appends one line to that file
 * when it ends, `{"stage":"Parsing posts","start":…,"end":…}` in milliseconds since the epoch, from
 * whichever thread ran it (threads inherit the environment). Without it, nothing is recorded.
 */
export function recordStage(stage: string, started: number): void {
  const file = process.env.FOLIO_TIMINGS;
  if (!file) return;
  const end = performance.timeOrigin + performance.now();
  appendFileSync(file, `${JSON.stringify({ stage, start: performance.timeOrigin + started, end })}\n`);
}

/** Records each Vite bundle (the browser's, the server's) from its start to its files written. */
export function folioStageTimings(): Plugin {
  const started = new Map<string, number>();
  return {
    name: "folio:stage-timings",
    apply: "build",
    buildStart() {
      started.set(this.environment.name, performance.now());
    },
    writeBundle() {
      const name = this.environment.name;
      recordStage(
        name === "client" ? "Vite: the browser's bundle" : `Vite: the ${name === "ssr" ? "server" : name}'s bundle`,
        started.get(name)!,
      );
    },
  };
}
