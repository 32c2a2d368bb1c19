// The yardstick: Hugo (Debian's), building the same posts cold with a small layout of our own
// (scripts/bench/hugo-site/), so the results can say how Folio's cold build compares, in the same run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { timedRun } from "./processes.mjs";

const LAYOUTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "hugo-site/layouts");

/**
 * Hugo's shortcodes the yardstick keeps: the others fetch from the network at build time (gist,
 * instagram, tweet) or stop the build on a target they cannot find (ref). Every other shortcode a
 * post uses gets a template that renders its inner content, so Hugo reads every post.
 */
const BUILT_IN = new Set(["figure", "highlight"]);

/**
 * The `hugo` command, installing Debian's package when it is missing and we may (root, apt-get);
 * undefined, with the reason printed, when there is none.
 */
export function findHugo() {
  const found = () => spawnSync("hugo", ["version"], { encoding: "utf8" });
  let version = found();
  if (version.status !== 0 && process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    console.log("bench: installing Debian's hugo for the yardstick (apt-get install -y hugo)");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo"], { stdio: "inherit" });
    version = found();
  }
  if (version.status !== 0) {
    console.log("bench: no hugo: the Hugo yardstick is left out (Debian: apt-get install hugo)");
    return undefined;
  }
  return version.stdout.match(/v[\d.]+/)?.[0] ?? "hugo";
}

/**
 * A Hugo site beside a corpus project (`<dir>/hugo-yardstick/`): its posts copied into
 * content/posts/, the yardstick's layouts, and a stand-in template for each other shortcode they use.
 * Returns the site's folder.
 */
export function hugoSite(dir) {
  const site = path.join(dir, "hugo-yardstick");
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, "content"), { recursive: true });
  cpSync(path.join(dir, "posts"), path.join(site, "content/posts"), { recursive: true });
  cpSync(LAYOUTS, path.join(site, "layouts"), { recursive: true });
  const shortcodes = path.join(site, "layouts/shortcodes");
  mkdirSync(shortcodes, { recursive: true });
  // Hugo asks a shortcode whose template reads .Inner to be closed: only those used with a closing tag read it.
  for (const [name, closed] of shortcodesUsed(path.join(site, "content/posts"))) {
    if (!BUILT_IN.has(name)) writeFileSync(path.join(shortcodes, `${name}.html`), closed ? "{{ .Inner }}" : "{{ .Get 0 }}");
  }
  writeFileSync(
    path.join(site, "hugo.toml"),
    [
      'baseURL = "https://folio.example.org/"',
      'languageCode = "en"',
      'title = "Folio"',
      "paginate = 10",
      "enableEmoji = true",
      "[taxonomies]",
      '  tag = "tags"',
      '  category = "categories"',
      "[markup.goldmark.renderer]",
      "  unsafe = true",
      "",
    ].join("\n"),
  );
  return site;
}

/** The shortcodes the posts under `folder` use, each with whether it is ever closed (`{{< /name >}}`). */
function shortcodesUsed(folder) {
  const closed = new Map();
  for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    if (!/\.(md|markdown)$/.test(file)) continue;
    for (const [, slash, name] of readFileSync(path.join(folder, file), "utf8").matchAll(/\{\{[<%]\s*(\/?)\s*([\w-]+)/g))
      closed.set(name, closed.get(name) || slash === "/");
  }
  return closed;
}

/** A cold Hugo build of `site` (no output, resources or cache kept): wall time in seconds and peak resident memory in bytes. */
export async function hugoBuild(site, signal) {
  for (const folder of ["public", "resources", ".hugo-cache"]) rmSync(path.join(site, folder), { recursive: true, force: true });
  const { seconds, peak, output } = await timedRun("hugo", "hugo", ["--quiet", "--cacheDir", path.join(site, ".hugo-cache")], {
    cwd: site,
    env: process.env,
    signal,
  });
  if (!existsSync(path.join(site, "public/index.html"))) throw new Error(`hugo wrote no home page:\n${output}`);
  return { seconds, peak };
}
