// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parsePost } from "../../src/content/parse-post.server";

type ParseCache = typeof import("../../src/build/parse-cache.server");

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-01\n---\n\nSome text.\n`;

describe("the parse cache, for a post edited while a build runs", () => {
  let dir: string;
  let cache: ParseCache;
  const project = process.cwd();

  beforeAll(async () => {
    // The cache's folder is resolved from the working directory when its module loads: a scratch one.
    dir = mkdtempSync(path.join(tmpdir(), "folio-parse-cache-"));
    process.chdir(dir);
    try {
      vi.resetModules();
      cache = await import("../../src/build/parse-cache.server");
    } finally {
      process.chdir(project);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores the post under its new text's key, so the old text is never answered with the new post", () => {
    const file = path.join(dir, "edited.md");
    writeFileSync(file, post("Before"));
    // The planning thread lists the post, keyed by its text; then the author saves an edit before a
    // worker parses it from posts/.
    const listed = cache.cachedPostFile({ file, source: post("Before"), bundleFiles: [] });
    writeFileSync(file, post("After"));

    expect(cache.cachedParse(cache.postFileByKey(listed), parsePost).post.title).toBe("After");
    expect(cache.uncached([{ file, source: post("After") }])).toEqual([]);
    // Were the edit stored under the listed key, undoing it would show "After" until the cache was deleted.
    expect(cache.uncached([{ file, source: post("Before") }])).toHaveLength(1);
    expect(cache.cachedParse({ file, source: post("Before") }, parsePost).post.title).toBe("Before");
  });
});
