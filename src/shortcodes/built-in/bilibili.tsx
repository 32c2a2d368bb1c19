import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/** LoveIt's `{{< bilibili BV1Sx411T7QQ [part] >}}` (or `id=`, `p=`): a link to the video on bilibili, which loads nothing from bilibili until followed. */
export default function Bilibili({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  const part = arg(args, "p", 1);
  if (!id || !/^\w+$/.test(id)) throw new BadArgument("`bilibili` needs the video's id, as in {{< bilibili BV1Sx411T7QQ >}}");
  const page = part && /^\d+$/.test(part) && part !== "1" ? `?p=${part}` : "";
  return <VideoLink href={`https://www.bilibili.com/video/${id}${page}`} site="bilibili" title={args.title} />;
}
