import { refHref } from "../../content/markdown/post-refs";
import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

/**
 * Jekyll's `{% link _posts/2016-07-26-name.md %}` (a Liquid tag only: `liquid-<name>.tsx` files are
 * Liquid's `{% name %}`, so it is never LoveIt's `{{< link >}}`): the URL of that file of the site.
 * A post is found as `post_url` finds it; another page (`_docs/plugins.md`, a collection's) is where
 * Jekyll publishes it (/docs/plugins/), with a warning that Folio does not.
 */
export default function LiquidLink({ args }: ShortcodeProps) {
  const file = arg(args, "file", 0);
  if (!file) throw new BadArgument("`link` needs the file's path from the site's folder, as in {% link _posts/2016-07-26-name.md %}");
  // Jekyll's folders: _posts/ holds the posts; another _collection/ is published without its underscore.
  const target = file
    .replace(/^\/+/, "")
    .replace(/^_posts\//, "")
    .replace(/^_(?=[^/]+\/)/, "");
  return <>{refHref(target)}</>;
}
