import { arg, BadArgument, type IslandProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/**
 * Hugo's `{{< vimeo 146022717 >}}` (or `id="…" title="…"`): a link to the video on Vimeo that plays
 * it in place when clicked, with Vimeo's do-not-track player; nothing loads from Vimeo before.
 */
export default function Vimeo({ args }: IslandProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^\d+$/.test(id)) throw new BadArgument("`vimeo` needs the video's number, as in {{< vimeo 146022717 >}}");
  return (
    <VideoLink
      href={`https://vimeo.com/${id}`}
      player={`https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`}
      site="Vimeo"
      title={args.title}
    />
  );
}
