import { BadArgument, type ShortcodeProps } from "../shortcode";
import { AudioTrack } from "./parts/audio-list";

/** What is between its tags is the track's lyrics (LRC). */
export const inner = "text";

/**
 * DoIt's and FixIt's `{{< audio name="…" artist="…" url="song.mp3" cover="…" >}}` (inside
 * `aplayer`): the track, played by the browser's own player (those themes use APlayer's script).
 */
export default function Audio({ args, children }: ShortcodeProps) {
  if (!args.url) throw new BadArgument('`audio` needs the file: url="song.mp3"');
  return <AudioTrack url={args.url} name={args.name} artist={args.artist} lyrics={typeof children === "string" ? children : undefined} />;
}
