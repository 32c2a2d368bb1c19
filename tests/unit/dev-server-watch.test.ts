// @vitest-environment node
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outsideTheApp } from "../../src/build/posts-plugin.server";

// What the dev server's file watcher (Vite's) watches: the app, so that an edit to its code or
// configuration reloads the page, and nothing else, whose first scan would delay the server's start.
describe("the dev server's file watcher", () => {
  const root = path.resolve("/blog");
  const ignored = outsideTheApp(root, path.join(root, "posts"));
  const at = (file: string) => path.join(root, ...file.split("/"));

  it("watches the app's code, its public folder, the project's own files and linked packages outside it", () => {
    for (const file of [
      "src/root.tsx",
      "src/build/site.server.ts",
      "public/favicon.svg",
      "vite.config.ts",
      "package.json",
      ".env",
      "src",
      "public",
    ])
      expect(ignored(at(file)), file).toBe(false);
    expect(ignored(path.resolve("/elsewhere/linked-package/index.js"))).toBe(false);
  });

  it("leaves out the posts (watched on their own), the build's output and caches, and a Hugo blog's other folders", () => {
    for (const file of [
      "posts",
      "posts/hello/index.md",
      "build/client/index.html",
      ".folio-cache/parsed/ab.json",
      "resources/_gen/images/a.png",
      "themes/LoveIt/layouts/index.html",
      "hugo-yardstick/public/index.html",
    ])
      expect(ignored(at(file)), file).toBe(true);
  });
});
