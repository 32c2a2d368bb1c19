import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** FixIt's `{{< asciinema-embed 335480 >}}`: a link card to the terminal recording (FixIt runs asciinema's script). */
export default function AsciinemaEmbed({ args }: ShortcodeProps) {
  const id = arg(args, "id", 0);
  if (!id || !/^\w+$/.test(id)) throw new BadArgument("`asciinema-embed` needs the recording's id, as in {{< asciinema-embed 335480 >}}");
  return <LinkCard href={`https://asciinema.org/a/${id}`} site="asciinema" title="A terminal recording" />;
}
