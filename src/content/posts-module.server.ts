import { mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import path from "node:path";
import type { EnvironmentModuleNode, Plugin, ResolvedConfig, ViteDevServer } from "vite";

/**
 * The `folio:posts` Vite plugin: it bundles every post's Markdown as raw strings and serves them as
 * post-sources.server.ts's `postSources()`, what `import.meta.glob(…, { query: "?raw", eager: true })`
 * would give.
 *
 * Why not that glob: it makes every post a module of its own, and Vite's cost is per module. At
 * 10,000 posts the glob spent ~115 s of each build in Vite's module pipeline and made the dev server
 * import 10,000 modules one request at a time (minutes; requests timed out). Here the posts are
 * JSON modules of raw strings in GROUPS groups, each post always in the same group (a hash of its path), so
 * a build handles ~65 modules and an edit reloads only its own group.
 *
 * In a build, the server bundle imports each group from a module of its own written beside it
 * (`build/server/folio-posts/<n>.mjs`), which the bundler never sees: bundling 83 MB of post text
 * into the server bundle took ~8 s of every 10,000-post build and ~2.5 GB of memory.
 *
 * On the dev server the plugin watches posts/ itself, with one recursive `fs.watch` (inotify: ~1 s
 * to start at 10,000 page bundles), and keeps Vite's watcher out of it, and out of build/ and
 * .folio-cache/: chokidar's first scan of 10,000 bundles took ~10 s of the dev server's start,
 * during which it answered nothing.
 */
const GROUP_PREFIX = "virtual:folio/posts/";
const groupId = (group: number) => `${GROUP_PREFIX}${group}.json`;
const GROUPS = 64;
/** Generated code needs no source map: without this, the dev server would inline one holding every post again. */
const NO_SOURCE_MAP = { mappings: "" };

const groupNumber = (id: string) => Number(id.slice(GROUP_PREFIX.length, -".json".length));
/** Where a build writes a group for the server bundle to import. */
const builtGroupFile = (config: ResolvedConfig, group: number) => path.resolve(config.root, config.build.outDir, "folio-posts", `${group}.mjs`);

/** React Router's server entry, which imports the routes: the dev server's next request loads it again. */
const SERVER_BUILD = "\0virtual:react-router/server-build";

export function folioPosts(): Plugin {
  let postsDir = path.resolve("posts");
  let sourcesModule = path.resolve("src/content/post-sources.server.ts");
  let listing: string[] | undefined; // the post files, relative to posts/, sorted
  let postsWatcher: FSWatcher | undefined;

  const postFiles = () => (listing ??= listPostFiles(postsDir));
  const groupOf = (file: string) => hash(file) % GROUPS;
  /** A group's posts as JSON: each file's path (relative to posts/) and its raw text. */
  const groupJson = (group: number) => {
    const entries = postFiles()
      .filter((file) => groupOf(file) === group)
      .map((file) => `${JSON.stringify(file)}: ${JSON.stringify(readFileSync(path.join(postsDir, file), "utf8"))}`);
    return `{\n${entries.join(",\n")}\n}`;
  };

  return {
    name: "folio:posts",
    enforce: "pre",
    config(config) {
      // `json.stringify`: the groups are JSON modules, which the dev server then runs without parsing
      // them as JavaScript (Vite's SSR transform of 83 MB of string literals took ~3 s at each start).
      const json = { stringify: true, namedExports: false };
      // React Router's own helper servers (config loader, route exports) run without HMR and must
      // stay without a file watcher: giving them watch options would start one, in builds too.
      if (config.server?.hmr === false || config.server?.watch === null) return { json };
      const root = path.resolve(config.root ?? ".");
      // posts/ is watched by watchPosts; build output and caches hold a file per page, which would
      // cost the watcher minutes at 10,000 posts.
      const ignored = ["posts", "build", ".folio-cache"].map((folder) => path.join(root, folder));
      const isIgnored = (file: string) => ignored.some((folder) => file === folder || file.startsWith(folder + path.sep));
      return { json, server: { watch: { ignored: [isIgnored] } } };
    },
    // build/ is kept from one build to the next: what a build wrote is what changed after it started
    // (build-started.server.ts). The client is built first.
    buildStart() {
      if (this.environment.mode === "build" && this.environment.name === "client") {
        (globalThis as { __folioBuildStarted?: number }).__folioBuildStarted = Date.now();
      }
    },
    configResolved(config) {
      postsDir = path.join(config.root, "posts");
      sourcesModule = path.join(config.root, "src/content/post-sources.server.ts");
    },
    resolveId(id) {
      if (!id.startsWith(GROUP_PREFIX)) return;
      if (this.environment.mode === "build") return { id: builtGroupFile(this.environment.config, groupNumber(id)), external: true };
      return `\0${id}`;
    },
    load(id) {
      if (id === sourcesModule) {
        const groups = [...new Set(postFiles().map(groupOf))].sort((a, b) => a - b);
        const imports = groups.map((group) => `import group${group} from ${JSON.stringify(groupId(group))};`);
        // One object in the listing's order.
        const merged = postFiles().map((file) => `${JSON.stringify(`posts/${file}`)}: group${groupOf(file)}[${JSON.stringify(file)}]`);
        const code = [
          ...imports,
          `const sources = {\n${merged.join(",\n")}\n};`,
          "export function postSources() {\n  return sources;\n}",
          "",
        ].join("\n");
        return { code, map: NO_SOURCE_MAP };
      }
      if (id.startsWith(`\0${GROUP_PREFIX}`)) return { code: `${groupJson(groupNumber(id.slice(1)))}\n`, map: NO_SOURCE_MAP };
    },
    // The server build's groups, as the modules it imports: `export default JSON.parse("…")`, the
    // code Vite makes of a JSON module with `json.stringify`.
    writeBundle: {
      order: "pre",
      handler() {
        if (this.environment.name !== "ssr") return;
        const groups = new Set(postFiles().map(groupOf));
        for (const group of groups) {
          const file = builtGroupFile(this.environment.config, group);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, `export default JSON.parse(${JSON.stringify(groupJson(group))});\n`);
        }
      },
    },
    configureServer(server) {
      postsWatcher = watchPosts(postsDir, postFiles(), server);
    },
    buildEnd() {
      postsWatcher?.close();
      postsWatcher = undefined;
    },
    // Dev server: an edited post reloads its group, an added or removed one the listing too. React
    // Router's dev server loads its server entry again, and with it the changed modules.
    hotUpdate({ type, file, modules }) {
      const relative = path.relative(postsDir, file).split(path.sep).join("/");
      if (!isPostFile(relative)) return;
      if (type !== "update") listing = undefined;
      const graph = this.environment.moduleGraph;
      const ids = [`\0${groupId(groupOf(relative))}`, SERVER_BUILD, ...(type === "update" ? [] : [sourcesModule])];
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

/**
 * Watches posts/ and reports each post file added, changed or removed to the dev server as Vite's
 * own watcher would (its `change`, `add` and `unlink` events, which run the plugins' hotUpdate).
 * An editor's save may come as several events: a file's are reported once, 10 ms after the last.
 */
function watchPosts(postsDir: string, files: string[], server: ViteDevServer): FSWatcher | undefined {
  if (!isDirectory(postsDir)) return undefined;
  const known = new Set(files);
  const pending = new Map<string, NodeJS.Timeout>();
  const report = (file: string) => {
    pending.delete(file);
    const full = path.join(postsDir, file);
    const exists = isFile(full);
    const event = exists ? (known.has(file) ? "change" : "add") : known.has(file) ? "unlink" : undefined;
    if (!event) return;
    if (exists) known.add(file);
    else known.delete(file);
    server.watcher.emit(event, full);
  };
  return watch(postsDir, { recursive: true }, (_type, name) => {
    if (!name) return;
    const relative = name.split(path.sep).join("/");
    // A page bundle's folder created or removed whole (its index.md may come with it, unreported).
    const file = isPostFile(relative) ? relative : !relative.includes("/") ? `${relative}/index.md` : undefined;
    if (!file || !isPostFile(file)) return;
    clearTimeout(pending.get(file));
    pending.set(file, setTimeout(report, 10, file));
  });
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
