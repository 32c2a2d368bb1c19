import type { ShortcodeProps } from "../shortcode";

export const inner = "html";

/**
 * LoveIt's `{{< raw >}}…{{< /raw >}}`: its content as written, kept from Markdown (LoveIt's docs use
 * it for TeX, whose backslashes and underscores Markdown would read). It is HTML like a post's own:
 * the sanitiser checks it.
 */
export default function Raw({ children }: ShortcodeProps) {
  return <>{children}</>;
}
