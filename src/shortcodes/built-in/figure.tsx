import { plainify } from "../../content/markdown/shortcodes";
import { BadArgument, type ShortcodeProps } from "../shortcode";

/**
 * Hugo's `{{< figure src="x.png" title="…" caption="…" alt="…" link="…" attr="…" attrlink="…" >}}`:
 * an image with its caption, as Hugo's own template writes it, but the title is bold text in the
 * caption rather than an `<h4>`, which would land in the table of contents. PaperMod's `align="center"`
 * centres it.
 */
export default function Figure({ args, markdownify }: ShortcodeProps) {
  const { src, link, target, rel, alt, title, caption, attr, attrlink, width, height } = args;
  if (!src) throw new BadArgument('`figure` needs the image: add src="file.png"');
  const image = <img src={src} alt={alt ?? (caption ? plainify(markdownify(caption)) : "")} width={width} height={height} />;
  return (
    <figure className={[args.class, args.align && `align-${args.align.toLowerCase()}`].filter(Boolean).join(" ") || undefined}>
      {link ? (
        <a href={link} target={target} rel={rel}>
          {image}
        </a>
      ) : (
        image
      )}
      {(title || caption || attr) && (
        <figcaption>
          {title && <strong className="figure-title">{title}</strong>}
          {(caption || attr) && (
            <span className="figure-caption">
              {caption && <span dangerouslySetInnerHTML={{ __html: markdownify(caption) }} />}
              {attr &&
                (attrlink ? (
                  <a href={attrlink}>{plainify(markdownify(attr))}</a>
                ) : (
                  <span dangerouslySetInnerHTML={{ __html: markdownify(attr) }} />
                ))}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
