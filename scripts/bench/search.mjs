// Search's figures (issue 21): what a page that is not searching fetches for search (nothing), what
// the first query fetches and how long it takes from keystroke to results painted with the cache
// empty, the next keystrokes' time, and the index the build wrote.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { withPage } from "./pages.mjs";

/** Whether a URL is search's: Pagefind's files (/pagefind/) or search's own chunks, which the header's field loads on first focus. */
export function isSearchRequest(url) {
  const { pathname } = new URL(url);
  return pathname.startsWith("/pagefind/") || /^\/assets\/search-(lazy|engine|hit)-/.test(pathname);
}

/** A response's bytes as a host sends them: text gzip-compressed (Pagefind's index files are gzip already). */
async function sentBytes(response) {
  const body = await response.body();
  const type = response.headers()["content-type"] ?? "";
  return /javascript|json|text\//.test(type) ? gzipSync(body).length : body.length;
}

/**
 * The header's search on the home page, in a fresh context (an empty cache): the words typed in one
 * input event (a paste), timed in the page from that event to the frame painted with the results;
 * then two more keystrokes, each timed the same way. Bytes are what the browser fetched from the
 * field's focus (where search's code starts loading) to the results.
 */
export async function searchTimings(browser, origin, signal, { query = "cancer", more = "tr" } = {}) {
  return withPage(browser, signal, async (page) => {
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    const field = page.getByRole("combobox", { name: "Search posts" });
    let bytes = 0;
    let files = 0;
    const sizes = [];
    page.on("response", (response) => {
      files++;
      sizes.push(
        sentBytes(response).then(
          (size) => (bytes += size),
          () => {},
        ),
      );
    });
    /** Types `text` (all at once, or key by key) and resolves to ms from its last input event to the results for the field's words painted. */
    const timed = async (text, { paste }) => {
      await page.evaluate(() => {
        const input = document.querySelector(".site-search input");
        window.__searchTimed = new Promise((resolve) => {
          let started;
          input.addEventListener("input", () => (started = performance.now()), { capture: true });
          new MutationObserver((_, observer) => {
            const words = input.value.trim();
            const all = document.querySelector(".search-all");
            if (started === undefined || !all?.textContent.includes(`“${words}”`)) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      });
      if (paste) await field.fill(text);
      else await page.keyboard.type(text);
      return page.evaluate(() => window.__searchTimed);
    };
    const firstMs = await timed(query, { paste: true });
    await Promise.all(sizes);
    const first = { ms: firstMs, bytes, files };
    const found = await page.locator(".search-option:not(.search-all)").count();
    await page.keyboard.type(" ");
    await page.waitForTimeout(200);
    const next = [];
    for (const key of more) {
      const before = bytes;
      const ms = await timed(key, { paste: false });
      await Promise.all(sizes);
      next.push({ ms, bytes: bytes - before });
    }
    return { query, found, first, next };
  });
}

/** The index the build wrote (build/client/pagefind/): files, bytes, and the typo vocabulary's bytes and words. */
export function searchIndexSize(clientDir) {
  const dir = path.join(clientDir, "pagefind");
  let files = 0;
  let bytes = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stat = statSync(path.join(dir, file));
    if (!stat.isFile()) continue;
    files++;
    bytes += stat.size;
  }
  const vocabulary = readFileSync(path.join(dir, "folio-vocabulary.txt"));
  return {
    files,
    bytes,
    vocabularyBytes: vocabulary.length,
    vocabularyGzip: gzipSync(vocabulary).length,
    vocabularyWords: vocabulary.toString("utf8").split("\n").filter(Boolean).length,
  };
}
