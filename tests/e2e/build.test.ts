import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildEnv } from "./global-setup";
import { runBuild, scratchProject } from "./scratch-project";

describe("building a site with broken posts", () => {
  it("stops with every broken post's file, line and fix", () => {
    const project = scratchProject({
      "good.md": "---\ntitle: Fine\ndate: 2024-01-01\n---\n\nAll good.\n",
      "leap.md": "---\ntitle: Leap day that is not\ndate: 2023-02-30\n---\n\nBody.\n",
      "numbers/index.md": "---\ntitle: Numbers\ndate: 2024-01-02\ntags: [ai, 42]\n---\n\nBody.\n",
    });
    try {
      const build = runBuild(project.dir);
      const output = build.stdout + build.stderr;
      expect(build.status).not.toBe(0);
      expect(output).toContain("posts/leap.md:3: `date`: 2023-02-30 does not exist in the calendar: check the month and day");
      expect(output).toContain('posts/numbers/index.md:4: tags[1] must be a string, got number 42: put it in quotes, e.g. "42"');
    } finally {
      project.remove();
    }
  }, 60_000);

  it("builds with a misplaced key, warning about it once with its line", () => {
    const project = scratchProject({
      "toc.md": "---\ntitle: Fine\ndate: 2024-01-01\ntoc:\nauto: false\n---\n\n## Section\n",
    });
    try {
      const build = runBuild(project.dir);
      const output = build.stdout + build.stderr;
      expect(build.status).toBe(0);
      const warning = "posts/toc.md:5: warning: `auto` is not a top-level key; LoveIt reads it inside `toc:`";
      expect(output.split(warning).length - 1).toBe(1);
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("what a build prints", () => {
  it("prints no line per file and nothing that reads as a problem, and ends with what it built and where", () => {
    const project = scratchProject({}, { bundledPosts: true });
    try {
      const build = runBuild(project.dir);
      const output = build.stdout + build.stderr;
      expect(build.status).toBe(0);
      expect(output).not.toMatch(/Prerender \(|deprecated|Future Flag|Removing the server build|\(!\)/);
      // The sample post's two misplaced keys, together under one heading, before the summary.
      expect(output).toMatch(
        /2 warnings in 1 post:\n {2}posts\/ai-personalized-cancer-treatment\/index\.md:22: warning: [^\n]+\n {2}posts\/ai-personalized-cancer-treatment\/index\.md:24: warning: /,
      );
      expect(build.stdout.trimEnd().split("\n").at(-1)).toMatch(
        /^Folio built 13 posts into \d+ pages in [\d.]+ s \((\d+) rendered, 0 unchanged since the last build\): build\/client\/$/,
      );
      // No progress bar where nothing can redraw it (CI logs, pipes).
      expect(output).not.toContain("\r");

      // A second build keeps most pages and the app's bundles, and says so.
      const again = /\((\d+) rendered, (\d+) unchanged since the last build, the app's code unchanged: not bundled again\)/.exec(
        runBuild(project.dir).stdout,
      );
      expect(Number(again?.[2])).toBeGreaterThan(Number(again?.[1]));
    } finally {
      project.remove();
    }
  }, 120_000);

  it("shows a progress bar that updates in place on a terminal", () => {
    const project = scratchProject({}, { bundledPosts: true });
    try {
      // `script` runs the build on a pseudo-terminal, as a person's terminal would: not in CI (whose
      // CI variable turns the bar off for its logs) and not on a dumb terminal.
      const env: NodeJS.ProcessEnv = { ...buildEnv(), TERM: "xterm-256color" };
      delete env.CI;
      const build = spawnSync("script", ["-qec", "node scripts/react-router.mjs build", "/dev/null"], {
        cwd: project.dir,
        encoding: "utf8",
        env,
      });
      expect(build.status, build.stdout.slice(-2000)).toBe(0);
      // The bar is drawn on a line it erases first (carriage return and "erase line") as pages are rendered…
      // eslint-disable-next-line no-control-regex -- the terminal's escape sequences are what is checked
      const frames = build.stdout.match(/(\r\x1b\[2K|\x1b\[2K\r)Rendering pages [█░]+ \d+\/132/g) ?? [];
      expect(frames.length).toBeGreaterThan(0);
      // …and it is gone by the end: the summary is the last line, with no bar after it.
      const lines = build.stdout.split(/\r?\n/).filter((line) => line.trim() !== "");
      expect(lines.at(-1)).toMatch(
        /^Folio built 13 posts into 132 pages in [\d.]+ s \(132 rendered, 0 unchanged since the last build\): build\/client\/$/,
      );
    } finally {
      project.remove();
    }
  }, 120_000);
});
