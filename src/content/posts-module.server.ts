import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { EnvironmentModuleNode, Plugin } from "vite";

/**
 * The `folio:posts` Vite plugin: it bundles every post's Markdown as raw strings and serves them as
 * post-sources.server.ts's `postSources()`, what `import.meta.glob(…, { query: "?raw", eager: true })`
 * would give.
 *
 * Why not that glob: it makes every post a module of its own, and Vite's cost is per module. At
 * 10,000 posts the glob spent ~115 s of each build in Vite's module pipeline and made the dev server
 * import 10,000 modules one request at a time (minutes; requests timed out). Here the posts are
 * raw-string modules in GROUPS groups, each post always in the same group (a hash of its path), so
 * a build handles ~65 modules and an edit reloads only its own group.
 */
const GROUP_PREFIX = "virtual:folio/posts/";
const GROUPS = 64;
/** Generated code needs no source map: without this, the dev server would inline one holding every post again. */
const NO_SOURCE_MAP = { mappings: "" };
/** React Router's server entry: it holds the list of URLs, which a new post, title or tag changes. */
const SERVER_BUILD = "\0virtual:react-router/server-build";

export function folioPosts(): Plugin {
  let postsDir = path.resolve("posts");
  let sourcesModule = path.resolve("src/content/post-sources.server.ts");
  let listing: string[] | undefined; // the post files, relative to posts/, sorted

  const postFiles = () => (listing ??= listPostFiles(postsDir));
  const groupOf = (file: string) => hash(file) % GROUPS;

  return {
    name: "folio:posts",
    enforce: "pre",
    configResolved(config) {
      postsDir = path.join(config.root, "posts");
      sourcesModule = path.join(config.root, "src/content/post-sources.server.ts");
    },
    resolveId(id) {
      if (id.startsWith(GROUP_PREFIX)) return `\0${id}`;
    },
    load(id) {
      if (id === sourcesModule) {
        const groups = [...new Set(postFiles().map(groupOf))].sort((a, b) => a - b);
        const imports = groups.map((group) => `import group${group} from ${JSON.stringify(GROUP_PREFIX + group)};`);
        // One object in the listing's order.
        const merged = postFiles().map((file) => `${JSON.stringify(`posts/${file}`)}: group${groupOf(file)}[${JSON.stringify(file)}]`);
        const code = [
          ...imports,
          `const sources = {\n${merged.join(",\n")}\n};`,
          "export function postSources() {\n  return sources;\n}",
          "export function rereadPostSources() {}",
          "",
        ].join("\n");
        return { code, map: NO_SOURCE_MAP };
      }
      if (id.startsWith(`\0${GROUP_PREFIX}`)) {
        const group = Number(id.slice(GROUP_PREFIX.length + 1));
        const entries = postFiles()
          .filter((file) => groupOf(file) === group)
          .map((file) => {
            const full = path.join(postsDir, file);
            // The dev server then counts the file as this module's import: editing it updates the module.
            this.addWatchFile(full);
            return `${JSON.stringify(file)}: ${JSON.stringify(readFileSync(full, "utf8"))}`;
          });
        return { code: `export default {\n${entries.join(",\n")}\n};\n`, map: NO_SOURCE_MAP };
      }
    },
    // Dev server: an edited post reloads its group, an added or removed one the listing too, and
    // either can change the site's URLs (React Router's dev server answers only listed ones).
    hotUpdate({ type, file, modules }) {
      const relative = path.relative(postsDir, file).split(path.sep).join("/");
      if (!isPostFile(relative)) return;
      if (type !== "update") listing = undefined;
      const graph = this.environment.moduleGraph;
      const ids = [`\0${GROUP_PREFIX}${groupOf(relative)}`, SERVER_BUILD, ...(type === "update" ? [] : [sourcesModule])];
      const changed: EnvironmentModuleNode[] = [];
      for (const id of ids) {
        const module = graph.getModuleById(id);
        if (!module) continue;
        graph.invalidateModule(module);
        changed.push(module);
      }
      return [...modules, ...changed];
    },
  };
}

/** Every post's Markdown by its path (`posts/<name>.md`, `posts/<name>/index.md`), sorted by path. */
export function readPostSources(postsDir: string): Record<string, string> {
  return Object.fromEntries(listPostFiles(postsDir).map((file) => [`posts/${file}`, readFileSync(path.join(postsDir, file), "utf8")]));
}

/** posts/<name>.md (but not Hugo's list page _index.md) and page bundles' posts/<name>/index.md. */
function isPostFile(relative: string): boolean {
  const parts = relative.split("/");
  if (parts.some((part) => part === "" || part.startsWith("."))) return false;
  if (parts.length === 1) return parts[0].endsWith(".md") && parts[0] !== "_index.md";
  return parts.length === 2 && parts[1] === "index.md";
}

function listPostFiles(postsDir: string): string[] {
  if (!isDirectory(postsDir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(postsDir, { withFileTypes: true })) {
    if (entry.isFile() && isPostFile(entry.name)) files.push(entry.name);
    if (entry.isDirectory() && isPostFile(`${entry.name}/index.md`) && isFile(path.join(postsDir, entry.name, "index.md"))) {
      files.push(`${entry.name}/index.md`);
    }
  }
  return files.sort();
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (folder: string) => statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** FNV-1a: a post's group must not depend on which other posts exist. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}
