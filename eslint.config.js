// ESLint: JavaScript and TypeScript mistakes, React's hooks rules, accessibility in JSX, and the
// import direction of src/ (ARCHITECTURE.md, "What may import what"). Formatting is Prettier's
// (`npm run format`); eslint-config-prettier turns off the rules that would disagree with it.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The parts of src/, each answering one question. A file belongs to the first pattern that matches.
 * The import direction they keep (everything else is an error):
 *
 *   app (root, entry points) → routes → components → content → config
 *                               routes → site (the one door into build/) → build → content
 *                                                       content → shortcode renderer → shortcodes → markdown
 *                                          components → islands → shortcodes
 */
const ELEMENTS = [
  // The article pipeline: Markdown to an HTML tree, React element data and feed HTML. Knows nothing of posts.
  { type: "markdown", pattern: "src/content/markdown" },
  // What a post is: pure functions of a post's text and its bundle files.
  { type: "content", pattern: "src/content" },
  // What the reader sees: React components, given data.
  { type: "components", pattern: "src/components" },
  // Shortcodes: React components a post calls by name ({{< figure >}}), rendered to HTML when the post is parsed.
  { type: "shortcodes", pattern: "src/shortcodes" },
  // How a build and the dev server run: planning, workers, caches, prerendering, output, Vite plugins.
  { type: "build", pattern: "src/build" },
  // One module per URL pattern: a loader that selects data, a component that composes.
  { type: "routes", pattern: "src/routes" },
  // Any other folder: not yet placed in the architecture (an error until it is added here).
  { type: "unplaced", pattern: "src/*" },
  // The files at the top of src/: React Router's app files (page shell, entry points, route table) and the site's settings and URLs.
  { type: "app", pattern: "src" },
].map((element) => ({ ...element, partialMatch: false }));

/** Files with a role of their own inside those parts. */
const FILES = [
  // Settings and URLs: every part may read them; they import nothing but each other (and content's types).
  { category: "config", pattern: ["src/site-config.ts", "src/paths.ts"] },
  // The route table: which module serves which URL (the build fingerprints pages with its loaders).
  { category: "route-table", pattern: "src/routes.ts" },
  // The site as the routes read it, from the build's caches or kept up to date on the dev server: the one door into build/.
  { category: "site", pattern: "src/build/site.server.ts" },
  // The shortcodes as the parser renders them: the one door from content into src/shortcodes/.
  { category: "shortcode-renderer", pattern: "src/shortcodes/render.server.tsx" },
  // The interactive shortcodes as the page loads them: the one door from components into src/shortcodes/.
  { category: "islands", pattern: "src/shortcodes/islands.ts" },
];

const part = (...types) => ({ element: { types: { anyOf: types } } });
const file = (category) => ({ file: { categories: category } });
/** `from` may import `to` (parts or files). */
const may = (from, ...to) => ({ from, allow: to.map((target) => ({ to: target })) });

/** What may import what: anything not allowed here is an error. */
const POLICIES = [
  may(part("markdown"), part("markdown"), file("config")),
  may(part("content"), part("content", "markdown"), file("config"), file("shortcode-renderer")),
  may(part("shortcodes"), part("shortcodes", "markdown"), file("config")),
  may(part("components"), part("components", "content", "markdown"), file("config"), file("islands")),
  may(part("build"), part("build", "content", "markdown"), file("config"), file("route-table")),
  may(part("routes"), part("routes", "components", "content", "markdown"), file("config"), file("site")),
  may(part("app"), part("app", "routes", "components", "build", "content", "markdown")),
  // The settings and URLs are files of the app part with rules of their own (later policies win).
  {
    from: file("config"),
    disallow: { to: part("app", "routes", "components", "build", "content", "markdown") },
    message: "src/site-config.ts and src/paths.ts import only each other (and content's types): every part reads them",
  },
  may(file("config"), file("config")),
  // paths.ts names the taxonomies with content's type: a type import adds no code.
  { from: file("config"), allow: { to: part("content"), dependency: { kind: "type" } } },
  {
    from: part("unplaced"),
    disallow: { to: { module: { origin: "local" } } },
    message: "{{from.path}} is in no part of the architecture: add it to ELEMENTS in eslint.config.js and to ARCHITECTURE.md",
  },
  {
    to: part("unplaced"),
    disallow: { to: part("unplaced") },
    message: "{{to.path}} is in no part of the architecture: add it to ELEMENTS in eslint.config.js and to ARCHITECTURE.md",
  },
];

const importDirection = {
  files: ["src/**/*.{ts,tsx,mjs}"],
  plugins: { boundaries },
  settings: {
    "boundaries/elements": ELEMENTS,
    "boundaries/files": FILES,
    "boundaries/include": ["src/**/*"],
    "import/resolver": { node: { extensions: [".ts", ".tsx", ".mjs", ".js"] } },
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        // Imports within a part are checked too: the settings and URLs are files of the app part.
        checkInternals: true,
        message: '{{from.type}} may not import {{to.type}} ({{to.path}}): see ARCHITECTURE.md, "What may import what"',
        policies: POLICIES,
      },
    ],
    // Every file under src/ belongs to a part: a new folder is placed in the architecture on purpose.
    "boundaries/no-unknown-files": "error",
  },
};

/** Content is pure: it reads no files and starts no threads (the build hands it a post's text and bundle files). */
const pureContent = {
  files: ["src/content/**/*.{ts,tsx}"],
  ignores: ["**/*.test.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(node:)?(fs|fs/promises|worker_threads|child_process|os)$",
            message: "content is a pure function of a post's text and bundle files: read files in src/build/ and pass what they hold in",
          },
          {
            regex: "^(vite|react-router|react|react-dom)(/.*)?$",
            message: "content knows nothing of the build tool, the router or React",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  // Fixtures are other people's files, copied unchanged (tests/fixtures/drop-in/README.md).
  { ignores: ["build/", ".react-router/", "node_modules/", "coverage/", ".folio-cache/", "tmp/", "tests/fixtures/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A key taken out of an object to keep the rest (`const { article: _article, ...rest } = parsed`), or `_name`, is unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // Types are imported as types, so that no module is loaded for them (`verbatimModuleSyntax` in tsconfig.json).
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    files: ["src/**/*.tsx", "tests/**/*.tsx"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  { files: ["src/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  importDirection,
  pureContent,
  {
    // Build code, scripts, tests and configuration run in Node.js; components and routes also in the browser.
    files: ["src/build/**", "scripts/**", "tests/**", "*.{js,ts}", "src/entry.server.tsx"],
    languageOptions: { globals: globals.node },
  },
  // Components and routes run in the browser; so do the functions that tests and the benchmark pass to `page.evaluate`.
  {
    files: ["src/**", "tests/e2e/**", "scripts/bench/**"],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
