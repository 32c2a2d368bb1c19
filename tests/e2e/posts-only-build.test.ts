import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutput, runBuild, scratchProject } from "./scratch-project";

/** What a build prints when it reused the last build's app instead of bundling it again. */
const REUSED = "the app's code unchanged: not bundled again";

function build(dir: string, env: Record<string, string> = {}): string {
  const result = runBuild(dir, env);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  return result.stdout + result.stderr;
}

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ntags: [notes]\n---\n\n## A heading\n\nBody text.\n`;

describe("a posts-only build (posts changed, code not)", () => {
  it("reuses the last build's app and writes what a full build writes, byte for byte, under a sub-path too", () => {
    const project = scratchProject(
      { "first.md": post("First", "2024-01-01"), "second.md": post("Second", "2024-01-02"), "third.md": post("Third", "2024-01-03") },
      { bundledPosts: true, baseUrl: "https://example.org/blog/" },
    );
    const posts = path.join(project.dir, "posts");
    try {
      expect(build(project.dir)).not.toContain(REUSED);

      // The common deploy: a post edited, one added, one deleted.
      appendFileSync(path.join(posts, "first.md"), "\nA new paragraph.\n");
      writeFileSync(path.join(posts, "fourth.md"), post("Fourth", "2024-01-04"));
      rmSync(path.join(posts, "second.md"));
      const postsOnly = build(project.dir);
      expect(postsOnly).toContain(REUSED);
      // Neither Vite nor React Router's build ran.
      expect(postsOnly).not.toMatch(/vite v\d|building for production|Prerender \(html\): SPA Fallback/i);
      // Its log counts the pages the plan named, all rendered by its workers.
      const planned = /folio: (\d+) of \d+ pages to render/.exec(postsOnly)?.[1];
      expect(postsOnly).toMatch(new RegExp(`folio: ${planned} pages rendered in \\d+ worker threads? in [\\d.]+ s\n`));
      const reused = buildOutput(project.dir);
      expect([...reused.keys()]).toContain("posts/fourth/index.html");
      expect(Buffer.from(reused.get("index.html")!, "base64").toString()).toContain('href="/blog/posts/fourth/"');
      expect([...reused.keys()].filter((file) => file.startsWith("posts/second/"))).toEqual([]);
      expect(Buffer.from(reused.get("posts/first/index.html")!, "base64").toString()).toContain("A new paragraph.");

      // The same posts built from nothing, bundling the app.
      rmSync(path.join(project.dir, "build"), { recursive: true, force: true });
      rmSync(path.join(project.dir, ".folio-cache", "pages.json"), { force: true });
      expect(build(project.dir, { FOLIO_FULL_BUILD: "1" })).not.toContain(REUSED);
      const full = buildOutput(project.dir);
      expect([...reused.keys()]).toEqual([...full.keys()]);
      expect([...full.keys()].filter((file) => reused.get(file) !== full.get(file))).toEqual([]);
    } finally {
      project.remove();
    }
  }, 240_000);

  it("bundles the app again when its code changed or its files left build/, and stops on a broken post", () => {
    const project = scratchProject({ "first.md": post("First", "2024-01-01") });
    try {
      build(project.dir);
      expect(build(project.dir)).toContain(REUSED);

      // The project copied to another folder, as a CI cache restores it: another path, new file times.
      const copy = mkdtempSync(path.join(tmpdir(), "folio-copy-"));
      try {
        cpSync(project.dir, copy, { recursive: true, verbatimSymlinks: true });
        expect(build(copy)).toContain(REUSED);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }

      // A change to the app's code (its style sheet).
      appendFileSync(path.join(project.dir, "src/app.css"), "\n/* changed */\n");
      expect(build(project.dir)).not.toContain(REUSED);
      expect(build(project.dir)).toContain(REUSED);

      // A script of the app deleted from build/, as a CI runner that kept only .folio-cache/ has none.
      const assets = path.join(project.dir, "build/client/assets");
      rmSync(
        path.join(
          assets,
          readdirSync(assets).find((file) => file.endsWith(".js"))!,
        ),
      );
      expect(build(project.dir)).not.toContain(REUSED);

      // A broken post stops a posts-only build as it stops a full one: its file, line and fix.
      writeFileSync(path.join(project.dir, "posts/leap.md"), "---\ntitle: Leap day that is not\ndate: 2023-02-30\n---\n\nBody.\n");
      const broken = runBuild(project.dir);
      expect(broken.stdout + broken.stderr).toContain("posts/leap.md:3: `date`: 2023-02-30 does not exist in the calendar");
      expect(broken.stdout).toContain("its bundles are reused");
      expect(broken.status).not.toBe(0);
    } finally {
      project.remove();
    }
  }, 240_000);
});
