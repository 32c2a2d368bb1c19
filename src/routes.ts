import { type RouteConfig, index, route } from "@react-router/dev/routes";

// URLs follow Hugo's (see src/paths.ts). Static segments outrank `:taxonomy`, so `/posts/…`,
// `/page/…` and `/404/` never reach the taxonomy route, which serves lists and their pages.
export default [
  index("routes/home.tsx", { id: "home" }),
  route("page/:page", "routes/home.tsx", { id: "home-page" }),
  route("posts/:slug", "routes/post.tsx"),
  route("posts/:slug/:file", "routes/post-file.ts"),
  route(":taxonomy/*", "routes/taxonomy.tsx"),
  route("404", "routes/not-found.tsx", { id: "not-found" }),
  route("*", "routes/not-found.tsx", { id: "splat" }),
] satisfies RouteConfig;
