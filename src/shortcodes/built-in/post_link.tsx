import { refHref } from "../../content/markdown/post-refs";
import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

export const liquid = true;

/**
 * Hexo's `{% post_link hello-world [Its text] %}`: a link to that post (its file name without the
 * extension), showing the text given, else the post's title, as Hexo does.
 */
export default function PostLink({ args, argumentText }: ShortcodeProps) {
  const target = arg(args, "0");
  if (!target) throw new BadArgument("`post_link` needs the post's file name, as in {% post_link hello-world %}");
  const text = argumentText
    .slice(argumentText.indexOf(target) + target.length)
    .replace(/\s+(true|false)$/, "")
    .trim()
    .replace(/^"(.*)"$/, "$1");
  const href = refHref(target);
  // With no text, the link shows its address, which the page shows as the post's title (components/content.tsx).
  return <a href={href}>{text || href}</a>;
}
