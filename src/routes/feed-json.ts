import { feedResponse } from "./feed.server";
import type { Route } from "./+types/feed-json";

/** `feed.json` of the site, or of a tag or category (`/tags/<tag>/feed.json`). */
export function loader({ params }: Route.LoaderArgs) {
  return feedResponse("json", params);
}
