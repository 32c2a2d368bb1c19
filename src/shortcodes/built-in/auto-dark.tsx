import type { ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/** FixIt's `{{< auto-dark >}}…{{< /auto-dark >}}`: content (a light diagram, a formula image) shown inverted in the dark scheme. */
export default function AutoDark({ children }: ShortcodeProps) {
  return <div className="auto-dark">{children}</div>;
}
