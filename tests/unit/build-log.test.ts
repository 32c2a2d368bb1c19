// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";

type BuildLog = typeof import("../../src/build/build-log.server");

/** The build log as a CI job sees it (no terminal to redraw), with the clock under the test's control. */
async function ciBuildLog(): Promise<{ log: BuildLog; lines: string[] }> {
  vi.stubEnv("CI", "true");
  vi.useFakeTimers({ toFake: ["performance"] });
  delete (globalThis as { __folioOutput?: unknown }).__folioOutput;
  vi.resetModules();
  const lines: string[] = [];
  vi.spyOn(console, "info").mockImplementation((line: string) => void lines.push(line));
  vi.spyOn(console, "warn").mockImplementation((line: string) => void lines.push(line));
  const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const log = await import("../../src/build/build-log.server");
  // Nothing is drawn in place: there is no terminal.
  onTestFinished(() => expect(write).not.toHaveBeenCalled());
  return { log, lines };
}

describe("the build's log in CI", () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("prints a step's progress as a plain line every 10 seconds, and nothing for a short step", async () => {
    const { log, lines } = await ciBuildLog();
    const short = log.startProgress("Reading posts", 3);
    short.advance(3);
    short.end();
    expect(lines).toEqual([]);

    const parsing = log.startProgress("Parsing posts", 10_000);
    for (let second = 1; second <= 25; second++) {
      vi.advanceTimersByTime(1000);
      parsing.advance(400);
    }
    parsing.end();
    expect(lines).toEqual(["Parsing posts: 4,000 of 10,000", "Parsing posts: 8,000 of 10,000"]);
  });

  it("lists the authors' warnings together, sorted by file and line, each once", async () => {
    const { log, lines } = await ciBuildLog();
    const warning = (file: string, line: number) => ({ file, line, message: `check line ${line}` });
    log.printWarnings([warning("posts/b.md", 9), warning("posts/a.md", 30), warning("posts/a.md", 4)]);
    expect(lines).toEqual([
      "3 warnings in 2 posts:",
      "  posts/a.md:4: warning: check line 4",
      "  posts/a.md:30: warning: check line 30",
      "  posts/b.md:9: warning: check line 9",
    ]);
    // On the dev server an edit prints only the warnings it brought.
    log.printWarnings([warning("posts/a.md", 4), warning("posts/c.md", 2)]);
    expect(lines.slice(4)).toEqual(["1 warning in 1 post:", "  posts/c.md:2: warning: check line 2"]);
  });

  it("prints a warning many posts share once, with where else it is", async () => {
    const { log, lines } = await ciBuildLog();
    const misplaced = (file: string) => ({ file, line: 22, message: "`auto` is not a top-level key" });
    log.printWarnings(
      ["e", "a", "d", "c", "b", "f"].map((name) => misplaced(`posts/${name}.md`)),
      false,
    );
    expect(lines).toEqual([
      "6 warnings in 6 posts:",
      "  posts/a.md:22: warning: `auto` is not a top-level key",
      "    also at posts/b.md:22, posts/c.md:22, posts/d.md:22 and 2 more (FOLIO_VERBOSE=1 lists them)",
    ]);
  });

  it("prints once what both planning threads print once, and every other line the threads send", async () => {
    const { log, lines } = await ciBuildLog();
    // A build whose diagrams are drawn between two planning threads: each reads the posts and says so.
    const relayed = (message: string, key?: string) => ({ folioOutput: { message, warn: false, ...(key && { key }) } });
    expect(log.printRelayed(relayed("folio: 100 posts read in 9.8 s", "posts read"))).toBe(true);
    expect(log.printRelayed(relayed("folio: 100 posts read in 0.4 s", "posts read"))).toBe(true);
    log.printRelayed(relayed("Parsing posts: 40 of 100"));
    log.printRelayed(relayed("Parsing posts: 40 of 100"));
    expect(lines).toEqual(["folio: 100 posts read in 9.8 s", "Parsing posts: 40 of 100", "Parsing posts: 40 of 100"]);
  });

  it("ends a build with what it built, in how long and where", async () => {
    const { log, lines } = await ciBuildLog();
    vi.advanceTimersByTime(134_000);
    log.printBuildSummary({ posts: 10_000, pages: 16_432, rendered: 12, removed: 3, warnings: [], outDir: "build/client" });
    expect(lines.at(-1)).toBe(
      "\nFolio built 10,000 posts into 16,432 pages in 2 min 14 s (12 rendered, 16,420 unchanged since the last build, 3 old files removed): build/client/",
    );
  });
});
