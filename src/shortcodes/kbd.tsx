import { arg, BadArgument, type ShortcodeProps } from "./shortcode";

/**
 * An example of a site's own shortcode, rendered once at build time to static HTML:
 * `{{< kbd "Ctrl+Shift+P" >}}` shows the keys to press, each in a `<kbd>`.
 */
export default function Kbd({ args }: ShortcodeProps) {
  const keys = arg(args, "keys", 0)
    ?.split("+")
    .map((key) => key.trim())
    .filter(Boolean);
  if (!keys?.length) throw new BadArgument('`kbd` needs the keys, as in {{< kbd "Ctrl+K" >}}');
  return (
    <kbd>
      {keys.map((key, index) => (
        <span key={index}>
          {index > 0 && "+"}
          <kbd>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}
