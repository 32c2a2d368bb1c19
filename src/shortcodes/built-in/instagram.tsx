import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** Hugo's `{{< instagram CxOWiQNP2MO >}}`: a link to the post on Instagram, which loads nothing from Instagram until followed. */
export default function Instagram({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^[\w-]+$/.test(id)) throw new BadArgument("`instagram` needs the post's id, as in {{< instagram CxOWiQNP2MO >}}");
  return <LinkCard href={`https://www.instagram.com/p/${id}/`} site="Instagram" title={args.title ?? "A post on Instagram"} />;
}
