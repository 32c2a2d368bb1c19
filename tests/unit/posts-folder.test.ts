// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listPostsFolder, mayBePost } from "../../src/build/posts-folder.server";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A posts/ folder with these files (paths relative to it). */
function postsFolder(files: string[]): string {
  dir = mkdtempSync(path.join(tmpdir(), "folio-posts-"));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), "---\ntitle: T\n---\n");
  }
  return dir;
}

describe("finding the posts in posts/", () => {
  it("reads every Markdown extension Hugo does, at any depth, and page bundles' index files", () => {
    const { files, skipped } = listPostsFolder(
      postsFolder([
        "flat.md",
        "long.markdown",
        "old.mdown",
        "2021/nested.md",
        "2021/trip/index.md",
        "2021/trip/photo.png",
        "greek/index.gr.md",
      ]),
    );
    expect(files).toEqual(["2021/nested.md", "2021/trip/index.md", "flat.md", "greek/index.gr.md", "long.markdown", "old.mdown"]);
    expect(skipped).toEqual([]);
  });

  it("says why it does not read a section page or a Markdown file inside a page bundle", () => {
    const { files, skipped } = listPostsFolder(
      postsFolder(["_index.md", "2021/_index.md", "trip/index.md", "trip/notes.md", "trip/more/extra.md", "2021-08-01-mdx-post.mdx"]),
    );
    expect(files).toEqual(["trip/index.md"]);
    expect(skipped.map((notice) => `${notice.file}: ${notice.message.split(":")[0]}`)).toEqual([
      "posts/2021-08-01-mdx-post.mdx: not read",
      "posts/2021/_index.md: not read",
      "posts/_index.md: not read",
      "posts/trip/more/extra.md: not read",
      "posts/trip/notes.md: not read",
    ]);
    expect(skipped[0].message).toContain("MDX (Markdown with JSX, Docusaurus's) is not read");
    expect(skipped[2].message).toContain("a section's own page (_index.md), not a post");
    expect(skipped[4].message).toContain("one of its resources, not a post");
  });

  it("leaves out hidden files and folders and editors' backups, which are not content", () => {
    const { files, skipped } = listPostsFolder(postsFolder([".draft.md", ".git/x.md", "post.md~", "#post.md#", "post.md"]));
    expect(files).toEqual(["post.md"]);
    expect(skipped).toEqual([]);
  });

  it("tells the dev server's watcher which changed paths may be posts", () => {
    expect(["a.md", "a/b/c.markdown", "trip/index.en.md"].every(mayBePost)).toBe(true);
    expect(["a.png", "_index.md", ".hidden/a.md", "a.md~"].some(mayBePost)).toBe(false);
  });
});
