// @vitest-environment node
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import direction of src/ (ARCHITECTURE.md, "What may import what") is enforced by ESLint with
// eslint-plugin-boundaries (eslint.config.js). These tests lint one import as if it were written in a
// file of the project, with the project's own configuration, and check what the author would see.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: path.resolve(file) });
  return result.messages.filter((message) => message.ruleId?.startsWith("boundaries/")).map((message) => message.message);
}

describe("the import direction of src/", () => {
  it("stops content from importing the build, and says where the rule is written down", async () => {
    const errors = await boundaryErrors("src/content/new-feature.ts", 'import { getSite } from "../build/site.server";');
    expect(errors).toEqual([expect.stringMatching(/^content may not import build \(src\/build\).*ARCHITECTURE\.md/)]);
  });

  it("stops content from importing components and routes", async () => {
    expect(await boundaryErrors("src/content/new-feature.ts", 'import { Article } from "../components/article";')).toHaveLength(1);
    expect(await boundaryErrors("src/content/new-feature.ts", 'import { loader } from "../routes/post";')).toHaveLength(1);
  });

  it("keeps the Markdown pipeline free of what a post is", async () => {
    expect(await boundaryErrors("src/content/markdown/rehype-new.ts", 'import { parsePost } from "../parse-post.server";')).toHaveLength(1);
  });

  it("lets components use content but not the build or the routes", async () => {
    expect(await boundaryErrors("src/components/new-widget.tsx", 'import { formatCalendarDate } from "../content/calendar-date";')).toEqual(
      [],
    );
    expect(await boundaryErrors("src/components/new-widget.tsx", 'import { getSite } from "../build/site.server";')).toHaveLength(1);
    expect(await boundaryErrors("src/components/new-widget.tsx", 'import { loader } from "../routes/post";')).toHaveLength(1);
  });

  it("lets routes read the site, and nothing else of the build", async () => {
    expect(await boundaryErrors("src/routes/new-page.tsx", 'import { loadSite } from "../build/site.server";')).toEqual([]);
    expect(await boundaryErrors("src/routes/new-page.tsx", 'import { planBuild } from "../build/build-plan.server";')).toHaveLength(1);
  });

  it("keeps the build out of components and route modules, but lets it read the route table", async () => {
    expect(await boundaryErrors("src/build/new-step.server.ts", 'import { Article } from "../components/article";')).toHaveLength(1);
    expect(await boundaryErrors("src/build/new-step.server.ts", 'import { loader } from "../routes/post";')).toHaveLength(1);
    expect(await boundaryErrors("src/build/new-step.server.ts", 'import routes from "../routes";')).toEqual([]);
  });

  it("lets content reach shortcodes only through their renderer, and keeps shortcodes off the build and content", async () => {
    expect(await boundaryErrors("src/content/new-feature.ts", 'import { shortcodeRenderer } from "../shortcodes/render.server";')).toEqual(
      [],
    );
    expect(await boundaryErrors("src/content/new-feature.ts", 'import Figure from "../shortcodes/built-in/figure";')).toHaveLength(1);
    expect(await boundaryErrors("src/shortcodes/book.tsx", 'import { getSite } from "../build/site.server";')).toHaveLength(1);
    expect(await boundaryErrors("src/shortcodes/book.tsx", 'import { parsePost } from "../content/parse-post.server";')).toHaveLength(1);
    expect(await boundaryErrors("src/shortcodes/book.tsx", 'import { markdownToHast } from "../content/markdown/pipeline";')).toEqual([]);
  });

  it("lets every part read the settings and URLs, which import only content's types", async () => {
    expect(await boundaryErrors("src/content/new-feature.ts", 'import { siteConfig } from "../site-config";')).toEqual([]);
    expect(await boundaryErrors("src/paths.ts", 'import type { Taxonomy } from "./content/taxonomy";')).toEqual([]);
    expect(await boundaryErrors("src/paths.ts", 'import { TAXONOMIES } from "./content/taxonomy";')).toHaveLength(1);
    expect(await boundaryErrors("src/paths.ts", 'import { Layout } from "./root";')).toHaveLength(1);
  });

  it("keeps content pure: no file system, threads, React or router", async () => {
    const lint = async (code: string) =>
      (await eslint.lintText(code, { filePath: path.resolve("src/content/new-feature.ts") }))[0].messages.map((message) => message.ruleId);
    expect(await lint('export { readFileSync } from "node:fs";')).toEqual(["no-restricted-imports"]);
    expect(await lint('export { useState } from "react";')).toEqual(["no-restricted-imports"]);
    expect(await lint('export { slug } from "github-slugger";')).toEqual([]);
  });

  it("rejects a folder no part claims until it is placed in the architecture", async () => {
    const errors = await boundaryErrors("src/search/index-posts.ts", 'import { paths } from "../paths";');
    expect(errors).toEqual([
      expect.stringContaining("src/search is in no part of the architecture: add it to ELEMENTS in eslint.config.js"),
    ]);
  });
});
