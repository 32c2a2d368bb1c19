import { plainify } from "../../content/markdown/shortcodes";
import { arg, BadArgument, booleanArg, type ShortcodeProps } from "../shortcode";

/**
 * LoveIt's `{{< image src="x.jpg" caption="…" alt="…" title="…" src_l="x-large.jpg" >}}` (or
 * positional: src, alt, caption): the image, as a figure with its caption when it has one, linked to
 * its large version (`src_l`, else itself) unless `linked=false`, as LoveIt's lightgallery does.
 */
export default function Image({ args, markdownify, params }: ShortcodeProps) {
  const src = arg(args, "src", 0);
  if (!src) throw new BadArgument('`image` needs the image: add src="file.jpg"');
  const caption = arg(args, "caption", 2);
  const alt = arg(args, "alt", 1) ?? (caption ? plainify(markdownify(caption)) : src);
  const positional = args["0"] !== undefined;
  const linked = positional ? Boolean(caption) || params.lightgallery === true : booleanArg(args.linked, true);
  const image = <img src={src} alt={alt} title={args.title} width={args.width} height={args.height} />;
  const shown = linked ? (
    <a href={args.src_l ?? src} rel={args.rel}>
      {image}
    </a>
  ) : (
    image
  );
  if (!caption) return shown;
  return (
    <figure className={args.class}>
      {shown}
      <figcaption className="image-caption" dangerouslySetInnerHTML={{ __html: markdownify(caption) }} />
    </figure>
  );
}
