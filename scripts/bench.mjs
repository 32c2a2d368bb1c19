// The benchmark: builds generated corpora of N posts, serves each build on 127.0.0.1, loads pages in
// headless Chromium, and writes bench/results.md. Usage:
//   npm run bench -- [--counts 100,1000,10000] [--loads 3] [--out bench/results.md]
// Medians of --loads page loads; one build per N (a build is minutes at large N on this 2-core machine).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const GENERATOR = path.resolve(ROOT, "../shared/tools/gen-posts.mjs");
const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "100,1000,10000" },
    loads: { type: "string", default: "3" },
    out: { type: "string", default: "bench/results.md" },
  },
});
const counts = values.counts.split(",").map(Number);
const loads = Number(values.loads);

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** A copy of the project with a generated corpus as its posts (node_modules linked). */
function corpusProject(count) {
  const dir = mkdtempSync(path.join(tmpdir(), `folio-bench-${count}-`));
  for (const file of ["package.json", "react-router.config.ts", "vite.config.ts", "tsconfig.json"]) cpSync(path.join(ROOT, file), path.join(dir, file));
  for (const folder of ["src", "public"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const generated = spawnSync(process.execPath, [GENERATOR, "--out", path.join(dir, "posts"), "--count", String(count), "--layout", "bundle"], { encoding: "utf8" });
  if (generated.status !== 0) throw new Error(generated.stderr);
  return dir;
}

/** Resident memory of a process and its children, from /proc, in bytes. */
function treeRss(pid) {
  let total = 0;
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(Number(entry), ppid);
    } catch {}
  }
  const inTree = (candidate) => {
    for (let current = candidate; current > 1; current = children.get(current) ?? 0) if (current === pid) return true;
    return false;
  };
  for (const candidate of children.keys()) {
    if (!inTree(candidate)) continue;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${candidate}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {}
  }
  return total;
}

/** Runs the production build; wall time, peak memory of the process tree. */
async function build(dir) {
  const env = { ...process.env, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  const started = performance.now();
  const child = spawn("npx", ["react-router", "build"], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 200);
  const code = await new Promise((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`build failed:\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peak };
}

function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const stat = statSync(path.join(dir, entry));
    if (stat.isFile()) {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

/** Loads a page in a fresh context; bytes by kind as gzip would send them, requests, first contentful paint. */
async function loadPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = { html: 0, js: 0, css: 0, data: 0, other: 0 };
  let requests = 0;
  page.on("response", async (response) => {
    requests++;
    try {
      const body = await response.body();
      const type = response.request().resourceType();
      const kind = type === "document" ? "html" : type === "script" ? "js" : type === "stylesheet" ? "css" : /\.data$/.test(response.url()) ? "data" : "other";
      bytes[kind] += gzipSync(body).length;
    } catch {}
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  await context.close();
  return { bytes, requests, fcp };
}

/** Client-side navigation from one post to the next: click to the new title painted. */
async function nextPostNavigation(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const link = page.getByRole("link", { name: /Previous post/ });
  const title = await link.locator("xpath=.").innerText();
  const started = await page.evaluate(() => performance.now());
  await link.click();
  await page.waitForFunction((expected) => expected.includes(document.querySelector("h1")?.textContent ?? "\u0000"), title);
  const painted = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  await context.close();
  return painted - started;
}

/** Fails, naming the step, if it takes longer than a minute: a benchmark that hangs measures nothing. */
async function step(name, work) {
  console.log(`bench:   ${name}`);
  let timer;
  const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: ${name} took over 60 s`)), 60_000)));
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const results = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const count of counts) {
  console.log(`bench: ${count} posts`);
  const dir = corpusProject(count);
  try {
    const built = await build(dir);
    console.log(`bench:   built in ${built.seconds.toFixed(1)} s`);
    const output = folderSize(path.join(dir, "build/client"));
    const server = await serveStatic({ dir: path.join(dir, "build/client"), port: 0 });
    const origin = `http://127.0.0.1:${server.address().port}`;
    const postSlug = readdirSync(path.join(dir, "build/client/posts")).sort()[Math.floor(count / 2)] ?? readdirSync(path.join(dir, "build/client/posts"))[0];
    const tagSlug = readdirSync(path.join(dir, "build/client/tags")).filter((name) => !name.includes(".")).sort()[0];
    const pages = { home: "/", post: `/posts/${postSlug}/`, tag: `/tags/${tagSlug}/`, "page 2": "/page/2/" };
    const pageResults = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      const runs = [];
      for (let run = 0; run < loads; run++) runs.push(await step(`load ${name} (${run + 1})`, () => loadPage(browser, origin + pagePath)));
      pageResults[name] = {
        html: median(runs.map((r) => r.bytes.html)),
        js: median(runs.map((r) => r.bytes.js)),
        css: median(runs.map((r) => r.bytes.css)),
        data: median(runs.map((r) => r.bytes.data)),
        requests: median(runs.map((r) => r.requests)),
        fcp: median(runs.map((r) => r.fcp)),
      };
    }
    const navigations = [];
    for (let run = 0; run < loads; run++) navigations.push(await step(`next-post navigation (${run + 1})`, () => nextPostNavigation(browser, origin + pages.post)));
    await new Promise((resolve) => server.close(resolve));
    results.push({ count, built, output, pageResults, navigation: median(navigations) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();

const lines = [
  "# Folio benchmark results",
  "",
  `Written by \`npm run bench -- --counts ${values.counts} --loads ${loads}\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, 2 cores).`,
  "Corpora from `../shared/tools/gen-posts.mjs --layout bundle`; page figures are medians of the loads; bytes are gzip sizes of what the page fetched.",
  "",
];
for (const { count, built, output, pageResults, navigation } of results) {
  lines.push(`## ${count} posts`, "", `Build ${built.seconds.toFixed(1)} s, peak memory ${(built.peak / 2 ** 20).toFixed(0)} MiB, output ${(output.bytes / 2 ** 20).toFixed(1)} MiB in ${output.files} files. Next-post navigation (click to painted title): ${navigation.toFixed(0)} ms.`, "");
  lines.push("| page | HTML KB | JS KB | CSS KB | data KB | requests | first contentful paint ms |", "|---|---|---|---|---|---|---|");
  for (const [name, r] of Object.entries(pageResults)) lines.push(`| ${name} | ${kb(r.html)} | ${kb(r.js)} | ${kb(r.css)} | ${kb(r.data)} | ${r.requests} | ${r.fcp.toFixed(0)} |`);
  lines.push("");
}
writeFileSync(path.resolve(ROOT, values.out), lines.join("\n"));
console.log(lines.join("\n"));
