// Serves the production build (build/client) the way a plain static host does: files as they
// are, `/dir/` as `/dir/index.html`, and 404.html with status 404 for anything else. Files under
// assets/ have content hashes in their names, so they are cached for a year, as hosts are told to.
// Usage: node scripts/serve.mjs [--port 3000] [--dir build/client] [--base /blog/]
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import sirv from "sirv";

/**
 * Starts a static server for `dir` on 127.0.0.1, at `base` (as a GitHub Pages project site is at
 * `/<repo>/`); resolves to the server once it listens.
 */
export async function serveStatic({ dir = "build/client", port = 3000, base = "/" } = {}) {
  const root = path.resolve(dir);
  const notFound = await readFile(path.join(root, "404.html"));
  const files = sirv(root, {
    dev: false,
    etag: true,
    extensions: ["html"],
    setHeaders: (response, pathname) => {
      if (pathname.startsWith("/assets/")) response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    },
  });
  const server = createServer((request, response) => {
    const fail = () => {
      response.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      response.end(notFound);
    };
    if (!request.url.startsWith(base)) return fail();
    request.url = `/${request.url.slice(base.length)}`;
    // `/dir/` is `/dir/index.html`, as static hosts serve it (sirv would try `/dir.html` first, which
    // may be a redirect page: a post at `url: /dir.html` is published at /dir/).
    if (request.url.split("?")[0].endsWith("/")) request.url = request.url.replace(/\/(\?|$)/, "/index.html$1");
    files(request, response, fail);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3000" },
      dir: { type: "string", default: "build/client" },
      base: { type: "string", default: "/" },
    },
  });
  const server = await serveStatic({ dir: values.dir, port: Number(values.port), base: values.base });
  const { port } = server.address();
  console.log(`Folio: serving ${values.dir} at http://127.0.0.1:${port}${values.base}`);
}
