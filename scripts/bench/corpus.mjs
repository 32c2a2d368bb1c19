// The projects the benchmark builds: a copy of Folio whose posts/ is a generated corpus plus the real
// sample post, with node_modules linked package by package so that caches stay inside the copy.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GENERATOR = path.resolve(ROOT, "../shared/tools/gen-posts.mjs");

/** Throws, saying where it is looked for, when the corpus generator (../shared/tools/gen-posts.mjs) is not there. */
export function checkGenerator() {
  if (!existsSync(GENERATOR))
    throw new Error(
      `the post generator is missing: ${GENERATOR} (../shared/tools/gen-posts.mjs, beside this project) writes every corpus the benchmark builds; put it there and run again`,
    );
}

/** The real post every corpus carries, so each N measures the same article. */
export const SAMPLE_POST = { slug: "ai-personalized-cancer-treatment", file: "posts/ai-personalized-cancer-treatment/index.md" };

/** A post with the built-in and example shortcodes (scripts/bench/shortcode-post/), in every corpus too: Lighthouse scores its page. */
export const SHORTCODE_POST = { slug: "shortcode-post", file: "posts/shortcode-post/index.md" };

/** A post of formulas and diagrams (scripts/bench/math-post/), in every corpus too: Lighthouse scores a page with math and Mermaid diagrams. */
export const MATH_POST = { slug: "math-post", file: "posts/math-post/index.md" };

/** A post of highlighted code blocks with their options (scripts/bench/code-post/), in every corpus too: Lighthouse scores a page of code. */
export const CODE_POST = { slug: "code-post", file: "posts/code-post/index.md" };

/** Cache folders tools create under node_modules (Vite's deps and config, find-cache-dir users). */
const CACHE_ENTRIES = [".cache", ".vite", ".vite-temp"];

/**
 * A copy of the project with `count` generated posts and the sample post in posts/; returns its folder,
 * which the caller removes. With `extras`, about half the posts also carry Hugo shortcodes, math,
 * mermaid, GitHub alerts and highlight options (gen-posts --extras on), to measure what those cost;
 * the rest of each post is the same as without.
 */
export function corpusProject(count, { extras = false } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `folio-bench-${count}-`));
  try {
    for (const file of ["package.json", "package-lock.json", "react-router.config.ts", "tsconfig.json"])
      cpSync(path.join(ROOT, file), path.join(dir, file));
    for (const folder of ["src", "public", "scripts"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    writeDevServerConfig(dir);
    linkNodeModules(dir);
    generatePosts(dir, count, { extras });
    addSamplePost(dir);
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Appends a paragraph to a post in a corpus project, as an author's edit would. */
export function appendToPost(dir, file, text) {
  appendFileSync(path.join(dir, file), `\n\n${text}\n`);
}

/** Replaces a post's `title:` line in a corpus project; throws if the post has none. */
export function retitlePost(dir, file, title, { byRename = false } = {}) {
  const full = path.join(dir, file);
  const source = readFileSync(full, "utf8");
  const changed = source.replace(/^title:.*$/m, `title: ${JSON.stringify(title)}`);
  if (changed === source) throw new Error(`${file}: no \`title:\` line to edit`);
  if (!byRename) return writeFileSync(full, changed);
  // As vim, JetBrains' safe write and git save a file: a new file, renamed over the old one.
  const temporary = path.join(dir, `.folio-bench-save-${process.pid}.tmp`);
  writeFileSync(temporary, changed);
  renameSync(temporary, full);
}

/**
 * Folio's own Vite config, plus leave for the dev server to serve the linked packages, which lie
 * outside the copy (the benchmark's projects, and tests/e2e/scratch-project.ts's for the dev
 * server's tests). A build ignores `server`, but the config is part of the code's version.
 */
export function writeDevServerConfig(dir) {
  cpSync(path.join(ROOT, "vite.config.ts"), path.join(dir, "vite.folio.config.ts"));
  const modules = realpathSync(path.join(ROOT, "node_modules"));
  writeFileSync(
    path.join(dir, "vite.config.ts"),
    `import { mergeConfig } from "vite";\nimport folio from "./vite.folio.config.ts";\n` +
      `export default mergeConfig(folio, { server: { fs: { allow: [${JSON.stringify(dir)}, ${JSON.stringify(modules)}] } } });\n`,
  );
}

/**
 * node_modules as a real folder of links to the project's packages: a link to the whole folder would
 * put the copy's caches (node_modules/.cache, .vite, .vite-temp) into the real project's.
 */
function linkNodeModules(dir) {
  const source = path.join(ROOT, "node_modules");
  const target = path.join(dir, "node_modules");
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (CACHE_ENTRIES.includes(entry)) continue;
    symlinkSync(path.join(source, entry), path.join(target, entry));
  }
}

/**
 * A generated post that is in every corpus: gen-posts writes post i the same whatever the count, so
 * the first of its first 20 posts that is not a draft is the same page at every N.
 */
export function postInEveryCorpus() {
  const dir = mkdtempSync(path.join(tmpdir(), "folio-bench-first-posts-"));
  try {
    generatePosts(dir, 20);
    const published = readdirSync(path.join(dir, "posts"))
      .sort()
      .find((slug) => !/^draft:\s*true\b/m.test(readFileSync(path.join(dir, "posts", slug, "index.md"), "utf8")));
    if (!published) throw new Error("gen-posts wrote 20 drafts: no generated post to measure");
    return { slug: published, file: `posts/${published}/index.md` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generatePosts(dir, count, { extras = false } = {}) {
  const args = [GENERATOR, "--out", path.join(dir, "posts"), "--count", String(count), "--layout", "bundle"];
  if (extras) args.push("--extras", "on");
  const generated = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (generated.status !== 0) throw new Error(`gen-posts failed:\n${generated.stderr}`);
}

function addSamplePost(dir) {
  for (const [post, source] of [
    [SAMPLE_POST, path.join(ROOT, "posts", SAMPLE_POST.slug)],
    [SHORTCODE_POST, path.join(import.meta.dirname, "shortcode-post")],
    [MATH_POST, path.join(import.meta.dirname, "math-post")],
    [CODE_POST, path.join(import.meta.dirname, "code-post")],
  ]) {
    const target = path.join(dir, "posts", post.slug);
    if (existsSync(target)) throw new Error(`the generated corpus already has a post named ${post.slug}`);
    cpSync(source, target, { recursive: true });
  }
}

/**
 * Cache folders in a project: node_modules/.cache/<tool>, Vite's node_modules/.vite*, and top-level
 * dot folders such as .folio-cache (React Router's generated .react-router is not a cache).
 */
export function cacheFolders(dir) {
  const found = [];
  const modules = path.join(dir, "node_modules");
  for (const entry of CACHE_ENTRIES) {
    const folder = path.join(modules, entry);
    if (!existsSync(folder)) continue;
    if (entry === ".cache") for (const tool of readdirSync(folder)) found.push(`node_modules/.cache/${tool}`);
    else found.push(`node_modules/${entry}`);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(".") && entry.name !== ".react-router") found.push(entry.name);
  }
  return found;
}
