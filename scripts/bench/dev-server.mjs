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
 * the dev server serves it, and the dev server's resident memory (its whole process tree) after the
 * first `early` and after the last, each read after a second without edits. Resolves to
 * `{ early, late, edits, earlyBytes, lateBytes }`.
 */
export async function editingDay(server, { slug, file, dir }, { edits, early = 10 }, signal) {
  let earlyBytes;
  for (let edit = 1; edit <= edits; edit++) {
    const title = `Edit ${edit} of the benchmark's day`;
    retitlePost(dir, file, title, { byRename: true });
    await untilServed(`${server.origin}/posts/${slug}/`, title, signal);
    if (edit === early) earlyBytes = await settledRss(server.pid);
  }
  return { early, edits, earlyBytes, lateBytes: await settledRss(server.pid) };
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

/** The process tree's resident memory after a second without work. */
async function settledRss(pid) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return treeRss(pid);
}
