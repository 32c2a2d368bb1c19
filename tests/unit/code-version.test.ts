import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The version is remembered per process: each call here loads the module afresh.
async function codeVersion(entries?: string[]): Promise<string> {
  vi.resetModules();
  return (await import("../../src/build/code-version.server")).codeVersion(entries);
}

describe("codeVersion, the key of the build caches", () => {
  const cwd = process.cwd();
  let dir: string | undefined;

  afterEach(() => {
    process.chdir(cwd);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function project(files: Record<string, string>): void {
    dir = mkdtempSync(path.join(tmpdir(), "folio-code-"));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    process.chdir(dir);
  }

  it("counts, for the parser, the files it imports and theirs, and no other file under src/", async () => {
    project({
      "src/parse.ts": 'import { a } from "./lib/a";\nexport * from "../src/b";\nimport type {\n  C,\n} from "./c";\n',
      "src/lib/a.ts": "export const a = 1;\n",
      "src/b.ts": 'import "./lib/d.ts";\nexport const b = 2;\n',
      "src/c.ts": "export type C = number;\n",
      "src/lib/d.ts": "export {};\n",
      "src/view.tsx": "export default 1;\n",
    });
    const parser = await codeVersion(["src/parse.ts"]);
    const everything = await codeVersion();

    writeFileSync("src/view.tsx", "export default 2;\n");
    expect(await codeVersion(["src/parse.ts"])).toBe(parser);
    expect(await codeVersion()).not.toBe(everything);

    // Each imported file, directly or not, changes the parser's key (d.ts first: it is imported by b.ts).
    let before = parser;
    for (const file of ["src/lib/d.ts", "src/lib/a.ts", "src/c.ts", "src/b.ts"]) {
      writeFileSync(file, "export const changed = true;\n");
      const after = await codeVersion(["src/parse.ts"]);
      expect(after, file).not.toBe(before);
      before = after;
    }
  });

  it("counts the files a parser module globs (the shortcodes), and one added to the folder", async () => {
    project({
      "src/render.tsx": 'const all = import.meta.glob<Module>("./codes/*.tsx", { eager: true });\n',
      "src/codes/figure.tsx": "export default 1;\n",
      "src/codes/figure.test.ts": "test();\n",
    });
    const before = await codeVersion(["src/render.tsx"]);
    writeFileSync("src/codes/figure.test.ts", "test(2);\n");
    expect(await codeVersion(["src/render.tsx"])).toBe(before);
    writeFileSync("src/codes/figure.tsx", "export default 2;\n");
    const edited = await codeVersion(["src/render.tsx"]);
    expect(edited).not.toBe(before);
    writeFileSync("src/codes/book.tsx", "export default 3;\n");
    expect(await codeVersion(["src/render.tsx"])).not.toBe(edited);
  });

  it("reads a glob's list of patterns, leaving out what a `!` pattern excludes", async () => {
    project({
      "src/render.tsx": 'const all = import.meta.glob<Module>(["./codes/*.tsx", "!./codes/*.test.tsx"], { eager: true });\n',
      "src/codes/figure.tsx": "export default 1;\n",
      "src/codes/quiz.island.tsx": "export default 1;\n",
      "src/codes/figure.test.tsx": "test();\n",
    });
    const before = await codeVersion(["src/render.tsx"]);
    writeFileSync("src/codes/figure.test.tsx", "test(2);\n");
    expect(await codeVersion(["src/render.tsx"])).toBe(before);
    writeFileSync("src/codes/quiz.island.tsx", "export default 2;\n");
    const edited = await codeVersion(["src/render.tsx"]);
    expect(edited).not.toBe(before);
    writeFileSync("src/codes/figure.tsx", "export default 2;\n");
    expect(await codeVersion(["src/render.tsx"])).not.toBe(edited);
  });

  it("refuses to make a key without a file the parser imports", async () => {
    project({ "src/parse.ts": 'import { gone } from "./gone";\n' });
    await expect(codeVersion(["src/parse.ts"])).rejects.toThrow(/src\/parse\.ts imports "\.\/gone"/);
  });
});
