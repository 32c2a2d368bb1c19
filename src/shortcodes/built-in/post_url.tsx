import { refHref } from "../../content/markdown/post-refs";
import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

export const liquid = true;

/** Jekyll's `{% post_url 2010-07-21-name %}`: the URL of that post (its file name without the extension), for a link. */
export default function PostUrl({ args }: ShortcodeProps) {
  const target = arg(args, "name", 0);
  if (!target) throw new BadArgument("`post_url` needs the post's file name, as in {% post_url 2010-07-21-name %}");
  return <>{refHref(target)}</>;
}
