import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** Hugo's `{{< gist spf13 7896402 [file] >}}`: a link to the gist on GitHub (Hugo embeds GitHub's script; Folio runs none). */
export default function Gist({ args }: ShortcodeProps) {
  const user = arg(args, "user", 0);
  const id = arg(args, "id", 1);
  const file = arg(args, "file", 2);
  if (!user || !id || !/^[\w-]+$/.test(user) || !/^\w+$/.test(id))
    throw new BadArgument("`gist` needs the user and the gist's id, as in {{< gist spf13 7896402 >}}");
  const href = `https://gist.github.com/${user}/${id}${file ? `#file-${file.replace(/[^\w-]/g, "-").toLowerCase()}` : ""}`;
  return <LinkCard href={href} site="GitHub Gist" title={file ? `${file}, a gist by ${user}` : `A gist by ${user}`} />;
}
