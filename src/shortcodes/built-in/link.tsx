import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

/** LoveIt's `{{< link "https://example.com/" "Its name" "A title" >}}` (or `href=`, `content=`, `title=`, `class=`, `rel=`): a link. */
export default function Link({ args, markdownify }: ShortcodeProps) {
  const href = arg(args, "href", 0);
  if (!href) throw new BadArgument('`link` needs the address, as in {{< link "https://example.com/" >}}');
  const content = arg(args, "content", 1);
  return (
    <a href={href} title={arg(args, "title", 2)} className={args.class} rel={args.rel}>
      {content ? <span dangerouslySetInnerHTML={{ __html: markdownify(content) }} /> : href}
    </a>
  );
}
