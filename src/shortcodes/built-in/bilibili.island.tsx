import { arg, BadArgument, type IslandProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/**
 * LoveIt's `{{< bilibili BV1Sx411T7QQ [part] >}}` (or `id=`, `p=`; an `av…` id too): a link to the
 * video on bilibili that plays it in place when clicked; nothing loads from bilibili before.
 */
export default function Bilibili({ args }: IslandProps) {
  const id = arg(args, "id", 0);
  const part = arg(args, "p", 1);
  if (!id || !/^\w+$/.test(id)) throw new BadArgument("`bilibili` needs the video's id, as in {{< bilibili BV1Sx411T7QQ >}}");
  const page = part && /^\d+$/.test(part) ? part : "1";
  const av = /^av(\d+)$/i.exec(id);
  const video = av ? `aid=${av[1]}` : `bvid=${id}`;
  return (
    <VideoLink
      href={`https://www.bilibili.com/video/${id}${page === "1" ? "" : `?p=${page}`}`}
      player={`https://player.bilibili.com/player.html?${video}&page=${page}&autoplay=1`}
      site="bilibili"
      title={args.title}
    />
  );
}
