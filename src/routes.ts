import { type RouteConfig, index, route } from "@react-router/dev/routes";

// URLs follow Hugo's (see src/paths.ts). Static segments outrank `:taxonomy`, so `/posts/…`,
// `/page/…` and `/404/` never reach the taxonomy route, which serves lists and their pages.
export default [
  index("routes/home.tsx", { id: "home" }),
  route("page/:page", "routes/home.tsx", { id: "home-page" }),
  route("posts/:slug", "routes/post.tsx"),
  route("posts/:slug/:file", "routes/post-file.ts"),
  // The site's feeds and each tag's (`/index.xml`, `/tags/ai/index.xml`), one route per format: a
  // static build must prerender a URL of every route with a loader, and the site's feed always exists.
  route(":taxonomy?/:term?/index.xml", "routes/feed-rss.ts"),
  route(":taxonomy?/:term?/atom.xml", "routes/feed-atom.ts"),
  route(":taxonomy?/:term?/feed.json", "routes/feed-json.ts"),
  route("sitemap.xml", "routes/sitemap.ts"),
  route("robots.txt", "routes/robots.ts"),
  route(":taxonomy/*", "routes/taxonomy.tsx"),
  route("404", "routes/not-found.tsx", { id: "not-found" }),
  route("*", "routes/not-found.tsx", { id: "splat" }),
] satisfies RouteConfig;
