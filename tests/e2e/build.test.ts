import { describe, expect, it } from "vitest";
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
