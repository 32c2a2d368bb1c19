// The dev server on a corpus: how long it takes to serve the post list, how long an edit to a
// post takes to show in the page that is open (saved in place, and as editors save by rename), and
// its memory over a day's worth of edits.
import { retitlePost } from "./corpus.mjs";
import { freePort, projectEnv, spawnGroup, stopGroup, treeRss } from "./processes.mjs";
import { withPage } from "./pages.mjs";

/** Home page HTML that lists posts: Folio's post cards. */
const POST_LIST = 'class="post-card"';

/**
 * Starts `react-router dev` in a project, detached in a process group of its own; resolves to
 * `{ origin, pid, readyMs, listeningMs, stop }` once the home page answers 200 with the post list:
 * `readyMs` is the time from spawn to that answer, `listeningMs` to Vite printing its URL (the rest
 * is the first render of the home page, posts parsed). `signal` aborting stops the server.
 */
export async function startDevServer(dir, signal) {
  const port = await freePort();
  const started = performance.now();
  // --strictPort: Vite may restart once to re-optimise dependencies, and must come back on the same port.
  const args = ["react-router", "dev", "--host", "127.0.0.1", "--port", String(port), "--strictPort"];
  const child = spawnGroup("npx", args, { cwd: dir, env: projectEnv("development"), signal });
  let listeningMs;
  child.stdout.on("data", () => (listeningMs ??= /Local:/.test(child.output()) ? performance.now() - started : undefined));
  const server = { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopGroup(child) };
  try {
    await untilHomeListsPosts(server.origin, child, signal);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, readyMs: performance.now() - started, listeningMs };
}

/** Polls the home page every 100 ms, one request at a time, until it answers 200 with the post list. */
async function untilHomeListsPosts(origin, child, signal) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dev server exited with ${child.exitCode}:\n${child.output()}`);
    signal?.throwIfAborted();
    try {
      const answer = await fetch(`${origin}/`, { signal });
      if (answer.status === 200 && (await answer.text()).includes(POST_LIST)) return;
    } catch (error) {
      if (signal?.aborted) throw error; // else it is not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens a post on the dev server, retitles it on disk and measures ms from the file written to the new
 * title in the page; also tells whether the page reloaded to get there (Folio means to update in place).
 * With `byRename`, the post is saved as vim, JetBrains' safe write and git save files: a new file
 * renamed over the old one.
 */
export async function editToVisible(browser, origin, { slug, file, dir }, signal, { byRename = false } = {}) {
  return withPage(browser, signal, async (page) => {
    const url = `${origin}/posts/${slug}/`;
    // The first visit may make Vite optimise dependencies and reload the page once; measure after that.
    await page.goto(url, { waitUntil: "networkidle" });
    await page.goto(url, { waitUntil: "networkidle" });
    await page.evaluate(() => Object.assign(window, { folioBenchNotReloaded: true }));
    const title = `Edited by the benchmark ${Date.now()}`;
    retitlePost(dir, file, title, { byRename });
    const written = Date.now();
    // Checked on every animation frame: the time is taken in the page when the title is there to paint.
    const seen = await page.waitForFunction(
      (expected) => document.querySelector("h1")?.textContent?.includes(expected) && Date.now(),
      title,
      { timeout: 0 },
    );
    const visibleMs = (await seen.jsonValue()) - written;
    const reloaded = !(await page.evaluate(() => "folioBenchNotReloaded" in window));
    return { visibleMs, reloaded };
  });
}

/**
 * A day of editing: `edits` saves of a post (by rename, as most editors save), each waited for until
 * the dev server serves it. Its memory (resident, its whole process tree) is read at rest after the
 * first `early` saves and after the last (restingRss), and at its highest over the `window` saves
 * that follow the early reading and over the last `window`. Resolves to
 * `{ early, edits, window, earlyBytes, lateBytes, earlyPeakBytes, latePeakBytes }`.
 */
export async function editingDay(server, { slug, file, dir }, { edits, early = 10, window = 100, restSeconds = 120 }, signal) {
  let earlyBytes;
  let earlyPeakBytes = 0;
  let latePeakBytes = 0;
  for (let edit = 1; edit <= edits; edit++) {
    const title = `Edit ${edit} of the benchmark's day`;
    retitlePost(dir, file, title, { byRename: true });
    await untilServed(`${server.origin}/posts/${slug}/`, title, signal);
    if (edit > early && edit <= early + window) earlyPeakBytes = Math.max(earlyPeakBytes, treeRss(server.pid));
    if (edit > edits - window) latePeakBytes = Math.max(latePeakBytes, treeRss(server.pid));
    if (edit === early) earlyBytes = await restingRss(server.pid, restSeconds, signal);
  }
  const lateBytes = await restingRss(server.pid, restSeconds, signal);
  return { early, edits, window, earlyBytes, lateBytes, earlyPeakBytes, latePeakBytes };
}

/** Polls a page every 20 ms, one request at a time, until its HTML holds `text`. */
async function untilServed(url, text, signal) {
  for (;;) {
    signal?.throwIfAborted();
    const answer = await fetch(url, { signal });
    if ((await answer.text()).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The process tree's resident memory at rest: its lowest reading, once a second, over `seconds`
 * without edits. A reading just after a save falls anywhere in the heap's cycle of growth and
 * collection (at 10,000 posts, 500 to 1,200 MiB on any day, long or short), and V8 gives the free
 * part of its heap back to the system only once the process has been idle for a while (its memory
 * reducer, within about 90 s here). What stays then is what the server holds.
 */
async function restingRss(pid, seconds, signal) {
  let lowest = Infinity;
  for (let second = 0; second < seconds; second++) {
    signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    lowest = Math.min(lowest, treeRss(pid));
  }
  return lowest;
}
