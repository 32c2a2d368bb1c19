import { arg, BadArgument, type IslandProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/**
 * Hugo's `{{< youtube w7Ft2ymGmfc >}}` (or `id="…" title="…" start="30"`): a link to the video on
 * YouTube that plays it in place when clicked, from youtube-nocookie.com; nothing loads from YouTube before.
 */
export default function YouTube({ args }: IslandProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^[\w-]+$/.test(id)) throw new BadArgument("`youtube` needs the video's id, as in {{< youtube w7Ft2ymGmfc >}}");
  const start = args.start && /^\d+$/.test(args.start) ? args.start : undefined;
  return (
    <VideoLink
      href={`https://www.youtube.com/watch?v=${id}${start ? `&t=${start}` : ""}`}
      player={`https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ""}`}
      site="YouTube"
      title={args.title}
    />
  );
}
