// Measures the two candidates for Folio's search on a folder of posts (such as
// `../shared/tools/gen-posts.mjs --out DIR --count 10000` writes): Pagefind 1.6.0's chunked static
// index against one MiniSearch 7.2.0 index, for the figures issue 21 sets (bytes a first query
// fetches, time to results cold and for the next keystroke, indexing time, total index size).
//
//   node scripts/bench/search-index.mjs DIR [--query cancer]
//
// Each post is indexed as its page would be: title, tags and categories, and its text (the
// Markdown with its markup stripped; the built page's text is the same words). Pagefind's index is
// written to a temporary folder, served on 127.0.0.1 and queried in Chromium with an empty cache;
// what a page fetches is counted as a host serving gzip would send it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import frontMatter from "front-matter";
import MiniSearch from "minisearch";
import * as pagefind from "pagefind";
import { launchChromium } from "../chromium.mjs";

const [folder, ...rest] = process.argv.slice(2);
if (!folder) throw new Error("usage: node scripts/bench/search-index.mjs DIR [--query cancer]");
const query = rest.includes("--query") ? rest[rest.indexOf("--query") + 1] : "cancer";
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (bytes) => Math.min(bytes.length, gzipSync(bytes).length);
const list = (value) => (Array.isArray(value) ? value : value ? [value] : []).map(String);

const posts = readdirSync(folder)
  .map((name) => (statSync(path.join(folder, name)).isDirectory() ? path.join(folder, name, "index.md") : path.join(folder, name)))
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file, id) => {
    const { attributes, body } = frontMatter(readFileSync(file, "utf8").trimStart());
    const text = body
      .replace(/<style>[\s\S]*?<\/style>/g, " ")
      .replace(/<[^>]+>|[#*`>|[\]()_~-]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return {
      id,
      url: `/posts/${path.basename(file, ".md")}/`,
      title: String(attributes.title ?? ""),
      tags: [...list(attributes.tags), ...list(attributes.categories)],
      text,
    };
  });
console.log(`${posts.length} posts, ${kb(posts.reduce((sum, post) => sum + post.text.length, 0))} of text`);

// MiniSearch: one index, fetched whole by the first query.
{
  const started = performance.now();
  const search = new MiniSearch({
    fields: ["title", "tags", "text"],
    storeFields: ["title", "url"],
    searchOptions: { boost: { title: 3, tags: 2 }, prefix: true, fuzzy: 0.2 },
  });
  search.addAll(posts.map((post) => ({ ...post, tags: post.tags.join(" ") })));
  const json = Buffer.from(JSON.stringify(search));
  const indexed = performance.now() - started;
  const loadStarted = performance.now();
  const loaded = MiniSearch.loadJSON(json.toString(), { fields: ["title", "tags", "text"], storeFields: ["title", "url"] });
  const loadMs = performance.now() - loadStarted;
  const queryStarted = performance.now();
  const hits = loaded.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, tags: 2 } }).length;
  console.log(
    `MiniSearch, title + tags + text: indexed in ${(indexed / 1000).toFixed(1)} s; index ${kb(json.length)}, ${kb(gzipped(json))} gzip, all of it fetched by the first query; ` +
      `loadJSON ${loadMs.toFixed(0)} ms, first query ${(performance.now() - queryStarted).toFixed(0)} ms (${hits} hits) in Node`,
  );
  const small = new MiniSearch({ fields: ["title", "tags", "summary"], storeFields: ["title", "url"] });
  small.addAll(
    posts.map((post) => ({
      id: post.id,
      title: post.title,
      url: post.url,
      tags: post.tags.join(" "),
      summary: post.text.split(" ").slice(0, 70).join(" "),
    })),
  );
  const smallJson = Buffer.from(JSON.stringify(small));
  console.log(`MiniSearch, title + tags + 70-word summary only: index ${kb(smallJson.length)}, ${kb(gzipped(smallJson))} gzip`);
}

// Pagefind: chunked, fetched by what the query needs.
const out = mkdtempSync(path.join(tmpdir(), "folio-pagefind-"));
try {
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  for (const post of posts) {
    await index.addCustomRecord({
      url: post.url,
      content: `${post.title}. ${post.tags.join(", ")}. ${post.text}`,
      language: "en",
      meta: { title: post.title },
      filters: { tag: post.tags },
    });
  }
  await index.writeFiles({ outputPath: path.join(out, "pagefind") });
  const indexed = performance.now() - started;
  await pagefind.close();
  const files = readdirSync(path.join(out, "pagefind"), { recursive: true, encoding: "utf8" }).filter((file) =>
    statSync(path.join(out, "pagefind", file)).isFile(),
  );
  const total = files.reduce((sum, file) => sum + statSync(path.join(out, "pagefind", file)).size, 0);
  console.log(`Pagefind: indexed in ${(indexed / 1000).toFixed(1)} s; ${files.length} files, ${kb(total)} in all`);

  writeFileSync(path.join(out, "index.html"), "<!doctype html><title>search</title><p>search</p>");
  const server = createServer((request, response) => {
    const file = path.join(out, decodeURIComponent(request.url.split("?")[0]).replace(/\/$/, "/index.html"));
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        "Content-Type": file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html" : "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const measure = async (label) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    // As the search box does: the first keystroke loads Pagefind, searches, and reads the first five
    // results; then two more keystrokes. What each fetched is counted apart.
    const times = [];
    const bytes = [];
    for (const text of [query, `${query} tr`, `${query} tre`]) {
      fetched.length = 0;
      times.push(
        await page.evaluate(async (text) => {
          const started = performance.now();
          const pagefind = await import("/pagefind/pagefind.js");
          const { results } = await pagefind.search(text);
          await Promise.all(results.slice(0, 5).map((result) => result.data()));
          return performance.now() - started;
        }, text),
      );
      bytes.push(fetched.reduce((sum, file) => sum + gzipped(readFileSync(path.join(out, file))), 0));
      if (bytes.length === 1)
        breakdown = fetched
          .map((file) => `${file.replace("/pagefind/", "")} ${kb(gzipped(readFileSync(path.join(out, file))))}`)
          .join(", ");
    }
    console.log(
      `${label}: results in ${times.map((ms) => `${ms.toFixed(0)} ms`).join(", then ")}; fetched ${bytes.map(kb).join(", then ")} gzip`,
    );
    await context.close();
  };
  let breakdown = "";
  for (let run = 1; run <= 3; run++) await measure(`Pagefind in Chromium, cold cache, run ${run}`);
  console.log(`  the first query's files: ${breakdown}`);
  await browser.close();
  server.close();
} finally {
  rmSync(out, { recursive: true, force: true });
}
