// Measurements of the built site in Chromium: what each page downloads, how fast it paints, and
// client-side navigation; and the static host they are measured on.
import { createServer, request as httpRequest } from "node:http";
import { createGzip, gzipSync } from "node:zlib";
import { serveStatic } from "../serve.mjs";
import { isSearchRequest } from "./search.mjs";

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/;

/**
 * Serves a build folder as a static host does (scripts/serve.mjs), gzip-compressing text responses on
 * the way out as GitHub Pages, Netlify and the like do, so that Lighthouse sees realistic transfers.
 * Resolves to `{ origin, close }`.
 */
export async function serveLikeStaticHost(dir) {
  const files = await serveStatic({ dir, port: 0 });
  const filesPort = files.address().port;
  const front = createServer((request, response) => {
    const headers = { ...request.headers, "accept-encoding": "identity" };
    const upstream = httpRequest({ host: "127.0.0.1", port: filesPort, path: request.url, method: request.method, headers }, (answer) => {
      const gzip =
        /\bgzip\b/.test(request.headers["accept-encoding"] ?? "") &&
        COMPRESSIBLE.test(answer.headers["content-type"] ?? "") &&
        answer.statusCode !== 304;
      if (!gzip) {
        response.writeHead(answer.statusCode, answer.headers);
        return answer.pipe(response);
      }
      const { "content-length": _, etag, ...rest } = answer.headers;
      response.writeHead(answer.statusCode, {
        ...rest,
        ...(etag && { etag: etag.startsWith("W/") ? etag : `W/${etag}` }),
        "content-encoding": "gzip",
        vary: "Accept-Encoding",
      });
      answer.pipe(createGzip()).pipe(response);
    });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise((resolve) => front.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${front.address().port}`,
    close: async () => {
      front.closeAllConnections();
      files.closeAllConnections();
      await Promise.all([front, files].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** Runs `work(page)` in a fresh browser context, closed afterwards or when `signal` aborts. */
export async function withPage(browser, signal, work) {
  const context = await browser.newContext();
  const close = () => context.close().catch(() => {});
  signal?.addEventListener("abort", close, { once: true });
  try {
    return await work(await context.newPage());
  } finally {
    signal?.removeEventListener("abort", close);
    await close();
  }
}

/** Resource kinds a page's transfer is split into. */
export const KINDS = ["html", "js", "css", "data", "other"];

/**
 * Loads a page in a fresh context (empty cache): bytes by kind as gzip sends them (images and other
 * binaries as they are), number of requests, first contentful paint in ms, and the bytes of search's
 * files among them.
 */
export async function loadPage(browser, url, signal) {
  return withPage(browser, signal, async (page) => {
    const bytes = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
    let requests = 0;
    // What the page fetched for search (search.mjs): a page that is not searching fetches none of it.
    let searchBytes = 0;
    const sizes = [];
    page.on("response", (response) => {
      requests++;
      sizes.push(
        response.body().then(
          (body) => {
            const size = isText(response) ? gzipSync(body).length : body.length;
            bytes[kindOf(response)] += size;
            if (isSearchRequest(response.url())) searchBytes += size;
          },
          () => {}, // a redirect or a body the page discarded
        ),
      );
    });
    const answer = await page.goto(url, { waitUntil: "networkidle" });
    if (!answer?.ok()) throw new Error(`${url} answered ${answer?.status()}`);
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    await Promise.all(sizes);
    return { bytes, requests, fcp, searchBytes };
  });
}

function kindOf(response) {
  const type = response.request().resourceType();
  if (type === "document") return "html";
  if (type === "script") return "js";
  if (type === "stylesheet") return "css";
  return /\.data(\?|$)/.test(response.url()) ? "data" : "other";
}

function isText(response) {
  return (
    COMPRESSIBLE.test(response.headers()["content-type"] ?? "") ||
    ["document", "script", "stylesheet"].includes(response.request().resourceType())
  );
}

/**
 * Client-side navigation from a post to the one before it: ms from the click event to the first
 * frame painted with the new title, both timed inside the page (so the browser-driver round trips
 * of the click itself are not counted).
 */
export async function nextPostNavigation(browser, url, signal) {
  return withPage(browser, signal, async (page) => {
    await page.goto(url, { waitUntil: "networkidle" });
    const link = page.getByRole("link", { name: /Previous post/ });
    const title = (await link.innerText()).replace(/^Previous post\s*/, "");
    await page.evaluate((expected) => {
      const timing = (window.__navigationTiming = {});
      window.__navigationPainted = new Promise((resolve) => (timing.resolve = resolve));
      document.addEventListener("click", () => (timing.clicked = performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector("h1")?.textContent !== expected) return;
        observer.disconnect();
        // The frame that shows the change: after the next animation frame has been rendered.
        requestAnimationFrame(() => setTimeout(() => timing.resolve((timing.painted = performance.now()))));
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, title);
    await link.click();
    // Awaiting a promise the page already holds: page.waitForFunction would inject Playwright's
    // script into the page's main world and poll every frame, during the navigation being timed.
    await page.evaluate(() => window.__navigationPainted);
    return page.evaluate(() => window.__navigationTiming.painted - window.__navigationTiming.clicked);
  });
}
