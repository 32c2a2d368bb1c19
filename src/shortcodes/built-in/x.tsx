import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** Hugo's `{{< x user="SanDiegoZoo" id="1453110110599868418" >}}`: a link to the post on X, which loads nothing from X until followed. */
export default function X({ args }: ShortcodeProps) {
  const user = arg(args, "user", 0);
  const id = arg(args, "id", 1);
  if (!user || !id || !/^\w+$/.test(user) || !/^\d+$/.test(id))
    throw new BadArgument('`x` needs the account and the post\'s number, as in {{< x user="SanDiegoZoo" id="1453110110599868418" >}}');
  return <LinkCard href={`https://x.com/${user}/status/${id}`} site="X" title={`A post by @${user}`} />;
}
