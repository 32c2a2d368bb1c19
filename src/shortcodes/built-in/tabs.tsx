import type { ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/**
 * DoIt's `{{< tabs >}}{{% tab title="One" %}}…{{% /tab %}}…{{< /tabs >}}`: the tabs' contents one
 * after another, each under its title, so every one is readable with no script (DoIt shows one at a
 * time, switched by a script).
 */
export default function Tabs({ children }: ShortcodeProps) {
  return <div className="tabs">{children}</div>;
}
