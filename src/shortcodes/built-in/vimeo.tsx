import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/** Hugo's `{{< vimeo 146022717 >}}` (or `id="…" title="…"`): a link to the video on Vimeo, which loads nothing from Vimeo until followed. */
export default function Vimeo({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^\d+$/.test(id)) throw new BadArgument("`vimeo` needs the video's number, as in {{< vimeo 146022717 >}}");
  return <VideoLink href={`https://vimeo.com/${id}`} site="Vimeo" title={args.title} />;
}
