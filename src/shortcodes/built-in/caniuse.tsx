import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** FixIt's `{{< caniuse feature="css-grid" >}}`: a link card to the feature's support table (FixIt embeds it with a script). */
export default function CanIUse({ args }: ShortcodeProps) {
  const feature = arg(args, "feature", 0);
  if (!feature || !/^[\w.-]+$/.test(feature))
    throw new BadArgument('`caniuse` needs the feature, as in {{< caniuse feature="css-grid" >}}');
  return <LinkCard href={`https://caniuse.com/${feature}`} site="Can I use" title={`Browser support for ${feature}`} />;
}
