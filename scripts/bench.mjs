// The benchmark: for each corpus size N, builds a copy of Folio with N generated posts plus the real
// sample post, serves the build on 127.0.0.1, measures pages in headless Chromium and with Lighthouse,
// rebuilds after editing one post, times the dev server, and writes bench/results.md. Usage:
//   npm run bench -- [--counts 100,1000,10000] [--loads 3] [--out bench/results.md] [--no-lighthouse] [--extras]
//   npm run bench -- --extras    # shortcodes, math, mermaid, alerts and highlight options in about half the posts
//   npm run bench -- --edits 1000  # saves in the dev server's day of editing (default 1,000; 100 with --smoke)
//   npm run bench -- --smoke     # CI: 100 posts, one load, results to a temp file; fails if a figure is missing
// Medians of --loads page loads, rebuilds and dev-server starts; one cold build per N (minutes at
// large N on this 2-core machine).
// Exits non-zero when a step fails or times out; the other figures are still written.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  appendToPost,
  cacheFolders,
  checkGenerator,
  corpusProject,
  MATH_POST,
  CODE_POST,
  postInEveryCorpus,
  SAMPLE_POST,
  SHORTCODE_POST,
} from "./bench/corpus.mjs";
import { editingDay, editToVisible, startDevServer } from "./bench/dev-server.mjs";
import { findHugo, hugoBuild, hugoSite } from "./bench/hugo.mjs";
import { launchLighthouseChromium, lighthouseScores } from "./bench/lighthouse.mjs";
import { KINDS, loadPage, nextPostNavigation, serveLikeStaticHost } from "./bench/pages.mjs";
import { buildWithStages, check, folderSize, stopEveryGroup } from "./bench/processes.mjs";
import { LIGHTHOUSE_PAGES, missingFigures, resultsMarkdown, searchStage } from "./bench/report.mjs";
import { searchIndexSize, searchTimings } from "./bench/search.mjs";
import { CHROMIUM_FLAGS, launchChromium } from "./chromium.mjs";
import { ensureChromium } from "./find-chromium.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

const options = readOptions();
// Before anything starts: without the generator there is no corpus to measure.
try {
  checkGenerator();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(1);
}
const failures = [];
let currentCount;
let currentDir; // the corpus project being measured, removed even if the benchmark is stopped

/**
 * Command-line options; --smoke changes the defaults to a quick run that writes to a temp file, and
 * --extras the corpus, to compare what shortcodes cost against a run without.
 */
function readOptions() {
  const { values } = parseArgs({
    options: {
      counts: { type: "string" },
      loads: { type: "string" },
      out: { type: "string" },
      smoke: { type: "boolean", default: false },
      "no-lighthouse": { type: "boolean", default: false },
      extras: { type: "boolean", default: false },
      edits: { type: "string" },
    },
  });
  const { smoke } = values;
  const counts = (values.counts ?? (smoke ? "100" : "100,1000,10000"))
    .split(",")
    .map(Number)
    .sort((a, b) => a - b);
  if (counts.some((count) => !Number.isInteger(count) || count < 11))
    throw new Error("--counts: whole numbers of posts, each at least 11 (page 2 must exist), e.g. --counts 100,1000");
  const loads = Number(values.loads ?? (smoke ? "1" : "3"));
  if (!Number.isInteger(loads) || loads < 1) throw new Error("--loads: a whole number of page loads, at least 1");
  const out = values.out
    ? path.resolve(ROOT, values.out)
    : smoke
      ? path.join(mkdtempSync(path.join(tmpdir(), "folio-bench-smoke-")), "results.md")
      : path.join(ROOT, "bench/results.md");
  const edits = Number(values.edits ?? (smoke ? "100" : "1000"));
  if (!Number.isInteger(edits) || edits < 20) throw new Error("--edits: how many saves the dev server's day of editing makes, at least 20");
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, "");
  return { counts, loads, out, smoke, lighthouse: !values["no-lighthouse"], extras: values.extras, edits, command };
}

/** A watchdog that grows with the corpus: a 10,000-post build may take many minutes, never 30. */
const scaledLimit = (count) => Math.max(180, count * 0.18);

/**
 * Runs one measured step under a watchdog of `limitSeconds`. A step that throws or overruns is
 * recorded as failed and gives undefined, so the run goes on and the other figures are still written;
 * `work` gets an AbortSignal that fires on overrun, to stop what it started.
 */
async function step(name, limitSeconds, work) {
  console.log(`bench:   ${name}`);
  const started = performance.now();
  const controller = new AbortController();
  let timer;
  const overrun = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`took over ${limitSeconds} s`);
      controller.abort(error);
      reject(error);
    }, limitSeconds * 1000);
  });
  try {
    const figure = await Promise.race([work(controller.signal), overrun]);
    console.log(`bench:   ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return figure;
  } catch (error) {
    console.error(`bench:   ${name} failed: ${error.message}`);
    failures.push({ count: currentCount, step: name, message: error.message });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

/** The pages measured at every N, by the name the results use: each is the same page at every N. */
function pagesToMeasure(generated) {
  return {
    home: "/",
    "sample post": `/posts/${SAMPLE_POST.slug}/`,
    "shortcode post": `/posts/${SHORTCODE_POST.slug}/`,
    "math post": `/posts/${MATH_POST.slug}/`,
    "code post": `/posts/${CODE_POST.slug}/`,
    "generated post": `/posts/${generated.slug}/`,
    // `ai` is the sample post's first tag and the corpus's most common one: a full list at every N.
    tag: "/tags/ai/",
    "page 2": "/page/2/",
  };
}

/** Loads a page `loads` times; the median of each figure, or undefined if every load failed. */
async function measurePage(browser, origin, name, pagePath) {
  const runs = [];
  for (let run = 1; run <= options.loads; run++) {
    const measured = await step(`load ${name} (${run}/${options.loads})`, 60, (signal) => loadPage(browser, origin + pagePath, signal));
    if (measured)
      runs.push({
        ...measured.bytes,
        total: KINDS.reduce((sum, kind) => sum + measured.bytes[kind], 0),
        requests: measured.requests,
        fcp: measured.fcp,
        search: measured.searchBytes,
      });
  }
  if (!runs.length) return undefined;
  const figures = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]));
  return { path: pagePath, ...figures };
}

/**
 * Lighthouse `loads` times on a page; the run with the median Performance score, whole (scores and
 * audits from one run, as Lighthouse advises), or undefined if every run failed.
 */
async function measureLighthouse(port, origin, name, pagePath) {
  const runs = [];
  for (let run = 1; run <= options.loads; run++) {
    const measured = await step(`Lighthouse ${name} (${run}/${options.loads})`, 180, () => lighthouseScores(origin + pagePath, port));
    if (measured) runs.push(measured);
  }
  runs.sort((a, b) => a.scores.performance - b.scores.performance);
  return runs[Math.floor((runs.length - 1) / 2)];
}

/** Everything measured on the served production build: page loads, navigation, Lighthouse. */
async function measureBuiltSite(dir, result, { browser, lighthouseBrowser, pages }) {
  const host = await serveLikeStaticHost(path.join(dir, "build/client"));
  try {
    for (const [name, pagePath] of Object.entries(pages)) result.pages[name] = await measurePage(browser, host.origin, name, pagePath);
    const navigations = [];
    for (let run = 1; run <= options.loads; run++) {
      const measured = await step(`next-post navigation (${run}/${options.loads})`, 60, (signal) =>
        nextPostNavigation(browser, host.origin + pages["generated post"], signal),
      );
      if (measured !== undefined) navigations.push(measured);
    }
    result.navigation = navigations.length ? median(navigations) : undefined;
    const searches = [];
    for (let run = 1; run <= options.loads; run++) {
      const measured = await step(`search: first query and next keystrokes (${run}/${options.loads})`, 60, (signal) =>
        searchTimings(browser, host.origin, signal),
      );
      if (measured) searches.push(measured);
    }
    if (searches.length)
      result.search = {
        query: searches[0].query,
        found: searches[0].found,
        firstMs: median(searches.map((run) => run.first.ms)),
        firstRuns: searches.map((run) => run.first.ms),
        firstBytes: median(searches.map((run) => run.first.bytes)),
        firstFiles: median(searches.map((run) => run.first.files)),
        nextMs: median(searches.flatMap((run) => run.next.map((keystroke) => keystroke.ms))),
        nextRuns: searches.flatMap((run) => run.next.map((keystroke) => keystroke.ms)),
        nextBytes: median(searches.flatMap((run) => run.next.map((keystroke) => keystroke.bytes))),
      };
    if (lighthouseBrowser) {
      result.lighthouse = {};
      for (const name of LIGHTHOUSE_PAGES)
        result.lighthouse[name] = await measureLighthouse(lighthouseBrowser.port, host.origin, name, pages[name]);
    }
  } finally {
    await host.close();
  }
}

/**
 * Dev server start-up, then edits to the sample post timed until the open page shows each (the
 * median of `loads` edits). The first start in a folder also has Vite optimise the dependencies
 * (once per install); "ready" is the median of `loads` starts after it, as every start after the first.
 */
async function measureDevServer(dir, result, { browser }) {
  const first = await step("dev server first start", scaledLimit(result.count), (signal) => startDevServer(dir, signal));
  if (!first) return;
  await first.stop();
  const starts = [];
  let server; // the last start, left running for the edits
  for (let run = 1; run <= options.loads; run++) {
    await server?.stop();
    server = await step(`dev server ready (${run}/${options.loads})`, scaledLimit(result.count), (signal) => startDevServer(dir, signal));
    if (server) starts.push(server);
  }
  if (starts.length) {
    const ready = starts.map((start) => start.readyMs);
    const listening = starts.map((start) => start.listeningMs).filter(Number.isFinite);
    result.dev = {
      firstReadyMs: first.readyMs,
      readyMs: median(ready),
      readyRuns: ready,
      listeningMs: listening.length ? median(listening) : undefined,
    };
  }
  if (!server) return;
  try {
    // Saves in place, then as most editors save (a new file renamed over the old one), each timed to the open page.
    for (const byRename of [false, true]) {
      const edits = [];
      for (let run = 1; run <= options.loads; run++) {
        const edit = await step(`dev server: edit visible${byRename ? ", saved by rename" : ""} (${run}/${options.loads})`, 60, (signal) =>
          editToVisible(browser, server.origin, { ...SAMPLE_POST, dir }, signal, { byRename }),
        );
        if (edit) edits.push(edit);
      }
      const visible = edits.map((edit) => edit.visibleMs);
      if (!edits.length) continue;
      const reloaded = edits.some((edit) => edit.reloaded);
      Object.assign(
        result.dev,
        byRename
          ? { renameVisibleMs: median(visible), renameVisibleRuns: visible, renameReloaded: reloaded }
          : { visibleMs: median(visible), visibleRuns: visible, reloaded },
      );
    }
    // A day of editing: the dev server's memory at rest after its first saves and after the last
    // (two minutes without edits each; seconds in the smoke run, which only checks that it is measured).
    const restSeconds = options.smoke ? 5 : 120;
    const day = await step(
      `dev server: ${options.edits.toLocaleString("en")} saves`,
      scaledLimit(result.count) + options.edits + 2 * restSeconds,
      (signal) => editingDay(server, { ...SAMPLE_POST, dir }, { edits: options.edits, restSeconds }, signal),
    );
    if (day) result.dev.day = day;
  } finally {
    await server.stop();
  }
}

/** One corpus size, from generating the posts to stopping the dev server. */
async function benchmarkCorpus(count, context) {
  currentCount = count;
  console.log(`bench: ${count} posts`);
  const result = { count, pages: Object.fromEntries(Object.keys(context.pages).map((name) => [name, undefined])) };
  const dir = await step("generate the corpus", scaledLimit(count), async () => corpusProject(count, { extras: options.extras }));
  if (!dir) return result;
  currentDir = dir;
  try {
    result.build = await step("build", scaledLimit(count), (signal) => buildWithStages(dir, signal));
    if (!result.build) return result;
    // The yardstick, right after: Hugo's cold build of the same posts.
    if (context.hugo)
      result.hugo = await step(`Hugo ${context.hugo}: cold build of the same posts`, scaledLimit(count), (signal) =>
        hugoBuild(hugoSite(dir), signal),
      );
    result.output = folderSize(path.join(dir, "build/client"));
    result.searchIndex = searchIndexSize(path.join(dir, "build/client"));
    result.check = await step("npm run check, parse cache warm", scaledLimit(count), (signal) => check(dir, signal));
    await measureBuiltSite(dir, result, context);
    // The common deploy: one post edited, the code not. Each posts-only rebuild is paired with the
    // same rebuild bundling the app again (FOLIO_FULL_BUILD=1), to show what not bundling saves.
    const rebuilds = [];
    const fullRebuilds = [];
    for (let run = 1; run <= options.loads; run++) {
      for (const [list, env, name] of [
        [rebuilds, {}, "rebuild after editing one post"],
        [fullRebuilds, { FOLIO_FULL_BUILD: "1" }, "the same, bundling the app"],
      ]) {
        const rebuilt = await step(`${name} (${run}/${options.loads})`, scaledLimit(count), (signal) => {
          appendToPost(dir, SAMPLE_POST.file, `Edited by the benchmark at ${new Date().toISOString()}: one more line to rebuild.`);
          // With its stages, for the search index's share of it, and whether Vite ran.
          return buildWithStages(dir, signal, env);
        });
        if (rebuilt) list.push(rebuilt);
      }
    }
    if (rebuilds.length) {
      const runs = rebuilds.map((rebuilt) => rebuilt.seconds);
      const indexing = rebuilds.map((rebuilt) => searchStage(rebuilt)?.sum).filter((value) => value !== undefined);
      result.rebuild = {
        seconds: median(runs),
        runs,
        peak: Math.max(...rebuilds.map((rebuilt) => rebuilt.peak)),
        // A posts-only build runs no Vite bundle (src/build/posts-only-build.server.ts).
        bundled: rebuilds.some((rebuilt) => rebuilt.stages.some(({ stage }) => stage.startsWith("Vite:"))),
        peakPss: Math.max(...rebuilds.map((rebuilt) => rebuilt.peakPss)),
        ...(indexing.length && { searchSeconds: median(indexing) }),
      };
    }
    if (fullRebuilds.length) {
      const runs = fullRebuilds.map((rebuilt) => rebuilt.seconds);
      result.fullRebuild = {
        seconds: median(runs),
        runs,
        peak: Math.max(...fullRebuilds.map((rebuilt) => rebuilt.peak)),
        peakPss: Math.max(...fullRebuilds.map((rebuilt) => rebuilt.peakPss)),
      };
    }
    await measureDevServer(dir, result, context);
    result.caches = cacheFolders(dir);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    currentDir = undefined;
  }
}

// Detached builds, dev servers and Chromium are not in our process group: stop them if we are stopped.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
process.on("exit", () => {
  stopEveryGroup();
  if (currentDir) rmSync(currentDir, { recursive: true, force: true });
});

const browser = await launchChromium();
const lighthouseBrowser = options.lighthouse
  ? await step("start Chromium for Lighthouse", 60, () => launchLighthouseChromium(ensureChromium(), CHROMIUM_FLAGS))
  : undefined;
const pages = pagesToMeasure(postInEveryCorpus());
const hugo = findHugo();
const results = [];
/** The results so far, written after each corpus: a run stopped at 10,000 posts keeps the smaller ones'. */
const writeResults = () => {
  const markdown = resultsMarkdown({
    results,
    failures,
    command: options.command,
    loads: options.loads,
    lighthouse: options.lighthouse,
    extras: options.extras,
  });
  writeFileSync(options.out, markdown);
  return markdown;
};
try {
  for (const count of options.counts) {
    results.push(await benchmarkCorpus(count, { browser, lighthouseBrowser, pages, hugo }));
    writeResults();
  }
} finally {
  await browser.close();
  await lighthouseBrowser?.close();
}

console.log(writeResults());
console.log(`bench: results written to ${options.out}`);

const missing = results.flatMap((result) => missingFigures(result, options));
if (failures.length || missing.length) {
  console.error(`bench: ${failures.length} step(s) failed; missing figures:\n${missing.map((name) => `  ${name}`).join("\n") || "  none"}`);
  process.exitCode = 1;
}
