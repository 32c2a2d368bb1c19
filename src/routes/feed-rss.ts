import { feedResponse } from "./feed.server";
import type { Route } from "./+types/feed-rss";

/** `index.xml` of the site, or of a tag or category (`/tags/<tag>/index.xml`). */
export function loader({ params }: Route.LoaderArgs) {
  return feedResponse("rss", params);
}
