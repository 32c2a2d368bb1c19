// Times the related-posts computation (src/content/related-posts.server.ts) on a folder of posts,
// such as `../shared/tools/gen-posts.mjs --out DIR --count 10000` writes, at several sizes:
//
//   node scripts/bench/related-posts.mjs DIR [--counts 1000,2500,5000,10000] [--runs 3]
//
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
const runs = Number(option("--runs", "3"));

const { relatedPosts } = await loadModule("src/content/related-posts.server.ts");
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
  const times = [];
  let related;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    related = relatedPosts(sample);
    times.push(performance.now() - started);
  }
  const found = [...related.values()].reduce((sum, list) => sum + list.length, 0) / count;
  const ms = median(times);
  console.log(`${count} posts: ${ms.toFixed(0)} ms (${((ms * 1000) / count).toFixed(1)} µs a post), ${found.toFixed(2)} related a post`);
}
