import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

/** LoveIt's `{{< person "https://example.com/" "Name" "what they did" >}}` (or `url=`, `name=`, `text=`, `nick=`): a link to the person, as an h-card. */
export default function Person({ args }: ShortcodeProps) {
  const url = arg(args, "url", 0);
  const name = arg(args, "name", 1);
  if (!url || !name) throw new BadArgument('`person` needs an address and a name, as in {{< person "https://example.com/" "Ada" >}}');
  const text = arg(args, "text", 2);
  return (
    <span className="h-card person-mention">
      <a className="p-name u-url" href={url} title={text}>
        {name}
      </a>
      {args.nick && <span className="p-nickname"> (@{args.nick})</span>}
    </span>
  );
}
