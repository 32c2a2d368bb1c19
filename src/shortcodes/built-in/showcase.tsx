import type { ReactNode } from "react";
import { arg, type ShortcodeProps } from "../shortcode";

/**
 * DoIt's `{{< showcase title="…" summary="…" image="…" link="…" >}}` (or title, summary, image, link
 * by position): a card with the image, the linked title and the summary. Its title is no heading (DoIt's
 * is an h2), so that it stays out of the table of contents; its image is not a second link to the same
 * place (a link with only a decorative image in it has no name for a screen reader).
 */
export default function Showcase({ args }: ShortcodeProps) {
  const title = arg(args, "title", 0) ?? "";
  const summary = arg(args, "summary", 1);
  const image = arg(args, "image", 2);
  const link = arg(args, "link", 3);
  const linked = (content: ReactNode) => (link ? <a href={link}>{content}</a> : content);
  return (
    <div className="showcase">
      {image && <img src={image} alt="" />}
      <p className="showcase-title">{linked(title)}</p>
      {summary && <p>{summary}</p>}
    </div>
  );
}
