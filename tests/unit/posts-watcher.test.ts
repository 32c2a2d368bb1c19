// @vitest-environment node
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listPostsFolder } from "../../src/build/posts-folder.server";
import { watchPosts, type PostChange, type PostsWatch } from "../../src/build/posts-watcher.server";

// Every way an author, an editor or git changes posts, as the dev server's watcher must see it.
describe("watchPosts", () => {
  let root: string;
  let posts: string;
  let watch: PostsWatch;
  let reports: string[];
  let bundles: string[];

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), "folio-watch-"));
    posts = path.join(root, "posts");
    write("flat.md", "one");
    write("trip/index.md", "one");
    write("trip/photo.png", "png");
    reports = [];
    bundles = [];
    watch = await watchPosts(
      posts,
      listPostsFolder(posts).files,
      (file: string, change: PostChange) => reports.push(`${change} ${file}`),
      (file) => bundles.push(file),
    );
  });

  afterEach(async () => {
    await watch.close();
    rmSync(root, { recursive: true, force: true });
  });

  function write(file: string, text: string) {
    mkdirSync(path.dirname(path.join(posts, file)), { recursive: true });
    writeFileSync(path.join(posts, file), text);
  }

  /** A save as vim, JetBrains' safe write and git write files: a new file renamed over the old one. */
  function saveByRename(file: string, text: string) {
    const temporary = path.join(root, `${path.basename(file)}.${Math.random()}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, path.join(posts, file));
  }

  /** Waits until the reports include every one of `expected`, then a little more for any extra report. */
  async function reported(...expected: string[]) {
    await expect.poll(() => expected.filter((line) => !reports.includes(line)), { timeout: 5_000 }).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  it("sees saves in place and saves by rename, every time, not only the first", async () => {
    for (const text of ["two", "three", "four"]) {
      saveByRename("flat.md", text);
      await reported("change flat.md");
      reports.length = 0;
      saveByRename("trip/index.md", text);
      await reported("change trip/index.md");
      reports.length = 0;
    }
    write("flat.md", "in place");
    await reported("change flat.md");
  });

  it("sees a post added, a post deleted, and a bundle created whole", async () => {
    write("new.md", "x");
    rmSync(path.join(posts, "flat.md"));
    // A bundle made elsewhere and moved in, its files already written (the watch never saw them appear).
    mkdirSync(path.join(root, "made"));
    writeFileSync(path.join(root, "made", "index.md"), "x");
    renameSync(path.join(root, "made"), path.join(posts, "made"));
    await reported("add new.md", "unlink flat.md", "add made/index.md");
  });

  it("sees a bundle folder renamed, moved out and moved back in", async () => {
    renameSync(path.join(posts, "trip"), path.join(posts, "journey"));
    await reported("unlink trip/index.md", "add journey/index.md");
    reports.length = 0;
    renameSync(path.join(posts, "journey"), path.join(root, "away"));
    await reported("unlink journey/index.md");
    reports.length = 0;
    renameSync(path.join(root, "away"), path.join(posts, "trip"));
    await reported("add trip/index.md");
  });

  it("sees a bundle's image changed as a change of its post", async () => {
    write("trip/photo.png", "new png");
    await reported("change trip/index.md");
    expect(bundles).toContain("trip/index.md");
  });

  it("settles to exactly the new state after a branch switch that changes hundreds of posts at once", async () => {
    for (let index = 0; index < 300; index++) write(`many/post-${index}.md`, "first");
    await reported("add many/post-299.md");
    reports.length = 0;
    // As `git switch` does: 200 posts rewritten by rename, 50 removed, 50 added, in one burst.
    for (let index = 0; index < 200; index++) saveByRename(`many/post-${index}.md`, "second");
    for (let index = 250; index < 300; index++) rmSync(path.join(posts, `many/post-${index}.md`));
    for (let index = 300; index < 350; index++) write(`many/post-${index}.md`, "new");
    const expected = [
      ...Array.from({ length: 200 }, (_, index) => `change many/post-${index}.md`),
      ...Array.from({ length: 50 }, (_, index) => `unlink many/post-${index + 250}.md`),
      ...Array.from({ length: 50 }, (_, index) => `add many/post-${index + 300}.md`),
    ];
    await reported(...expected);
    // Each post's net change, as the dev server acts on it. The watcher reports once per burst of
    // events, and on a busy machine a new file's creation and its text can come in two bursts: an
    // `add`, then a `change` (seen once in a fresh-clone CI run beside another test file). The post
    // is still new, with its text.
    const net = new Map<string, string>();
    for (const report of reports) {
      const [change, file] = [report.slice(0, report.indexOf(" ")), report.slice(report.indexOf(" ") + 1)];
      net.set(file, net.get(file) === "add" && change === "change" ? "add" : change);
    }
    expect([...net].map(([file, change]) => `${change} ${file}`).sort()).toEqual(expected.sort());
  });
});
