import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildEnv } from "./global-setup";
import { scratchProject } from "./scratch-project";

const run = (dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) =>
  spawnSync("node", [`scripts/${script}`, ...args], { cwd: dir, encoding: "utf8", env: { ...buildEnv(), ...env } });

const post = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-03-01\n---\n\n${body}\n`;

describe("the author's tools", () => {
  it("npm run new writes a draft page bundle like hugo new, and will not overwrite one", () => {
    const project = scratchProject({});
    try {
      const made = run(project.dir, "new-post.mjs", ["Notes from Lisbon"]);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toContain("Wrote posts/notes-from-lisbon/index.md");
      expect(made.stdout).toContain("http://127.0.0.1:5173/posts/notes-from-lisbon/");
      const text = readFileSync(path.join(project.dir, "posts/notes-from-lisbon/index.md"), "utf8");
      expect(text).toMatch(/^---\ntitle: "Notes from Lisbon"\ndate: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\ndraft: true\n/);

      const again = run(project.dir, "new-post.mjs", ["Notes from Lisbon"]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("A post named notes-from-lisbon exists already");
    } finally {
      project.remove();
    }
  }, 60_000);

  it("npm run check lists broken links, missing images and broken posts at once, and fails on errors", () => {
    const project = scratchProject({
      "linked.md": post(
        "Linked",
        "## Real heading\n\nSee [the target](../target/#real-heading), [a gone post](../gone/), [one at its own URL](/2019/05/moved/#intro) " +
          "and [the target without its slash](../target), [twice](../gone/).",
      ),
      "moved.md": "---\ntitle: Moved\ndate: 2019-05-01\nurl: /2019/05/moved/\n---\n\n## Intro\n\nText.\n",
      "target.md": post("Target", "## Real heading\n\n[Nowhere](#no-such-heading) and ![a chart](/images/chart.png)."),
      "broken.md": "---\ntitle: Broken\ndate: 2024-02-30\n---\n",
      "notes/_index.md": "---\ntitle: Section\n---\n",
    });
    try {
      const checked = run(project.dir, "check.mjs");
      // Problems on stderr, one a line; the count on stdout.
      const lines = checked.stderr.split("\n");
      expect(checked.status).toBe(1);
      expect(lines).toContain("posts/broken.md:3: error: `date`: 2024-02-30 does not exist in the calendar: check the month and day");
      expect(lines).toContain("posts/linked.md:8: error: the link to /posts/gone/ leads to no page of the site");
      expect(lines).toContain("posts/target.md:8: warning: the link to #no-such-heading leads to no heading or anchor of this post");
      expect(lines).toContain(
        "posts/target.md:8: error: the image /images/chart.png is in neither the post's folder, public/ nor the static folder",
      );
      expect(lines.find((line) => line.startsWith("posts/notes/_index.md:1: warning: not read: a section's own page"))).toBeDefined();
      expect(lines.some((line) => line.includes("real-heading") || line.includes("moved") || line.includes("/posts/target"))).toBe(false);
      // A link written twice is one problem.
      expect(lines.filter((line) => line.includes("/posts/gone/"))).toHaveLength(1);
      expect(checked.stdout.trim()).toMatch(/^3 errors, 2 warnings in the posts \(checked in [\d.]+ s\)$/);

      // The image, put where a Hugo site keeps static files and pointed at, and the links mended: no errors left.
      mkdirSync(path.join(project.dir, "static/images"), { recursive: true });
      writeFileSync(path.join(project.dir, "static/images/chart.png"), "");
      writeFileSync(path.join(project.dir, "posts/broken.md"), post("Mended", "Fine now."));
      writeFileSync(path.join(project.dir, "posts/linked.md"), post("Linked", "See [the target](../target/#real-heading)."));
      const mended = run(project.dir, "check.mjs", [], { FOLIO_STATIC: "static" });
      expect(mended.status, mended.stdout + mended.stderr).toBe(0);
    } finally {
      project.remove();
    }
  }, 60_000);
});
