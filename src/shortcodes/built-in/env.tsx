import { arg, type ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/**
 * FixIt's `{{< env "production" >}}…{{< /env >}}`: content for one environment only. Folio shows
 * what the published site shows, on the dev server too: the content of `production` (or `prod`),
 * nothing for any other.
 */
export default function Env({ args, children }: ShortcodeProps) {
  const environment = arg(args, "env", 0)?.toLowerCase();
  return environment === "production" || environment === "prod" ? <>{children}</> : null;
}
