import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutput, runBuild, scratchProject } from "./scratch-project";

describe("rendering pages in worker threads (a build of many pages)", () => {
  it("writes exactly what React Router's own prerender writes, under a sub-path too", () => {
    // A sub-path site: every kind of page (lists, posts, a redirect alias, feeds, the sitemap) under a
    // basename. The workers build their site from the parse cache, not from the posts' text: a draft
    // checks that it leaves out what the build's thread leaves out.
    const draft = "---\ntitle: Not yet\ndate: 2024-06-01\ndraft: true\ntags: [AI]\n---\n\nUnfinished.\n";
    const project = scratchProject({ "not-yet.md": draft }, { bundledPosts: true, baseUrl: "https://example.org/blog/" });
    // Each build renders every page: the pages of the last build are not kept.
    const renderAll = () => {
      rmSync(path.join(project.dir, "build"), { recursive: true, force: true });
      rmSync(path.join(project.dir, ".folio-cache", "pages.json"), { force: true });
    };
    try {
      const inWorkers = runBuild(project.dir, { FOLIO_PRERENDER_WORKERS: "2", FOLIO_VERBOSE: "1" });
      expect(inWorkers.status, inWorkers.stderr.slice(-2000)).toBe(0);
      const rendered = /folio: (\d+) pages rendered in 2 worker threads in [\d.]+ s; React Router renders the other (\d+)/.exec(
        inWorkers.stdout,
      );
      expect(rendered, inWorkers.stdout.slice(-2000)).not.toBeNull();
      const [inThreads, byReactRouter] = [Number(rendered![1]), Number(rendered![2])];
      // React Router renders the first page of each route (the search page is one) and the home page, the workers all the others.
      expect(byReactRouter).toBeLessThan(16);
      expect(inThreads).toBeGreaterThan(100);
      // FOLIO_VERBOSE=1 lists each page once, whoever rendered it.
      const pagesListed = (stdout: string) => stdout.match(/^Prerender \((html|resource)\): (?!SPA Fallback)/gm)?.length;
      expect(pagesListed(inWorkers.stdout)).toBe(inThreads + byReactRouter);
      const fromWorkers = buildOutput(project.dir);
      expect([...fromWorkers.keys()].filter((name) => name.includes("not-yet"))).toEqual([]);
      expect([...fromWorkers.keys()]).toContain("posts/ai-personalized-cancer-treatment/index.md");

      renderAll();
      const inMainThread = runBuild(project.dir, { FOLIO_PRERENDER_WORKERS: "0", FOLIO_VERBOSE: "1" });
      expect(inMainThread.status, inMainThread.stderr.slice(-2000)).toBe(0);
      expect(inMainThread.stdout).not.toMatch(/worker threads/);
      expect(pagesListed(inMainThread.stdout)).toBe(inThreads + byReactRouter);
      const fromMainThread = buildOutput(project.dir);

      expect([...fromWorkers.keys()]).toEqual([...fromMainThread.keys()]);
      expect([...fromMainThread.keys()].filter((name) => fromWorkers.get(name) !== fromMainThread.get(name))).toEqual([]);
    } finally {
      project.remove();
    }
  }, 240_000);

  it("fails the build, naming the page, when a worker cannot render one", () => {
    const project = scratchProject({}, { bundledPosts: true });
    // A post loader that always fails: the workers, which render before React Router, meet it first.
    const route = path.join(project.dir, "src/routes/post.tsx");
    const source = readFileSync(route, "utf8");
    const loader = "export async function loader({ params }: Route.LoaderArgs) {\n";
    expect(source).toContain(loader);
    writeFileSync(route, source.replace(loader, `${loader}  throw new Error(\`\${params.slug} cannot be rendered\`);\n`));
    try {
      const build = runBuild(project.dir, { FOLIO_PRERENDER_WORKERS: "2", FOLIO_VERBOSE: "1" });
      expect(build.status).not.toBe(0);
      expect(build.stdout + build.stderr).toMatch(
        /folio: a page could not be prerendered: Error: Prerender \(data\): Received a 500 status code .* while prerendering the `\/posts\/[^`]+\/` path/,
      );
    } finally {
      project.remove();
    }
  }, 120_000);
});
