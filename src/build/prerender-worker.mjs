// A worker thread of prerender-workers.server.ts: renders pages with the server build's request
// handler, making the requests React Router's own prerender makes and writing what it would write
// (`handlePrerender` and the `prerender*` functions of @react-router/dev's vite.js, 7.18). Plain
// JavaScript, run by Node as it is: it imports the server build and react-router as the build would
// (same files, so the same module instances), with nothing between them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ serverBuild: string, root: string, mode: string, urls: string[], posts: unknown[], concurrency: number }} */
const { serverBuild, root, mode, urls, posts, concurrency } = workerData;

// The server build's site is made from the parse cache's entries for these posts, not from their
// text (site.server.ts's `getSite`).
globalThis.__folioCachedPosts = posts;

// React Router reads a page's data from the X-React-Router-Prerender-Data header only in a build.
process.env.IS_RR_BUILD_REQUEST = "yes";

const { createRequestHandler, createStaticHandler } = await import("react-router");
// The server build lists the pages React Router renders itself; its handler refuses data requests
// for any other URL, so it is told of every page this build renders. It looks each request up in
// that list (`prerender.includes`, twice a request): a set answers at once where a search of
// 16,000 URLs took ~7 s of a 10,000-post build.
const pages = new Set(urls);
const prerender = Object.assign([...urls], { includes: (/** @type {string} */ url) => pages.has(url) });
const build = { ...(await import(serverBuild)), prerender };
const handler = createRequestHandler(build, mode);
const clientDir = path.resolve(root, build.assetsBuildDirectory);
// Matches URLs against the routes as React Router's prerender does with `matchRoutes`, which ranks the
// routes anew at each call (~0.36 ms); a static handler of the same routes (without loaders: it runs
// none) ranks them once.
const matcher = createStaticHandler(createPrerenderRoutes(build.routes));
const trailingSlashAware = Boolean(build.future?.v8_trailingSlashAwareDataRequests);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Each message is a batch of URLs; the answer is how many were rendered (after the files written, if
// listed), or the first error.
parentPort.on("message", async (/** @type {string[]} */ batch) => {
  try {
    let next = 0;
    // Several pages at a time, as React Router's `prerender.concurrency`: React yields between rendering
    // steps (setImmediate), and another page's work fills those gaps.
    const lane = async () => {
      while (next < batch.length) {
        const url = batch[next++];
        await (url === SPA_FALLBACK ? prerenderSpaFallback() : prerenderPage(url));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    if (listed.length > 0) parentPort.postMessage({ listed });
    listed = [];
    parentPort.postMessage(batch.length);
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
});
parentPort.postMessage(0);

/** One URL, as React Router's `prerenderSinglePath`. */
async function prerenderPage(url) {
  const matched = await matcher.query(new Request(`http://localhost${`/${url}/`.replace(/^\/\/+/, "/")}`));
  const matches = matched instanceof Response || matched.errors ? null : matched.matches;
  if (!matches) return;
  const leaf = matches[matches.length - 1].route;
  const module = build.routes[leaf.id]?.module;
  if (module && !module.default && !module.ErrorBoundary) {
    if (!module.loader) return console.warn(`⚠️ Skipping prerendering for resource route without a loader: ${leaf.id}`);
    await prerenderData(url, [leaf.id]);
    await prerenderResource(url);
    return;
  }
  const hasLoaders = matches.some((match) => build.assets.routes[match.route.id]?.hasLoader);
  const data = hasLoaders ? await prerenderData(url, null) : undefined;
  await prerenderHtml(url, data === undefined ? undefined : { headers: { "X-React-Router-Prerender-Data": encodeURI(data) } });
}

/** Not a page: the SPA fallback (prerender-workers.server.ts's SPA_FALLBACK, which a posts-only build renders here). */
const SPA_FALLBACK = "__spa-fallback.html";

/**
 * The SPA fallback React Router writes after its prerender (`handleSpaMode`): the root rendered in
 * SPA mode, which carries the home page's data, so a posts-only build renders it again.
 */
async function prerenderSpaFallback() {
  const response = await handler(new Request(`http://localhost${build.basename}`, { headers: { "X-React-Router-SPA-Mode": "yes" } }));
  const html = await response.text();
  if (response.status !== 200)
    throw new Error(
      `Prerender: Received a ${response.status} status code from \`entry.server.tsx\` while prerendering your \`${SPA_FALLBACK}\` file.\n${html}`,
    );
  writeFileSync(path.join(clientDir, SPA_FALLBACK), html);
}

async function prerenderData(url, onlyRoutes) {
  const dataPath = trailingSlashAware
    ? url.endsWith("/")
      ? `${url}_.data`
      : `${url}.data`
    : url === "/"
      ? "/_root.data"
      : `${url.replace(/\/$/, "")}.data`;
  const normalized = `${build.basename}${dataPath}`.replace(/\/\/+/g, "/");
  const request = new URL(`http://localhost${normalized}`);
  if (onlyRoutes?.length) request.searchParams.set("_routes", onlyRoutes.join(","));
  const response = await handler(new Request(request));
  const data = await response.text();
  if (response.status !== 200 && response.status !== 202) {
    throw new Error(
      `Prerender (data): Received a ${response.status} status code from \`entry.server.tsx\` while prerendering the \`${url}\` path.\n${normalized}`,
    );
  }
  write(normalized, data, "data", url);
  return data;
}

async function prerenderHtml(url, requestInit) {
  const normalized = `${build.basename}${url}/`.replace(/\/\/+/g, "/");
  const response = await handler(new Request(`http://localhost${normalized}`, requestInit));
  let html = await response.text();
  if (REDIRECT_STATUSES.has(response.status)) {
    const location = escapeHtml(response.headers.get("Location") ?? "");
    const delay = response.status === 302 ? 2 : 0;
    html = `<!doctype html>
<head>
<title>Redirecting to: ${location}</title>
<meta http-equiv="refresh" content="${delay};url=${location}">
<meta name="robots" content="noindex">
</head>
<body>
	<a href="${location}">
    Redirecting from <code>${escapeHtml(normalized)}</code> to <code>${location}</code>
  </a>
</body>
</html>`;
  } else if (response.status !== 200) {
    throw new Error(
      `Prerender (html): Received a ${response.status} status code from \`entry.server.tsx\` while prerendering the \`${normalized}\` path.\n${html}`,
    );
  }
  write(path.join(normalized, "index.html"), html, "html", url);
}

async function prerenderResource(url) {
  const normalized = `${build.basename}${url}/`.replace(/\/\/+/g, "/").replace(/\/$/g, "");
  const response = await handler(new Request(`http://localhost${normalized}`));
  const content = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new Error(
      `Prerender (resource): Received a ${response.status} status code from \`entry.server.tsx\` while prerendering the \`${normalized}\` path.\n${content.toString("utf8")}`,
    );
  }
  write(normalized, content, "resource", url);
}

/** The folders `write` has made (or found) this thread. */
const madeDirs = new Set();

/**
 * With FOLIO_VERBOSE=1, each file written is listed as React Router lists those it prerenders: sent
 * with each batch's answer for the build's thread to print (a worker's own output may be lost when
 * the process exits).
 */
const verbose = process.env.FOLIO_VERBOSE === "1";
let listed = [];

/**
 * Writes one of the page's files (`kind` and `url` for the verbose listing), synchronously: the
 * thread has nothing else to do meanwhile. In a profile at 10,000 posts, asynchronous writes (a
 * recursive mkdir, then open, write and close through libuv's thread pool) were ~13 % of a worker's
 * samples. Each folder is made once.
 */
function write(urlPath, content, kind, url) {
  const file = path.join(clientDir, ...urlPath.split("/"));
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  writeFileSync(file, content);
  if (verbose) listed.push(`Prerender (${kind}): ${url} -> ${path.relative(root, file)}`);
}

/** The server build's routes as a tree for matchRoutes (React Router's `createPrerenderRoutes`). */
function createPrerenderRoutes(manifest, parentId = "", byParent = groupByParent(manifest)) {
  return (byParent[parentId] ?? []).map((route) =>
    route.index
      ? { index: true, id: route.id, path: route.path }
      : { children: createPrerenderRoutes(manifest, route.id, byParent), id: route.id, path: route.path },
  );
}

function groupByParent(manifest) {
  const byParent = {};
  for (const route of Object.values(manifest)) if (route) (byParent[route.parentId || ""] ??= []).push(route);
  return byParent;
}

const ESCAPES = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** React Router's escapeHtml for the redirect page (escapes for a script, as React Router does). */
function escapeHtml(text) {
  return text.replace(/[&><\u2028\u2029]/g, (match) => ESCAPES[match]);
}
