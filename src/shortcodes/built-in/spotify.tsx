import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** FixIt's `{{< spotify type="track" id="…" >}}` (or by position): a link card to it on Spotify (FixIt embeds Spotify's player). */
export default function Spotify({ args }: ShortcodeProps) {
  const type = arg(args, "type", 0);
  const id = arg(args, "id", 1);
  if (!type || !id || !/^[a-z]+$/.test(type) || !/^\w+$/.test(id))
    throw new BadArgument('`spotify` needs the type and the id, as in {{< spotify type="track" id="5Z2MiIZ5I3jJvvmeWMLbOQ" >}}');
  return <LinkCard href={`https://open.spotify.com/${type}/${id}`} site="Spotify" title={`Listen to the ${type} on Spotify`} />;
}
