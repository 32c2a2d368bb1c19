// Child processes the benchmark starts: each in a process group of its own, so that a watchdog or
// the end of a step stops it and every process it started, and nothing else.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** The environment for a real build or dev server: without Vitest's variables, which turn the React Router plugin off. */
export function projectEnv(nodeEnv) {
  const env = { ...process.env, NODE_ENV: nodeEnv };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  return env;
}

/** Groups started and not yet exited. */
const liveGroups = new Set();

/**
 * Spawns a command as the leader of a new process group; `signal` aborting stops the group.
 * Keeps the last 4,000 characters of its output in `child.output()`.
 */
export function spawnGroup(command, args, { cwd, env, signal }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.output = () => output;
  liveGroups.add(child);
  // "close", not "exit": the last of the output (a build's error) may still be in the pipes at "exit".
  child.exited = new Promise((resolve) =>
    child.on("close", (code, killedBy) => {
      liveGroups.delete(child);
      resolve(code ?? killedBy);
    }),
  );
  signal?.addEventListener("abort", () => stopGroup(child), { once: true });
  return child;
}

/** Stops a group started by spawnGroup: SIGTERM, then SIGKILL if it is still there after 5 s. */
export async function stopGroup(child) {
  if (!liveGroups.has(child)) return; // it and everything holding its output have ended
  const signalGroup = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // the group is already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5000);
  await child.exited;
  clearTimeout(timer);
}

/** Kills every group still running, at once and synchronously: for when the benchmark itself is stopped. */
export function stopEveryGroup() {
  for (const child of liveGroups) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // it ended already
    }
  }
}

/** The ids of a process and its descendants, from /proc. */
function processTree(pid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (candidate) => {
    for (let current = candidate; current > 1; current = parents.get(current) ?? 0) if (current === pid) return true;
    return false;
  };
  return [...parents.keys()].filter(inTree);
}

/** A kilobyte figure of a /proc file (`VmRSS:`, `Pss:`), in bytes; 0 when the process ended while we looked. */
function procKb(file, field) {
  try {
    const found = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(file, "utf8"));
    return found ? Number(found[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its descendants, from /proc, in bytes. */
export function treeRss(pid) {
  return processTree(pid).reduce((total, member) => total + procKb(`/proc/${member}/status`, "VmRSS"), 0);
}

/**
 * A process tree's memory, in bytes, two ways. `rss`, the sum of each process's resident memory,
 * counts a page shared by several processes once in each (Chromium's processes share most of their
 * code and fonts): it overstates what the tree uses. `pss`, the sum of proportional set sizes
 * (/proc/<pid>/smaps_rollup), counts a shared page once, split between its processes: what the tree
 * adds to the machine's memory. `chromiumRss` and `chromiumPss` are the parts of each in Chromium's
 * processes; `rssByName`, the RSS by process name (`node`, `pagefind_extended`, `chromium`).
 */
export function treeMemory(pid) {
  const memory = { rss: 0, pss: 0, chromiumRss: 0, chromiumPss: 0, rssByName: {} };
  for (const member of processTree(pid)) {
    const resident = procKb(`/proc/${member}/status`, "VmRSS");
    const proportional = procKb(`/proc/${member}/smaps_rollup`, "Pss");
    memory.rss += resident;
    memory.pss += proportional;
    const name = procName(member);
    if (/chrom/i.test(name)) {
      memory.chromiumRss += resident;
      memory.chromiumPss += proportional;
    }
    // Which process holds what (node: the build and its threads; pagefind_extended; chromium).
    const kind = /chrom/i.test(name) ? "chromium" : name || "?";
    memory.rssByName[kind] = (memory.rssByName[kind] ?? 0) + resident;
  }
  return memory;
}

function procName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/**
 * Production build of a project, as `npm run build` runs it (a posts-only build when the project's
 * last build left its app and the code has not changed: src/build/posts-only-build.server.ts), with
 * `env` added: wall time in seconds and peak resident memory of its process tree in bytes.
 */
export function build(dir, signal, env = {}) {
  return timedRun("npm run build", "node", ["scripts/react-router.mjs", "build"], {
    cwd: dir,
    env: { ...projectEnv("production"), ...env },
    signal,
  });
}

/**
 * A build as `build` runs it, with where its time went: each stage the build recorded
 * (src/build/build-timings.server.ts), grouped by name, as seconds from the build's start to the
 * stage's first start and last end, with how many times it ran and their summed time (worker
 * threads run side by side, so a stage's sum can exceed its span).
 */
export async function buildWithStages(dir, signal, env = {}) {
  const file = path.join(dir, ".folio-build-stages.jsonl");
  rmSync(file, { force: true });
  const started = performance.timeOrigin + performance.now();
  const result = await build(dir, signal, { ...env, FOLIO_TIMINGS: file });
  const stages = new Map();
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const { stage, start, end } = JSON.parse(line);
    const entry = stages.get(stage) ?? { stage, from: Infinity, to: 0, runs: 0, sum: 0 };
    entry.from = Math.min(entry.from, (start - started) / 1000);
    entry.to = Math.max(entry.to, (end - started) / 1000);
    entry.runs++;
    entry.sum += (end - start) / 1000;
    stages.set(stage, entry);
  }
  return { ...result, stages: [...stages.values()].sort((a, b) => a.from - b.from) };
}

/**
 * Runs a command to its end: wall time in seconds, and the peak memory of its process tree in bytes
 * (sampled every 200 ms; see treeMemory): `peak`, of summed resident memory, and `peakPss`, of summed
 * proportional set sizes. Throws with its output if it fails. `name` names it in that error.
 */
export async function timedRun(name, command, args, options) {
  const started = performance.now();
  const child = spawnGroup(command, args, options);
  let peak = 0;
  let peakPss = 0;
  const timer = setInterval(() => {
    const { rss, pss } = treeMemory(child.pid);
    peak = Math.max(peak, rss);
    peakPss = Math.max(peakPss, pss);
  }, 200);
  const code = await child.exited;
  clearInterval(timer);
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${child.output()}`);
  return { seconds: (performance.now() - started) / 1000, peak, peakPss, output: child.output() };
}

/** `npm run check` in a built project (its parse cache warm): wall time in seconds, and the problems it counted. */
export async function check(dir, signal) {
  const started = performance.now();
  const child = spawnGroup("node", ["scripts/check.mjs"], { cwd: dir, env: projectEnv("production"), signal });
  const code = await child.exited;
  // 1 means the posts have errors; anything else is the check itself failing.
  if (code !== 0 && code !== 1) throw new Error(`npm run check exited with ${code}:\n${child.output()}`);
  return { seconds: (performance.now() - started) / 1000, summary: child.output().trim().split("\n").at(-1) };
}

/** Total size and number of files under a folder. */
export function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const stat = statSync(path.join(dir, entry));
    if (stat.isFile()) {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
