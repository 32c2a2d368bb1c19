import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutput, runBuild, scratchProject } from "./scratch-project";

const post = (title: string, tags: string) =>
  `---\ntitle: ${title}\ndate: 2024-03-01\ntags: [${tags}]\n---\n\n## A heading\n\nSome *text* with <mark>HTML</mark>.\n`;

describe("parsing posts in worker threads (a cold build of many posts)", () => {
  it("writes exactly what parsing in the main thread writes, and still reports a bad post with its file and line", () => {
    const project = scratchProject({ "one.md": post("One", "a"), "two.md": post("Two", "a, b") }, { bundledPosts: true });
    const cache = path.join(project.dir, ".folio-cache");
    try {
      const inWorkers = runBuild(project.dir, { FOLIO_PARSE_WORKERS: "2" });
      expect(inWorkers.status, inWorkers.stderr.slice(-2000)).toBe(0);
      expect(inWorkers.stdout).toMatch(/folio: 15 of 15 uncached posts parsed in 2 worker threads/);
      const fromWorkers = buildOutput(project.dir);

      rmSync(cache, { recursive: true });
      const inMainThread = runBuild(project.dir, { FOLIO_PARSE_WORKERS: "0" });
      expect(inMainThread.status, inMainThread.stderr.slice(-2000)).toBe(0);
      expect(inMainThread.stdout).not.toMatch(/worker threads/);
      const fromMainThread = buildOutput(project.dir);
      expect([...fromWorkers.keys()]).toEqual([...fromMainThread.keys()]);
      expect([...fromMainThread.keys()].filter((name) => fromWorkers.get(name) !== fromMainThread.get(name))).toEqual([]);

      rmSync(cache, { recursive: true });
      writeFileSync(path.join(project.dir, "posts/bad.md"), "---\ntitle: Bad\ndate: 2024-13-45\n---\n\nText.\n");
      const bad = runBuild(project.dir, { FOLIO_PARSE_WORKERS: "2" });
      expect(bad.status).not.toBe(0);
      expect(bad.stdout + bad.stderr).toMatch(/posts\/bad\.md:3: .*date/);
    } finally {
      project.remove();
    }
  }, 240_000);
});
