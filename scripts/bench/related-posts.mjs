// Times the related-posts computation (src/content/related-posts.server.ts): the index, then every post's related posts, on a folder of posts,
// such as `../shared/tools/gen-posts.mjs --out DIR --count 10000` writes, at several sizes:
//
//   node --expose-gc scripts/bench/related-posts.mjs DIR [--counts 1000,2500,5000,10000] [--runs 3]
//
// With --expose-gc it also prints the heap the finder keeps (its index and the posts' words), which
// each thread that renders post pages holds for the rest of the build.
// Posts are read as the computation sees them (title, date, tags, categories, and a summary of the
// first 70 words), with front-matter and a plain-text summary rather than the full parser: parsing
// 10,000 posts takes minutes, and only the computation is measured. Prints the median of the runs and
// the time per post, which stays flat when the work grows linearly.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import frontMatter from "front-matter";
import { loadModule } from "../load-module.mjs";

const [folder, ...rest] = process.argv.slice(2);
if (!folder) throw new Error("usage: node scripts/bench/related-posts.mjs DIR [--counts 1000,10000] [--runs 3]");
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const counts = option("--counts", "1000,2500,5000,10000").split(",").map(Number);
const runs = Math.max(2, Number(option("--runs", "3")));

const { relatedPostsFinder } = await loadModule("src/content/related-posts.server.ts");
const slug = (name) => String(name).toLowerCase().replace(/\s+/g, "-");
const terms = (value) => (Array.isArray(value) ? value : value ? [value] : []).map((name) => ({ name: String(name), slug: slug(name) }));

const files = readdirSync(folder)
  .map((name) => (statSync(path.join(folder, name)).isDirectory() ? path.join(folder, name, "index.md") : path.join(folder, name)))
  .filter((file) => file.endsWith(".md"))
  .sort();
const posts = files.map((file) => {
  const { attributes, body } = frontMatter(readFileSync(file, "utf8").trimStart());
  const text = body
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/[#*`>|[\]()_-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return {
    title: String(attributes.title ?? ""),
    sortKey: Date.parse(String(attributes.date instanceof Date ? attributes.date.toISOString() : attributes.date)) || 0,
    tags: terms(attributes.tags),
    categories: terms(attributes.categories),
    summary: text.slice(0, 70).join(" "),
  };
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const count of counts.filter((count) => count <= posts.length)) {
  const sample = posts.slice(0, count);
  const indexing = [];
  const times = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const relatedTo = relatedPostsFinder(sample);
    indexing.push(performance.now() - started);
    found = sample.reduce((sum, post) => sum + relatedTo(post).length, 0) / count;
    times.push(performance.now() - started);
  }
  if (globalThis.gc) {
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    const relatedTo = relatedPostsFinder(sample);
    globalThis.gc();
    console.log(`${count} posts: the finder keeps ${((process.memoryUsage().heapUsed - before) / 1048576).toFixed(1)} MiB`);
    void relatedTo;
  }
  // The first run tokenises every post; later ones find their words kept, as the dev server does after an edit.
  const ms = median(times.slice(1));
  console.log(
    `${count} posts: ${times[0].toFixed(0)} ms for every post's related posts, of which indexing ${indexing[0].toFixed(0)} ms; ` +
      `again with the posts' words kept: ${ms.toFixed(0)} ms (${((ms * 1000) / count).toFixed(1)} µs a post), of which indexing ${median(indexing.slice(1)).toFixed(0)} ms; ` +
      `${found.toFixed(2)} related a post`,
  );
}
