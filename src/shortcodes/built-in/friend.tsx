import { BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** DoIt's `{{< friend name="…" url="…" bio="…" avatar="…" >}}`: a link card to a friend's site, with their name and bio. */
export default function Friend({ args }: ShortcodeProps) {
  const { name, url, bio } = args;
  if (!name || !url)
    throw new BadArgument('`friend` needs a name and an address, as in {{< friend name="Ada" url="https://example.com/" >}}');
  return <LinkCard href={url} site={bio ?? new URL(url, "https://folio.invalid").hostname} title={name} />;
}
