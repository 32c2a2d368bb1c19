import { type RouteConfig, route } from "@react-router/dev/routes";

// URLs follow Hugo's (see src/paths.ts). `:lang?` is a language posts are translated into, as Hugo
// prefixes them (`/fr/`, `/fr/posts/<slug>/`); without it, the site's own. Static segments outrank
// dynamic ones, so `/posts/…`, `/page/…` and `/tags/…` never reach `:lang`, whose loaders 404 any
// other (or show a post whose own `url` is that one folder). (One route each with an optional segment, rather than a route per language: a
// static build must prerender a URL of every route with a loader, and most sites have no translations.)
export default [
  route(":lang?", "routes/home.tsx", { id: "home" }),
  route(":lang?/page/:page", "routes/home.tsx", { id: "home-page" }),
  route(":lang?/posts/:slug", "routes/post.tsx"),
  // The archive, Hugo's section page (`/posts/`, `/posts/page/2/`), of the site's own language.
  route("posts", "routes/archive.tsx", { id: "archive" }),
  route("posts/page/:page", "routes/archive.tsx", { id: "archive-page" }),
  // Search, with its state in the URL's query: one static page the browser fills in.
  route("search", "routes/search.tsx", { id: "search" }),
  route(":lang?/posts/:slug/:file", "routes/post-file.ts"),
  // The site's feeds and each tag's (`/index.xml`, `/tags/ai/index.xml`), one route per format: a
  // static build must prerender a URL of every route with a loader, and the site's feed always exists.
  route(":taxonomy?/:term?/index.xml", "routes/feed-rss.ts"),
  route(":taxonomy?/:term?/atom.xml", "routes/feed-atom.ts"),
  route(":taxonomy?/:term?/feed.json", "routes/feed-json.ts"),
  route("sitemap.xml", "routes/sitemap.ts"),
  route("robots.txt", "routes/robots.ts"),
  // The taxonomies (content/taxonomy.ts) by name, so that they outrank `:lang`.
  route("tags/*", "routes/taxonomy.tsx", { id: "tags" }),
  route("categories/*", "routes/taxonomy.tsx", { id: "categories" }),
  // Anything else: a post at a URL of its own (Hugo's `url`), the not-found page, or a 404.
  route("*", "routes/catch-all.tsx", { id: "splat" }),
] satisfies RouteConfig;
