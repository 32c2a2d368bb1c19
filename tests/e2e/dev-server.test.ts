import { spawn, type ChildProcess } from "node:child_process";
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
  const project = scratchProject({
    "live.md": post("Live post", "Before the edit"),
    "unfinished.md": post("Unfinished thoughts", "Draft section", "draft: true\n"),
  });
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

  it("shows drafts, marked as drafts", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const card = page.getByRole("article", { name: "Unfinished thoughts" });
    expect(await card.getByText("Draft", { exact: true }).isVisible()).toBe(true);
  }, 30_000);
});
