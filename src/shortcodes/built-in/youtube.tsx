import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { VideoLink } from "./parts/video-link";

/** Hugo's `{{< youtube w7Ft2ymGmfc >}}` (or `id="…" title="…"`): a link to the video on YouTube, which loads nothing from YouTube until followed. */
export default function YouTube({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^[\w-]+$/.test(id)) throw new BadArgument("`youtube` needs the video's id, as in {{< youtube w7Ft2ymGmfc >}}");
  const start = args.start ? `&t=${encodeURIComponent(args.start)}` : "";
  return <VideoLink href={`https://www.youtube.com/watch?v=${id}${start}`} site="YouTube" title={args.title} />;
}
