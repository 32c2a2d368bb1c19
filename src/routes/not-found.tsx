import { NotFound } from "../components/not-found";
import { siteConfig } from "../site-config";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/not-found";

// The prerendered page becomes 404.html, which static hosts serve at every unknown address;
// without script it cannot try to hydrate a route that address does not have.
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = () => [
  { title: `Page not found – ${siteConfig.title}` },
  { name: "description", content: "There is nothing at this address." },
  { name: "robots", content: "noindex" },
];

export default function NotFoundPage() {
  return <NotFound />;
}
