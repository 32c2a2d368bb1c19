import path from "node:path";
import sirv from "sirv";
import type { EnvironmentModuleNode, Plugin, ViteDevServer } from "vite";
import { isDirectory, listPostsFolder, mayBePost, postsFolder, staticFolder, type PostsListing } from "./posts-folder.server.ts";
import { watchPosts, type PostsWatch } from "./posts-watcher.server.ts";

/**
 * The `folio:posts` Vite plugin: it makes every post's Markdown a raw-string module and serves them
 * as post-sources.server.ts's `postSources()`, what `import.meta.glob(…, { query: "?raw", eager: true })`
 * would give.
 *
 * Why not that glob: it makes every post a module of its own, and Vite's cost is per module. At
 * 10,000 posts the glob spent ~115 s of each build in Vite's module pipeline and made the dev server
 * import 10,000 modules one request at a time (minutes; requests timed out). Here the posts are
 * in GROUPS modules, each post always in the same group (a hash of its path), so a build handles
 * ~65 modules and an edit reloads only its own group. Each group's default export reads its posts
 * from posts/ and maps their paths (relative to posts/) to their raw text, rather than carrying it:
 * with the text inlined, bundling 83 MB of it into the server bundle took ~8 s of every
 * 10,000-post build and ~2.5 GB of memory, and the dev server ~3 s to serve it. The posts are read
 * when `postSources()` is first called, not when the modules load: a build's prerender workers load
 * the server build but build their site from the parse cache (site.server.ts), without the text.
 *
 * On the dev server the plugin watches posts/ itself (posts-watcher.server.ts, @parcel/watcher), and
 * keeps Vite's watcher to the app (`outsideTheApp`): chokidar's first scan of 10,000 bundles took
 * ~10 s of the dev server's start, during which it answered nothing.
 */
const GROUP_PREFIX = "virtual:folio/posts/";
const groupId = (group: number) => `${GROUP_PREFIX}${group}`;
const GROUPS = 64;
/** Generated code needs no source map: without this, the dev server would inline one repeating it. */
const NO_SOURCE_MAP = { mappings: "" };

const groupNumber = (id: string) => Number(id.slice(GROUP_PREFIX.length));

/** React Router's server entry, which imports the routes: the dev server's next request loads it again. */
const SERVER_BUILD = "\0virtual:react-router/server-build";

export function folioPosts(): Plugin {
  let postsDir = postsFolder();
  let sourcesModule = path.resolve("src/build/post-sources.server.ts");
  let listing: (PostsListing & { groups: Map<number, string[]> }) | undefined;
  let postsWatch: Promise<PostsWatch | undefined> | undefined;

  const groupOf = (file: string) => hash(file) % GROUPS;
  /** The post files (relative to posts/, sorted), and those of each group that has any. */
  const postFiles = () => (listing ??= groupedPostFiles(listPostsFolder(postsDir), groupOf));
  const groupFiles = (group: number) => postFiles().groups.get(group) ?? [];
  /**
   * A group's module: its default export reads its posts' text, once per time the module is loaded
   * (on the dev server, an edit reloads its post's group alone, and the others keep what they read).
   * Vite then handles ~1.5 MB of code at 10,000 posts instead of 83 MB of text: as JSON modules of
   * the text, the groups took ~3 s of the dev server's first page, and writing them beside the
   * server bundle ~1 s of every build.
   */
  const groupModule = (group: number) => {
    const entries = groupFiles(group).map(
      (file) => `    ${JSON.stringify(file)}: readFileSync(${JSON.stringify(path.join(postsDir, file))}, "utf8"),`,
    );
    return [
      'import { readFileSync } from "node:fs";',
      "let texts;",
      "export default function readGroup() {",
      "  return (texts ??= {",
      ...entries,
      "  });",
      "}",
      "",
    ].join("\n");
  };

  return {
    name: "folio:posts",
    enforce: "pre",
    config(config) {
      // React Router's own helper servers (config loader, route exports) run without HMR and must
      // stay without a file watcher: giving them watch options would start one, in builds too.
      if (config.server?.hmr === false || config.server?.watch === null) return;
      const root = path.resolve(config.root ?? ".");
      const isIgnored = outsideTheApp(root, postsFolder(root));
      return { server: { watch: { ignored: [isIgnored] } } };
    },
    // build/ is kept from one build to the next: what a build wrote is what changed after it started
    // (build-started.server.ts). The client is built first.
    buildStart() {
      if (this.environment.mode === "build" && this.environment.name === "client") {
        (globalThis as { __folioBuildStarted?: number }).__folioBuildStarted = Date.now();
      }
    },
    configResolved(config) {
      postsDir = postsFolder(config.root);
      sourcesModule = path.join(config.root, "src/build/post-sources.server.ts");
    },
    resolveId(id) {
      if (!id.startsWith(GROUP_PREFIX)) return;
      return `\0${id}`;
    },
    load(id) {
      if (id === sourcesModule) {
        const groups = [...postFiles().groups.keys()].sort((a, b) => a - b);
        const imports = groups.map((group) => `import group${group} from ${JSON.stringify(groupId(group))};`);
        // One object in the listing's order, made at the first call.
        const read = groups.map((group) => `  const text${group} = group${group}();`);
        const merged = postFiles().files.map(
          (file) => `    ${JSON.stringify(`posts/${file}`)}: text${groupOf(file)}[${JSON.stringify(file)}],`,
        );
        const code = [
          ...imports,
          `export const skippedPosts = ${JSON.stringify(postFiles().skipped)};`,
          "let sources;",
          "export function postSources() {",
          "  return (sources ??= readSources());",
          "}",
          "function readSources() {",
          ...read,
          "  return {",
          ...merged,
          "  };",
          "}",
          "",
        ].join("\n");
        return { code, map: NO_SOURCE_MAP };
      }
      if (id.startsWith(`\0${GROUP_PREFIX}`)) return { code: groupModule(groupNumber(id.slice(1))), map: NO_SOURCE_MAP };
    },
    configureServer(server) {
      postsWatch = watchForServer(postsDir, postFiles().files, server);
      // The posts the site cannot show, for the notice every page shows (components/dev-problems.tsx),
      // as the site found them when it was last built for a page (site.server.ts, siteProblems).
      server.middlewares.use((request, response, next) => {
        if (!request.url?.split("?")[0].endsWith("/__folio/problems")) return next();
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Cache-Control", "no-store");
        response.end(JSON.stringify((globalThis as { __folioProblems?: unknown[] }).__folioProblems ?? []));
      });
      // An existing blog's static/ folder (`staticFolder`): its files at the site's root, as a build publishes them.
      const statics = staticFolder(server.config.root);
      if (statics) server.middlewares.use(sirv(statics, { dev: true }));
    },
    buildEnd() {
      void postsWatch?.then((watch) => watch?.close());
      postsWatch = undefined;
    },
    // Dev server: an edited post reloads its group, an added or removed one the listing too. React
    // Router's dev server loads its server entry again, and with it the changed modules.
    hotUpdate({ type, file, modules }) {
      const relative = path.relative(postsDir, file).split(path.sep).join("/");
      if (!mayBePost(relative)) return;
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
 * Reports each post file added, changed or removed under posts/ to the dev server as Vite's own
 * watcher would (its `add`, `change` and `unlink` events, which run the plugins' hotUpdate). A page
 * bundle's other file changed (an image) also tells the site to read the bundle again
 * (`__folioChangedBundles`, read by site.server.ts) and reloads the open pages, which show the new file.
 */
async function watchForServer(postsDir: string, files: string[], server: ViteDevServer): Promise<PostsWatch | undefined> {
  if (!isDirectory(postsDir)) return undefined;
  const changedBundles = new Set<string>();
  const shared = globalThis as { __folioChangedBundles?: Set<string> };
  try {
    return await watchPosts(
      postsDir,
      files,
      (file, change) => {
        server.watcher.emit(change, path.join(postsDir, file));
        if (changedBundles.delete(file)) server.environments.client.hot.send({ type: "full-reload" });
      },
      (file) => {
        changedBundles.add(file);
        (shared.__folioChangedBundles ??= new Set()).add(`posts/${file}`);
      },
    );
  } catch (error) {
    // A posts folder that cannot be watched (too many folders for the system's inotify limit).
    server.config.logger.warn(`folio: posts/ is not watched: ${(error as Error).message}`);
    return undefined;
  }
}

/** The project's folders whose files the app is made of: React Router's app folder and Vite's public folder. */
const APP_FOLDERS = ["src", "public"];

/**
 * For Vite's watcher, which reloads the page or restarts the server when a file of the app changes:
 * whether a path is none of its business. posts/ (watched by watchPosts) and every folder of the
 * project but src/ and public/ are not watched; the project's own files (vite.config.ts,
 * package.json, .env) and anything outside it (a linked package) are. Other folders hold output,
 * caches, or what an author keeps beside the blog: build/ and .folio-cache/ hold a file per page, and
 * a Hugo blog brought over keeps its public/, resources/ and themes/ folders. The benchmark's Hugo
 * site beside 10,000 posts (41,280 files) made the dev server take 35 s to start instead of 7 s.
 */
export function outsideTheApp(root: string, postsDir: string): (file: string) => boolean {
  return (file) => {
    if (file === postsDir || file.startsWith(postsDir + path.sep)) return true;
    const [first, ...rest] = path.relative(root, file).split(path.sep);
    if (first === ".." || path.isAbsolute(first) || rest.length === 0) return false;
    return !APP_FOLDERS.includes(first);
  };
}

function groupedPostFiles(listing: PostsListing, groupOf: (file: string) => number): PostsListing & { groups: Map<number, string[]> } {
  const groups = new Map<number, string[]>();
  for (const file of listing.files) {
    const group = groupOf(file);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(file);
  }
  return { ...listing, groups };
}

/** FNV-1a: a post's group must not depend on which other posts exist. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}
