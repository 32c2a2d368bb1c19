// A cold build's memory, quicker than the whole benchmark: empties .folio-cache/ and build/, builds
// POSTS_DIR, and samples the build's process tree every 0.5 s (processes.mjs's treeMemory: summed
// RSS, summed PSS, and Chromium's share of the PSS). Prints the peaks (with each process's share of
// the RSS: the build's node, Pagefind's, Chromium's), overall and while Chromium drew diagrams, the
// stages around it, and with --timeline every sample.
//
//   node scripts/bench/build-memory.mjs POSTS_DIR [--timeline] [--warm]
//
// Run it in a copy of the project or a worktree (it deletes .folio-cache/ there); --warm keeps the caches.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectEnv, spawnGroup, treeMemory } from "./processes.mjs";

const args = process.argv.slice(2);
const corpus = args.find((arg) => !arg.startsWith("--"));
if (!corpus) throw new Error("usage: node scripts/bench/build-memory.mjs POSTS_DIR [--timeline] [--warm]");
const dir = process.cwd();
const stagesFile = path.join(tmpdir(), `folio-build-memory-${process.pid}.jsonl`);
if (!args.includes("--warm")) {
  rmSync(path.join(dir, ".folio-cache"), { recursive: true, force: true });
  rmSync(path.join(dir, "build"), { recursive: true, force: true });
}
rmSync(stagesFile, { force: true });

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const started = performance.timeOrigin + performance.now();
const child = spawnGroup("/usr/bin/time", ["-f", "%M KB %e s", "node", "scripts/react-router.mjs", "build"], {
  cwd: dir,
  env: { ...projectEnv("production"), FOLIO_POSTS: path.resolve(corpus), FOLIO_TIMINGS: stagesFile },
});
const samples = [];
const timer = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, ...treeMemory(child.pid) }), 500);
const code = await child.exited;
clearInterval(timer);
if (code !== 0) throw new Error(`the build exited with ${code}:\n${child.output()}`);

const peakOf = (list, key) => list.reduce((most, sample) => (sample[key] > most[key] ? sample : most), { rss: 0, pss: 0, chromiumPss: 0 });
const drawing = samples.filter((sample) => sample.chromiumPss > 0);
const rest = samples.filter((sample) => sample.chromiumPss === 0);
/** Each process's share of a sample's RSS, by name: `node 404 MiB, pagefind_extended 592 MiB`. */
const byName = (sample) =>
  Object.entries(sample.rssByName ?? {})
    .map(([name, bytes]) => `${name} ${mib(bytes)}`)
    .join(", ");
const describe = (list) => {
  const byRss = peakOf(list, "rss");
  const byPss = peakOf(list, "pss");
  return `RSS ${mib(byRss.rss)} (at ${byRss.at?.toFixed(1)} s: ${byName(byRss)}), PSS ${mib(byPss.pss)} (at ${byPss.at?.toFixed(1)} s, Chromium's ${mib(byPss.chromiumPss)})`;
};
console.log(`build: ${child.output().trim().split("\n").at(-1)} (/usr/bin/time: the largest single process's RSS, wall time)`);
console.log(`peak of the process tree: ${describe(samples)}`);
console.log(drawing.length ? `  while Chromium ran (${drawing.length} samples): ${describe(drawing)}` : "  Chromium never ran");
if (drawing.length) console.log(`  the rest of the build: ${describe(rest)}`);
const stages = readFileSync(stagesFile, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .filter(({ stage }) => /Planning|parse worker|Rendering|diagram|Search index/i.test(stage));
rmSync(stagesFile, { force: true });
for (const { stage, start, end } of stages)
  console.log(`  ${stage}: ${((start - started) / 1000).toFixed(1)}–${((end - started) / 1000).toFixed(1)} s`);
if (args.includes("--timeline"))
  for (const sample of samples)
    console.log(
      `${sample.at.toFixed(1)} s\tRSS ${mib(sample.rss)}\tPSS ${mib(sample.pss)}\tChromium PSS ${mib(sample.chromiumPss)}\t${byName(sample)}`,
    );
