import { arg, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/**
 * DoIt's `{{< friend name="…" url="…" avatar="…" bio="…" >}}` (or the four by position): a link card
 * to a friend's site, with their name and bio. One with no address is left out, and the author told.
 */
export default function Friend({ args, warn }: ShortcodeProps) {
  const name = arg(args, "name", 0);
  const url = arg(args, "url", 1);
  const bio = arg(args, "bio", 3);
  if (!url) {
    warn('`friend` has no address, so it is left out: add url="https://…"');
    return null;
  }
  return <LinkCard href={url} site={bio || new URL(url, "https://folio.invalid").hostname} title={name || url} />;
}
