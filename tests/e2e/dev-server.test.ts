import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { buildEnv } from "./global-setup";
import { scratchProject } from "./scratch-project";

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const post = (title: string, heading: string, extra = "") =>
  `---\ntitle: ${title}\ndate: 2024-03-01\n${extra}---\n\n## ${heading}\n\nText.\n`;

describe("the dev server", () => {
  const project = scratchProject(
    {
      "live.md": post("Live post", "Before the edit"),
      "unfinished.md": post("Unfinished thoughts", "Draft section", "draft: true\n"),
      "diagram.md": "---\ntitle: Diagram\ndate: 2024-02-01\n---\n\n```mermaid\nflowchart LR\n  edit[Edit] --> see[See]\n```\n",
    },
    { devServer: true },
  );
  let server: ChildProcess;
  let origin: string;
  let browser: Browser;
  /** Everything the dev server printed, on both streams. */
  let output = "";

  beforeAll(async () => {
    // A fixed port: the dev server may restart once to re-optimise dependencies, and must come back where it was.
    const port = await freePort();
    server = spawn("node", ["scripts/react-router.mjs", "dev", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
      cwd: project.dir,
      env: { ...buildEnv(), NODE_ENV: "development" },
      detached: true,
    });
    origin = await new Promise<string>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => {
        output += chunk;
        const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stripVTControlCharacters(output));
        if (match) resolve(match[1]);
      });
      server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
      server.on("exit", () => reject(new Error(`dev server exited:\n${output}`)));
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) process.kill(-server.pid);
    project.remove();
  });

  it("starts and serves its first pages without a notice an author would take for a problem", async () => {
    const page = await browser.newPage();
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${origin}/posts/live/`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Tags" }).click();
    await page.waitForURL(/\/tags\/$/);
    // One load: the first page was not reloaded to pre-bundle dependencies, and the link was followed in the page.
    expect(loads).toBe(1);
    const printed = stripVTControlCharacters(output);
    expect(printed).not.toMatch(/deprecated|Future Flag|optimized dependencies changed|reloading|error/i);
    expect(printed).toMatch(/Local:\s+http:\/\/127\.0\.0\.1:\d+/);
  }, 30_000);

  it("draws a diagram when its page is asked for, as a build does", async () => {
    // In the page's HTML, not drawn by Mermaid in the browser.
    const html = await (await fetch(`${origin}/posts/diagram/`)).text();
    expect(html).toMatch(/<div class="diagram-image" role="img" aria-label="Flowchart"[^>]*><svg /);
    const page = await browser.newPage();
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${origin}/posts/diagram/`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator(".diagram-image svg").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator(".diagram-error").count()).toBe(0);
    expect(loads).toBe(1);
    await page.close();
  }, 40_000);

  it("shows an edited post in the open page without a reload", async () => {
    const page = await browser.newPage();
    // The first visit may make Vite optimise dependencies and reload the page once; start after that.
    await page.goto(`${origin}/posts/live/`, { waitUntil: "networkidle" });
    await page.goto(`${origin}/posts/live/`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Before the edit" }).waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const file = path.join(project.dir, "posts/live.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Before the edit", "After the edit"));

    await page.getByRole("heading", { name: "After the edit" }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => "notReloaded" in window)).toBe(true);
  }, 30_000);

  it("serves a post added while it runs, and a tag an edit introduces", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    writeFileSync(path.join(project.dir, "posts/added.md"), post("Added later", "Fresh section"));
    // The open home page lists it without a reload, and its own URL is served.
    await page.getByRole("link", { name: "Added later" }).first().waitFor({ timeout: 10_000 });
    await page.goto(`${origin}/posts/added/`);
    await page.getByRole("heading", { name: "Fresh section" }).waitFor();

    const file = path.join(project.dir, "posts/added.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2024-03-01\n", "date: 2024-03-01\ntags: [late-tag]\n"));
    await page.getByRole("link", { name: "late-tag" }).first().waitFor({ timeout: 10_000 });
    await page.getByRole("link", { name: "late-tag" }).first().click();
    await page.waitForURL(/\/tags\/late-tag\/$/);
    await page.getByRole("link", { name: "Added later" }).first().waitFor();
  }, 30_000);

  it("answers an unknown address with the not-found page and status 404, as the built site does", async () => {
    for (const url of ["/posts/no-such-post/", "/tags/no-such-tag/", "/page/999/", "/nowhere/at/all/"]) {
      const answer = await fetch(`${origin}${url}`);
      expect.soft(answer.status, url).toBe(404);
      expect.soft(await answer.text(), url).toContain("Page not found");
    }
  });

  it("drops a removed post, and serves a page bundle moved into posts/ whole", async () => {
    writeFileSync(path.join(project.dir, "posts/doomed.md"), post("Doomed post", "Short life"));
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Doomed post" }).first().waitFor({ timeout: 10_000 });
    rmSync(path.join(project.dir, "posts/doomed.md"));
    await page.getByRole("link", { name: "Doomed post" }).first().waitFor({ state: "detached", timeout: 10_000 });
    expect((await fetch(`${origin}/posts/doomed/`)).status).toBe(404);

    // A bundle written elsewhere and moved in: its folder appears with index.md already inside.
    const outside = mkdtempSync(path.join(project.dir, ".bundle-"));
    mkdirSync(path.join(outside, "moved-in"));
    writeFileSync(path.join(outside, "moved-in/index.md"), post("Moved in whole", "Bundled section"));
    renameSync(path.join(outside, "moved-in"), path.join(project.dir, "posts/moved-in"));
    await page.getByRole("link", { name: "Moved in whole" }).first().waitFor({ timeout: 10_000 });
    await page.goto(`${origin}/posts/moved-in/`);
    await page.getByRole("heading", { name: "Bundled section" }).waitFor();
  }, 30_000);

  /** A save as vim, JetBrains' safe write and git write a file: a new file renamed over the old one. */
  function saveByRename(file: string, text: string) {
    const temporary = path.join(project.dir, `.${path.basename(file)}.${Date.now()}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, path.join(project.dir, file));
  }

  /** Opens a post, after the first visit's possible reload, marked so that a reload would show. */
  async function openPost(url: string, heading: string) {
    const page = await browser.newPage();
    await page.goto(`${origin}${url}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: heading }).waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    return page;
  }

  it("shows saves by rename (vim, JetBrains, git) every time, not only the first, without a reload", async () => {
    writeFileSync(path.join(project.dir, "posts/renamed.md"), post("Saved by rename", "Version 0"));
    const page = await openPost("/posts/renamed/", "Version 0");
    for (const version of [1, 2, 3]) {
      saveByRename("posts/renamed.md", post("Saved by rename", `Version ${version}`));
      await page.getByRole("heading", { name: `Version ${version}` }).waitFor({ timeout: 10_000 });
    }
    expect(await page.evaluate(() => "notReloaded" in window)).toBe(true);
  }, 30_000);

  it("shows a post as `git checkout` leaves it, and a branch switch that changes many posts at once", async () => {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Folio", "-c", "user.email=folio@example.com", ...args], { cwd: project.dir });
    for (let index = 0; index < 40; index++)
      writeFileSync(path.join(project.dir, `posts/branch-${index}.md`), post(`Branch post ${index}`, "On main"));
    git("init", "-q", "-b", "main");
    git("add", "posts");
    git("commit", "-qm", "main");
    git("switch", "-qc", "other");
    for (let index = 0; index < 40; index++)
      writeFileSync(path.join(project.dir, `posts/branch-${index}.md`), post(`Branch post ${index}`, "On other"));
    rmSync(path.join(project.dir, "posts/branch-39.md"));
    writeFileSync(path.join(project.dir, "posts/only-on-other.md"), post("Only on other", "Other's own"));
    git("add", "-A", "posts");
    git("commit", "-qm", "other");

    const page = await openPost("/posts/branch-0/", "On other");
    git("checkout", "-q", "main", "--", "posts/branch-0.md");
    await page.getByRole("heading", { name: "On main" }).waitFor({ timeout: 10_000 });
    git("checkout", "-q", "other", "--", "posts/branch-0.md");
    await page.getByRole("heading", { name: "On other" }).waitFor({ timeout: 10_000 });

    // The whole branch: every post back to main's text, main's post back, other's own gone.
    git("switch", "-q", "main");
    await page.getByRole("heading", { name: "On main" }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await fetch(`${origin}/posts/only-on-other/`)).status, { timeout: 10_000 }).toBe(404);
    for (const index of [17, 39]) expect(await (await fetch(`${origin}/posts/branch-${index}/`)).text()).toContain("On main");

    // Leave the site as the other tests expect it: none of these posts.
    rmSync(path.join(project.dir, ".git"), { recursive: true, force: true });
    for (let index = 0; index < 40; index++) rmSync(path.join(project.dir, `posts/branch-${index}.md`));
    await expect.poll(async () => (await fetch(`${origin}/posts/branch-0/`)).status, { timeout: 10_000 }).toBe(404);
  }, 60_000);

  it("shows a page bundle renamed at its new URL, and a new image beside a post", async () => {
    mkdirSync(path.join(project.dir, "posts/old-name"));
    writeFileSync(
      path.join(project.dir, "posts/old-name/index.md"),
      post("Bundle to rename", "In its bundle", 'featuredImage: "cover.png"\n'),
    );
    await expect.poll(async () => (await fetch(`${origin}/posts/old-name/`)).status, { timeout: 10_000 }).toBe(200);
    renameSync(path.join(project.dir, "posts/old-name"), path.join(project.dir, "posts/new-name"));
    await expect.poll(async () => (await fetch(`${origin}/posts/new-name/`)).status, { timeout: 10_000 }).toBe(200);
    expect((await fetch(`${origin}/posts/old-name/`)).status).toBe(404);

    // The featured image named in the front matter arrives after the post: the open page shows it.
    const page = await openPost("/posts/new-name/", "In its bundle");
    const shown = () => page.locator("img.featured-image").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
    expect(await shown()).toBe(false);
    writeFileSync(
      path.join(project.dir, "posts/new-name/cover.png"),
      readFileSync(path.resolve("posts/ai-personalized-cancer-treatment/featured-image.png")),
    );
    await expect.poll(() => shown().catch(() => false), { timeout: 10_000 }).toBe(true);
  }, 30_000);

  it("keeps serving the site when a post is broken: its page shows the problem, every page says so, the fix shows the post", async () => {
    writeFileSync(path.join(project.dir, "posts/healthy.md"), post("Healthy post", "All well"));
    await expect.poll(async () => (await fetch(`${origin}/posts/healthy/`)).status, { timeout: 10_000 }).toBe(200);
    const page = await openPost("/posts/healthy/", "All well");
    const notice = page.getByRole("alert", { name: "Posts with problems" });
    // A YAML typo (a list never closed) in a new post.
    const broken = post("Broken for now", "Mended section", "tags: [one, two\n");
    writeFileSync(path.join(project.dir, "posts/broken.md"), broken);
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toMatch(/A post cannot be shown[\s\S]*posts\/broken\.md:5: invalid YAML/);
    expect(await page.evaluate(() => "notReloaded" in window)).toBe(true);

    // The rest of the site is served; the broken post is left out of the lists.
    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain("Broken for now");

    // Its own page: the file, the line, what is wrong, and the lines around it.
    const answer = await fetch(`${origin}/posts/broken/`);
    expect(answer.status).toBe(500);
    await notice.getByRole("link", { name: "posts/broken.md:5" }).click();
    await page.waitForURL(/\/posts\/broken\/$/);
    const problem = page.getByRole("alert").filter({ hasText: "This post cannot be shown yet" });
    await problem.waitFor();
    expect(await problem.innerText()).toContain("posts/broken.md:5");
    expect(await problem.locator("pre").innerText()).toContain("   4 | tags: [one, two");

    // Fixed and saved: the open page shows the post, and the notice goes, with no restart.
    writeFileSync(path.join(project.dir, "posts/broken.md"), broken.replace("tags: [one, two", "tags: [one, two]"));
    await page.getByRole("heading", { name: "Mended section" }).waitFor({ timeout: 10_000 });
    await notice.waitFor({ state: "detached", timeout: 10_000 });
  }, 30_000);

  it("shows drafts, marked as drafts", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const card = page.getByRole("article", { name: "Unfinished thoughts" });
    expect(await card.getByText("Draft", { exact: true }).isVisible()).toBe(true);
  }, 30_000);
});
