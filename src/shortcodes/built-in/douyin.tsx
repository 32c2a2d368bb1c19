import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** FixIt's `{{< douyin 7179…>}}`: a link card to the video on Douyin (FixIt embeds Douyin's player). */
export default function Douyin({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^\d+$/.test(id)) throw new BadArgument("`douyin` needs the video's number, as in {{< douyin 7179577006185614592 >}}");
  return <LinkCard href={`https://www.douyin.com/video/${id}`} site="Douyin" title="Watch the video on Douyin" />;
}
