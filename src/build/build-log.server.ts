import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { ContentWarning } from "../content/parse-post.server";

/**
 * What a build and the dev server print: results of each step, progress while a long step runs, the
 * authors' warnings grouped together, and a summary at the end of a build.
 *
 * Progress is a bar redrawn in place on a terminal, and a plain line every 10 s elsewhere (CI logs,
 * pipes). A build loads these modules more than once in one process (the config, then the server
 * bundle): the state lives on globalThis. The planning thread has no terminal of its own: what it
 * prints is sent to the build's thread, which prints it (`relayOutput` of viteModuleWorker).
 */
interface OutputState {
  /** Messages printed once per process, by key. */
  printed: Set<string>;
  /** The step whose progress is shown, if any. */
  progress?: ProgressState;
  /** The last progress line drawn on the terminal, erased before anything else is printed. */
  drawn: boolean;
}

interface ProgressState {
  label: string;
  total: number;
  done: number;
  /** performance.now() at the start, and at the last line or bar. */
  started: number;
  shown: number;
}

const state: OutputState = ((globalThis as { __folioOutput?: OutputState }).__folioOutput ??= { printed: new Set(), drawn: false });

/** A message the planning thread sends its parent to print (see `printRelayed`). */
export interface RelayedOutput {
  folioOutput:
    { message: string; warn: boolean; key?: string } | { progress: { label: string; total: number; done: number; elapsed: number } | null };
}

const relay = !isMainThread && (workerData as { folioRelayOutput?: boolean } | null)?.folioRelayOutput ? parentPort : null;
/** A terminal that can redraw a line: not CI's log, a pipe or a dumb terminal. */
const interactive = !relay && Boolean(process.stdout.isTTY) && !process.env.CI && process.env.TERM !== "dumb";
/** How long a step runs before its progress shows, and how often a plain progress line is printed. */
const FIRST_SHOWN_MS = 250;
const LINE_EVERY_MS = 10_000;
const BAR_EVERY_MS = 100;

/**
 * Prints `message` once per process under `key` (the message itself by default), above any progress
 * bar. A build may plan in two threads, one after the other (build-plan.server.ts): what either
 * prints once is printed once.
 */
export function logOnce(message: string, { key = message, warn = false } = {}): void {
  if (state.printed.has(key)) return;
  state.printed.add(key);
  if (relay) relay.postMessage({ folioOutput: { message, warn, key } } satisfies RelayedOutput);
  else print(message, warn);
}

/** Prints a line, above the progress bar on a terminal; in the planning thread, through the build's thread. */
export function print(message: string, warn = false): void {
  if (relay) {
    relay.postMessage({ folioOutput: { message, warn } } satisfies RelayedOutput);
    return;
  }
  aboveProgress(() => (warn ? console.warn : console.info)(message));
}

/** Runs `write`, which prints, with the progress bar erased first and drawn again after. */
export function aboveProgress(write: () => void): void {
  eraseBar();
  write();
  drawBar();
}

/** Prints, in the build's thread, what the planning thread sent; false for any other message. */
export function printRelayed(message: unknown): boolean {
  const output = (message as Partial<RelayedOutput> | null)?.folioOutput;
  if (!output) return false;
  if ("message" in output) {
    if (output.key === undefined) print(output.message, output.warn);
    else logOnce(output.message, { key: output.key, warn: output.warn });
  } else if (output.progress === null) endProgress();
  else {
    // Each thread has a clock of its own: the step's start is sent as the time since.
    const { label, total, done, elapsed } = output.progress;
    showProgress(label, total, done, performance.now() - elapsed);
  }
  return true;
}

/** Work counted as it is done, e.g. posts parsed or pages rendered: shown once it has run for a moment, until all is done. */
export interface Progress {
  /** `count` more done. */
  advance(count?: number): void;
  /** The step is over, whether or not every unit was counted: its progress goes away (its result is for the caller to print). */
  end(): void;
}

/**
 * A step of `total` units, named by `label` ("Parsing posts"), whose progress shows from its first
 * unit done, if the step has run for a moment by then.
 */
export function startProgress(label: string, total: number): Progress {
  const started = performance.now();
  let done = 0;
  let sent = 0;
  return {
    advance(count = 1) {
      done += count;
      if (!relay) return showProgress(label, total, done, started);
      // The planning thread sends its progress ten times a second at most.
      const now = performance.now();
      if (now - sent < BAR_EVERY_MS && done < total) return;
      sent = now;
      relay.postMessage({ folioOutput: { progress: { label, total, done, elapsed: now - started } } } satisfies RelayedOutput);
    },
    end() {
      if (relay) relay.postMessage({ folioOutput: { progress: null } } satisfies RelayedOutput);
      else endProgress();
    },
  };
}

function showProgress(label: string, total: number, done: number, started: number): void {
  const now = performance.now();
  let progress = state.progress;
  if (progress?.label !== label) progress = state.progress = { label, total, done, started, shown: started };
  progress.total = total;
  progress.done = done;
  // A step whose every unit is done shows no more: nothing is left to wait for.
  if (done >= total) return endProgress();
  if (now - progress.started < FIRST_SHOWN_MS) return;
  if (interactive) {
    if (now - progress.shown < BAR_EVERY_MS) return;
    progress.shown = now;
    eraseBar();
    drawBar();
  } else if (now - progress.shown >= LINE_EVERY_MS) {
    progress.shown = now;
    console.info(`${label}: ${count(done)} of ${count(total)}`);
  }
}

function endProgress(): void {
  eraseBar();
  state.progress = undefined;
}

const BAR_WIDTH = 24;

function drawBar(): void {
  const progress = state.progress;
  if (!interactive || !progress || performance.now() - progress.started < FIRST_SHOWN_MS) return;
  const filled = progress.total > 0 ? Math.round((Math.min(progress.done, progress.total) / progress.total) * BAR_WIDTH) : 0;
  process.stdout.write(
    `${progress.label} ${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${count(progress.done)}/${count(progress.total)}`,
  );
  state.drawn = true;
}

function eraseBar(): void {
  if (!state.drawn) return;
  process.stdout.write("\r\x1b[2K");
  state.drawn = false;
}

/** Places shown for a warning that many posts share, after the first; FOLIO_VERBOSE=1 shows them all. */
const MORE_PLACES_SHOWN = 3;

/**
 * Prints the authors' warnings together, sorted by file and line, each as `file:line: warning: …`
 * (which terminals and editors open at the line). A warning that many posts share (a theme's key
 * misplaced in every post made from one template) is printed once, with where else it is. Each is
 * printed once per process: on the dev server, an edit prints only the warnings it brought.
 */
export function printWarnings(warnings: readonly ContentWarning[], verbose = process.env.FOLIO_VERBOSE === "1"): void {
  const fresh = [...warnings]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .filter((warning) => !state.printed.has(warningLine(warning)));
  if (fresh.length === 0) return;
  const byMessage = new Map<string, ContentWarning[]>();
  for (const warning of fresh) {
    state.printed.add(warningLine(warning));
    const same = byMessage.get(warning.message);
    if (same) same.push(warning);
    else byMessage.set(warning.message, [warning]);
  }
  const posts = new Set(fresh.map((warning) => warning.file)).size;
  print(`${plural(fresh.length, "warning")} in ${plural(posts, "post")}:`, true);
  for (const [first, ...others] of byMessage.values()) {
    print(`  ${warningLine(first)}`, true);
    if (verbose) {
      for (const other of others) print(`  ${warningLine(other)}`, true);
    } else if (others.length > 0) {
      const places = others.slice(0, MORE_PLACES_SHOWN).map((other) => `${other.file}:${other.line}`);
      const rest = others.length - places.length;
      print(`    also at ${places.join(", ")}${rest > 0 ? ` and ${count(rest)} more (FOLIO_VERBOSE=1 lists them)` : ""}`, true);
    }
  }
}

const warningLine = (warning: ContentWarning) => `${warning.file}:${warning.line}: warning: ${warning.message}`;

/** `1 post`, `2 posts`, `1,000 posts`. */
function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? "" : "s"}`;
}

/** Seconds since `started` (a performance.now() time), for build logs. */
export function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

const numbers = new Intl.NumberFormat("en");

/** A count as people read it: 16,432. */
export function count(value: number): string {
  return numbers.format(value);
}

/** A duration as people read it: 4.3 s, 2 min 14 s. */
export function duration(ms: number): string {
  const totalSeconds = ms / 1000;
  if (totalSeconds < 60) return `${totalSeconds.toFixed(1)} s`;
  return `${Math.floor(totalSeconds / 60)} min ${Math.round(totalSeconds % 60)} s`;
}

/** What a build made, for its summary. */
export interface BuildSummary {
  posts: number;
  /** Every URL written: pages, feeds, the sitemap, redirects. */
  pages: number;
  /** Those rendered by this build; the others were kept from the last one. */
  rendered: number;
  /** Files of earlier builds this one deleted. */
  removed: number;
  warnings: readonly ContentWarning[];
  /** The folder to publish, relative to the project. */
  outDir: string;
  /** A posts-only build: the app's bundles were those of the last build (app-cache.server.ts). */
  appReused?: boolean;
}

/** The end of a build: the authors' warnings, then what was built, in how long, and where. */
export function printBuildSummary({ posts, pages, rendered, removed, warnings, outDir, appReused }: BuildSummary): void {
  printWarnings(warnings);
  const changes = [`${count(rendered)} rendered`, `${count(pages - rendered)} unchanged since the last build`];
  if (removed > 0) changes.push(`${count(removed)} old files removed`);
  if (appReused) changes.push("the app's code unchanged: not bundled again");
  // performance.now() counts from the start of the process: the whole build.
  print(
    `\nFolio built ${plural(posts, "post")} into ${plural(pages, "page")} in ${duration(performance.now())} (${changes.join(", ")}): ${outDir}/`,
  );
}
