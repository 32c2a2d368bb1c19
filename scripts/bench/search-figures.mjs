// Search's figures for one folder of posts, quicker than the whole benchmark: a cold build (with
// its stages), the index's size, what pages fetch for search, the header's search in Chromium three
// times (first query with the cache empty, then two keystrokes), two rebuilds each after an edit of
// one post, and a rebuild with nothing changed.
//
//   node scripts/bench/search-figures.mjs POSTS_DIR
//
// Run it in a copy of the project: it empties .folio-cache/ and build/ first (a cold build), and
// appends a line to one post of POSTS_DIR (a generated corpus: ../shared/tools/gen-posts.mjs);
// the build's stages go to .folio-build-stages.jsonl there.
import { appendFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../chromium.mjs";
import { loadPage, serveLikeStaticHost } from "./pages.mjs";
import { buildWithStages } from "./processes.mjs";
import { searchIndexSize, searchTimings } from "./search.mjs";

const [corpusArgument] = process.argv.slice(2);
if (!corpusArgument) throw new Error("usage: node scripts/bench/search-figures.mjs POSTS_DIR");
const corpus = path.resolve(corpusArgument);
const dir = process.cwd();
process.env.FOLIO_POSTS = corpus;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const stages = (build) =>
  build.stages
    .filter((stage) => /Search|Planning \(|Rendering pages|End of build/.test(stage.stage))
    .map((stage) => `    ${stage.stage}: ${stage.from.toFixed(1)}–${stage.to.toFixed(1)} s (${stage.sum.toFixed(1)} s)`)
    .join("\n");

rmSync(path.join(dir, ".folio-cache"), { recursive: true, force: true });
rmSync(path.join(dir, "build"), { recursive: true, force: true });
const cold = await buildWithStages(dir);
console.log(`cold build ${cold.seconds.toFixed(1)} s, peak ${(cold.peak / 2 ** 20).toFixed(0)} MiB\n${stages(cold)}`);
const index = searchIndexSize(path.join(dir, "build/client"));
console.log(
  `index: ${index.files} files, ${(index.bytes / 2 ** 20).toFixed(1)} MiB; vocabulary ${index.vocabularyWords} words, ${kb(index.vocabularyBytes)} (${kb(index.vocabularyGzip)} gzip)`,
);

const host = await serveLikeStaticHost(path.join(dir, "build/client"));
const browser = await launchChromium();
try {
  const post = readdirSync(corpus).find((name) => !name.startsWith("."));
  for (const page of ["/", "/tags/ai/", `/posts/${post}/`]) {
    const loaded = await loadPage(browser, host.origin + page);
    console.log(`${page}: ${loaded.searchBytes} bytes of search`);
  }
  for (let run = 1; run <= 3; run++) {
    const search = await searchTimings(browser, host.origin);
    const next = search.next.map((keystroke) => `${keystroke.ms.toFixed(0)} ms and ${kb(keystroke.bytes)}`).join(", ");
    console.log(
      `search ${run}: “${search.query}” ${search.first.ms.toFixed(0)} ms, ${kb(search.first.bytes)} in ${search.first.files} files; next keystrokes ${next}`,
    );
  }
} finally {
  await browser.close();
  await host.close();
}

const first = path.join(
  corpus,
  readdirSync(corpus).find((name) => !name.startsWith(".")),
);
// A page bundle's index.md, or a post that is a file of its own.
const edited = statSync(first).isDirectory() ? path.join(first, "index.md") : first;
for (let run = 1; run <= 2; run++) {
  appendFileSync(edited, `\nEdited by search-figures.mjs at ${new Date().toISOString()}.\n`);
  const rebuild = await buildWithStages(dir);
  console.log(`rebuild after editing one post: ${rebuild.seconds.toFixed(1)} s\n${stages(rebuild)}`);
}
const unchanged = await buildWithStages(dir);
console.log(`rebuild, nothing changed: ${unchanged.seconds.toFixed(1)} s\n${stages(unchanged)}`);
