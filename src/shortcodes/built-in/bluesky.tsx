import { BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** DoIt's and FixIt's `{{< bluesky link="https://bsky.app/profile/…/post/…" >}}`: a link card to the post (those themes fetch Bluesky's embed and run its script; Folio does neither). */
export default function Bluesky({ args }: ShortcodeProps) {
  const link = args.link ?? args["0"];
  const handle = link && /^https:\/\/bsky\.app\/profile\/([^/]+)\/post\/\w+/.exec(link)?.[1];
  if (!link || !handle) throw new BadArgument('`bluesky` needs the post\'s address: link="https://bsky.app/profile/<handle>/post/<id>"');
  return <LinkCard href={link} site="Bluesky" title={`A post by @${handle}`} />;
}
