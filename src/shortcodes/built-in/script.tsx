import type { ShortcodeProps } from "../shortcode";

export const inner = "text";

/**
 * LoveIt's `{{< script >}}…{{< /script >}}` adds JavaScript to the page. A post runs no script in
 * Folio (SECURITY.md): the script is left out, and the build says so.
 */
export default function Script({ warn }: ShortcodeProps) {
  warn("`script`: Folio runs no script from a post, so this one is left out");
  return null;
}
