import { NotFound } from "../components/not-found";
import { pageMeta } from "./page-meta";
import { paths } from "../paths";
import { siteConfig } from "../site-config";
import type { RouteHandle } from "./route-handle";
import type { Route } from "./+types/not-found";

// The prerendered page becomes 404.html, which static hosts serve at every unknown address;
// without script it cannot try to hydrate a route that address does not have.
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = () =>
  pageMeta({
    title: "Page not found",
    description: `There is nothing at this address on ${siteConfig.title}.`,
    path: paths.notFound(),
    noindex: true,
  });

export default function NotFoundPage() {
  return <NotFound />;
}
