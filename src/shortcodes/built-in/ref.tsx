import { refHref } from "../../content/markdown/post-refs";
import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

/**
 * Hugo's `{{< ref "other-post.md#part" >}}` (or `path=`): the URL of another post, for a link,
 * `[the other post]({{< ref "other-post.md" >}})`. The target is a post's file, from the posts folder
 * or from this post's folder, with or without `.md` (`other-post`, `/posts/other-post`,
 * `other-post/index.md`); a target that is no post stops the build, naming both files.
 */
export default function Ref({ args }: ShortcodeProps) {
  const target = arg(args, "path", 0);
  if (!target) throw new BadArgument('`ref` needs the post to link to, as in {{< ref "other-post.md" >}}');
  return <>{refHref(target)}</>;
}
