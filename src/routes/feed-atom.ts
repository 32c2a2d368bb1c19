import { feedResponse } from "./feed.server";
import type { Route } from "./+types/feed-atom";

/** `atom.xml` of the site, or of a tag or category (`/tags/<tag>/atom.xml`). */
export function loader({ params }: Route.LoaderArgs) {
  return feedResponse("atom", params);
}
